/**
 * The lines of the share journal (one JSON record per line) and what a compaction keeps of them. The
 * window's figures depend only on the newest event per post and network (local-results.ts), so an
 * acknowledged event that a newer one overrides can go; everything else stays.
 */
import type { ShareEvent } from '../../common/domain.ts';
import { jsonObjectOf } from '../storage/json-line.ts';
import { decisiveEvents } from './local-results.ts';

export type JournalRecord =
  | { readonly kind: 'event'; readonly event: ShareEvent }
  /** The endpoint has these events (created or duplicate): they leave the outbox. */
  | { readonly kind: 'ack'; readonly ids: readonly string[] }
  /** The endpoint (or this desktop's own check) refused this event for good: out of the outbox, kept to be seen. */
  | { readonly kind: 'reject'; readonly id: string; readonly reason: string };

export function parseRecord(line: string): JournalRecord | null {
  const value = jsonObjectOf(line);
  if (value === null) return null;
  const record = value as { kind?: unknown; event?: unknown; ids?: unknown; id?: unknown; reason?: unknown };
  if (record.kind === 'event' && typeof record.event === 'object' && record.event !== null)
    return value as JournalRecord;
  if (record.kind === 'ack' && Array.isArray(record.ids) && record.ids.every((id) => typeof id === 'string'))
    return value as JournalRecord;
  if (record.kind === 'reject' && typeof record.id === 'string' && typeof record.reason === 'string')
    return value as JournalRecord;
  return null;
}

export interface JournalState {
  /** In the order they were recorded. */
  readonly events: ReadonlyMap<string, ShareEvent>;
  readonly acknowledged: ReadonlySet<string>;
  readonly rejected: ReadonlyMap<string, string>;
}

/** The records of a compacted journal: the same outbox, the same figures, fewer lines. */
export function compactedRecords(state: JournalState): JournalRecord[] {
  const decisive = new Set(decisiveEvents(state.events.values()).values());
  const kept = [...state.events.values()].filter((event) => decisive.has(event) || !state.acknowledged.has(event.id));
  const acknowledged = kept.filter((event) => state.acknowledged.has(event.id)).map((event) => event.id);
  return [
    ...kept.map((event): JournalRecord => ({ kind: 'event', event })),
    ...(acknowledged.length > 0 ? [{ kind: 'ack', ids: acknowledged } as const] : []),
    ...kept.flatMap((event): JournalRecord[] => {
      const reason = state.rejected.get(event.id);
      return reason === undefined ? [] : [{ kind: 'reject', id: event.id, reason }];
    }),
  ];
}
