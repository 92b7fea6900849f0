/**
 * How many notifications were shown on which local day, kept across restarts so that quitting and
 * starting the app does not reset the daily cap. One small file in userData, replaced atomically.
 */
import { readFile } from 'node:fs/promises';
import type { Logger } from '../core/ports.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';

export const SHOWN_TALLY_FILE = 'notifications-shown.json';

export interface ShownTally {
  /** Notifications shown on `day` (a local day, notification-gate.ts `localDay`); 0 for any other day. */
  shown(day: string): number;
  /** `count` more were shown on `day`; a new day starts from zero. */
  add(day: string, count: number): void;
  /** Resolves once every count so far is on disk. */
  flushed(): Promise<void>;
}

interface TallyRecord {
  readonly day: string;
  readonly shown: number;
}

export function memoryShownTally(): ShownTally {
  let record: TallyRecord = { day: '', shown: 0 };
  return {
    shown: (day) => (record.day === day ? record.shown : 0),
    add(day, count) {
      record = { day, shown: (record.day === day ? record.shown : 0) + count };
    },
    flushed: () => Promise.resolve(),
  };
}

function parseRecord(text: string): TallyRecord | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { day, shown } = value as Record<string, unknown>;
    return typeof day === 'string' && typeof shown === 'number' && Number.isInteger(shown) && shown >= 0
      ? { day, shown }
      : null;
  } catch {
    return null;
  }
}

/** The tally in `path`; a missing or damaged file starts from zero (at worst a few more notices that day). */
export async function openShownTally(path: string, log?: Logger): Promise<ShownTally> {
  const text = await readFile(path, 'utf8').catch(() => null);
  const stored = text === null ? null : parseRecord(text);
  if (text !== null && stored === null)
    log?.warn('the count of notifications shown today could not be read; counting from zero', { file: path });
  const tally = memoryShownTally();
  if (stored) tally.add(stored.day, stored.shown);
  let writes = Promise.resolve();
  return {
    shown: (day) => tally.shown(day),
    add(day, count) {
      tally.add(day, count);
      const snapshot = JSON.stringify({ day, shown: tally.shown(day) });
      writes = writes
        .then(() => writeFileAtomic(path, snapshot))
        .catch((error: unknown) => {
          log?.warn('could not save the count of notifications shown today', {
            reason: error instanceof Error ? error.message : String(error),
          });
        });
    },
    flushed: () => writes,
  };
}
