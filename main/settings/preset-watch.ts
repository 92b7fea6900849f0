/**
 * What IT presets (machine defaults, policy files, the registry, managed preferences) read again every
 * minute, so a change applies without a restart. A source that cannot be read keeps the values last
 * read from it: a policy file caught half-written or a reg.exe that failed once must not unlock a
 * machine. A source that is gone (the file deleted, the key removed) is no policy, and its values fall
 * back to the person's or the defaults.
 */
import type { Clock, Logger } from '../core/ports.ts';
import type { Layer } from './layers.ts';

/** Policy is read again this often; a change applies within it. */
export const PRESET_REREAD_MS = 60_000;

export interface PresetLayers {
  readonly machine: Layer;
  readonly policy: Layer;
}

export interface PresetWatchOptions {
  /** Reads every source once (main/adapters/policy-sources.ts `readPresetLayers`). */
  readonly read: () => Promise<PresetLayers>;
  /** The layers to use from now on (the settings service's `replacePresets`). */
  readonly apply: (presets: PresetLayers) => void;
  readonly clock: Clock;
  readonly log: Logger;
  readonly intervalMs?: number;
}

export interface PresetWatch {
  /** Reads every source now; resolves once what it read applies. */
  readNow(): Promise<void>;
  stop(): void;
}

type Rank = keyof PresetLayers;

/** A source that could not be read at all says so with a problem about every key ('*'). */
const unreadable = (layer: Layer): readonly string[] =>
  layer.problems.filter((problem) => problem.key === '*').map((problem) => `${problem.origin} ${problem.reason}`);

export function watchPresets(initial: PresetLayers, options: PresetWatchOptions): PresetWatch {
  const { clock, log } = options;
  const intervalMs = options.intervalMs ?? PRESET_REREAD_MS;
  let lastGood: PresetLayers = initial;
  const broken = new Map<Rank, string>();
  let reading: Promise<void> | null = null;
  let cancel: (() => void) | null = null;
  let stopped = false;

  function keepOrTake(rank: Rank, fresh: Layer): Layer {
    const reasons = unreadable(fresh);
    if (reasons.length === 0) {
      if (broken.delete(rank)) log.info('what the organisation set can be read again', { source: rank });
      return fresh;
    }
    const reason = reasons.join('; ');
    if (broken.get(rank) !== reason) {
      log.warn('could not read what the organisation set; the values read before stay in force', {
        source: rank,
        reason,
      });
      broken.set(rank, reason);
    }
    return lastGood[rank];
  }

  async function readOnce(): Promise<void> {
    try {
      const fresh = await options.read();
      if (stopped) return;
      lastGood = { machine: keepOrTake('machine', fresh.machine), policy: keepOrTake('policy', fresh.policy) };
      options.apply(lastGood);
    } catch (error) {
      log.warn('could not read what the organisation set; the values read before stay in force', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  function schedule(): void {
    if (stopped) return;
    cancel = clock.setTimer(() => {
      cancel = null;
      void readNow().finally(schedule);
    }, intervalMs);
  }

  // One read at a time: a slow reg.exe is never started again before it answered.
  function readNow(): Promise<void> {
    reading ??= readOnce().finally(() => {
      reading = null;
    });
    return reading;
  }

  schedule();
  return {
    readNow,
    stop() {
      stopped = true;
      cancel?.();
      cancel = null;
    },
  };
}
