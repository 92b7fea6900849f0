/**
 * The endpoint's own scheduled job, run under a lease by one replica at a time: removes expired
 * dashboard sessions and past days' visitor salts (the salts must go for the visitor hashes of those
 * days to stay unlinkable). The first job on the lease mechanism; feed polling will be the next.
 */
import type { Db } from '../database.ts';
import { LeaseKeeper, type LeaseKeeperOptions } from './lease-keeper.ts';

export const HOUSEKEEPING_JOB = 'housekeeping';
const EVERY_MS = 10 * 60_000;

export async function sweep(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('admin_sessions').where('expires_at', '<=', now.toISOString()).execute();
  await db.deleteFrom('visitor_salts').where('day', '<', now.toISOString().slice(0, 10)).execute();
}

export function startHousekeeping(db: Db, options: Omit<LeaseKeeperOptions, 'job'>): { stop: () => Promise<void> } {
  const lease = new LeaseKeeper(db, { ...options, job: HOUSEKEEPING_JOB });
  lease.start();
  const timer = setInterval(() => {
    if (lease.isHeld()) sweep(db, new Date()).catch((error: unknown) => options.onError?.(error));
  }, EVERY_MS);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      return lease.stop();
    },
  };
}
