/**
 * Turns the core's new-post events into notifications: select-notices.ts picks them, notification-gate.ts
 * lets them through or holds them back (pause, quiet hours, daily cap). Keeps the pause and today's count
 * (both persisted by the app, so "until tomorrow" and the cap survive a restart).
 */
import type { PauseChoice, QuietHours } from '../../common/settings.ts';
import type { AppCore } from '../core/app-core.ts';
import type { Logger, Notifier } from '../core/ports.ts';
import { DEFAULT_SETTINGS } from '../settings/defaults.ts';
import { gateNotices, localDay, pauseEnd } from './notification-gate.ts';
import { selectNotices } from './select-notices.ts';
import { memoryShownTally, type ShownTally } from './shown-tally.ts';

export interface NotificationRules {
  readonly quietHours: QuietHours | null;
  readonly dailyNotificationCap: number;
}

/** Where the pause end is kept between runs (ISO time, or null when not paused). */
export interface PauseStore {
  load(): string | null;
  save(until: string | null): void;
}

export interface NotificationCenterOptions {
  readonly core: Pick<AppCore, 'coreEvents'>;
  readonly notifier: Notifier;
  /** Read at every decision, so a settings change applies to the next poll. */
  readonly rules?: () => NotificationRules;
  readonly pauses?: PauseStore;
  /** Today's count for the daily cap; the app keeps it in a file (shown-tally.ts) so a restart keeps it. */
  readonly tally?: ShownTally;
  readonly now?: () => Date;
  readonly log?: Logger;
}

export interface NotificationCenter {
  pause(choice: PauseChoice): Date;
  resume(): void;
  pausedUntil(): Date | null;
  /** Called on pause, resume, and when a pause runs out. */
  onPauseChange(listener: () => void): () => void;
  shownToday(): number;
  stop(): void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

function memoryPauses(): PauseStore {
  let until: string | null = null;
  return {
    load: () => until,
    save: (value) => {
      until = value;
    },
  };
}

export function createNotificationCenter(options: NotificationCenterOptions): NotificationCenter {
  const now = options.now ?? (() => new Date());
  const rules = options.rules ?? (() => DEFAULT_SETTINGS);
  const pauses = options.pauses ?? memoryPauses();
  const listeners = new Set<() => void>();
  const tally = options.tally ?? memoryShownTally();
  let expiry: NodeJS.Timeout | null = null;

  const announce = (): void => {
    for (const listener of listeners) listener();
  };

  function pausedUntil(): Date | null {
    const stored = pauses.load();
    const until = stored === null ? null : new Date(stored);
    if (until === null || Number.isNaN(until.getTime()) || until <= now()) return null;
    return until;
  }

  function armExpiry(): void {
    if (expiry) clearTimeout(expiry);
    expiry = null;
    const until = pausedUntil();
    if (!until) return;
    // Timers cannot wait longer than about 24 days; a longer pause just re-arms when this one fires.
    expiry = setTimeout(
      () => {
        if (pausedUntil()) {
          armExpiry();
          return;
        }
        pauses.save(null);
        announce();
      },
      Math.min(until.getTime() - now().getTime(), MAX_TIMER_MS),
    );
    expiry.unref();
  }

  const shownToday = (): number => tally.shown(localDay(now()));

  const unsubscribe = options.core.coreEvents.on('newPosts', ({ posts, firstPoll }) => {
    const at = now();
    const { quietHours, dailyNotificationCap } = rules();
    const decision = gateNotices(selectNotices(posts, { firstPoll, now: at }), at, {
      pausedUntil: pausedUntil(),
      quietHours,
      dailyCap: dailyNotificationCap,
      shownToday: tally.shown(localDay(at)),
    });
    if (decision.withheld) options.log?.info('held notifications back', { reason: decision.withheld });
    if (decision.show.length > 0) tally.add(localDay(at), decision.show.length);
    for (const notice of decision.show) options.notifier.show(notice);
  });
  armExpiry();

  return {
    pause(choice) {
      const until = pauseEnd(choice, now());
      pauses.save(until.toISOString());
      armExpiry();
      announce();
      return until;
    },
    resume() {
      pauses.save(null);
      armExpiry();
      announce();
    },
    pausedUntil,
    onPauseChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    shownToday,
    stop() {
      unsubscribe();
      if (expiry) clearTimeout(expiry);
    },
  };
}
