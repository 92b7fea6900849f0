/**
 * A job that runs in rounds on the replica holding its lease: every `tickMs`, at once when the lease
 * is taken, and when woken (new work arrived in this process). A wake during a round runs another round
 * right after it; a round may also ask for one (more work behind a full batch). Stopping waits for the
 * round under way, then gives the lease up.
 */
import type { Db } from '../database.ts';
import type { Lease } from './lease.ts';
import { LeaseKeeper, type LeaseKeeperOptions } from './lease-keeper.ts';

export interface LeasedJob {
  /** Run a round now, if this replica holds the lease. */
  wake(): void;
  stop(): Promise<void>;
}

/** `round` does one batch under `lease` and says whether there is more to do at once. */
export function startLeasedJob(
  db: Db,
  options: LeaseKeeperOptions & { readonly tickMs: number },
  round: (lease: Lease) => Promise<boolean>,
): LeasedJob {
  let running: Promise<void> | null = null;
  // Changed by wake() and stop() while a round awaits the network.
  const flags = { again: false, stopped: false };

  async function rounds(): Promise<void> {
    do {
      flags.again = false;
      const lease = keeper.lease();
      if (lease === null || flags.stopped) return;
      if (await round(lease)) flags.again = true;
    } while (flags.again);
  }

  function wake(): void {
    if (flags.stopped || !keeper.isHeld()) return;
    if (running) {
      flags.again = true;
      return;
    }
    running = rounds()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
  }

  const keeper = new LeaseKeeper(db, {
    ...options,
    onChange: (lease) => {
      options.onChange?.(lease);
      if (lease) wake();
    },
  });
  keeper.start();
  const timer = setInterval(wake, options.tickMs);
  timer.unref();

  return {
    wake,
    async stop() {
      flags.stopped = true;
      clearInterval(timer);
      await running;
      await keeper.stop();
    },
  };
}
