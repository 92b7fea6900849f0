/**
 * Leases for scheduled work: a job (feed polls, channel sends, housekeeping) is done by whichever
 * replica holds its row in job_leases, and by no other. The holder renews before the lease runs out;
 * a holder that dies stops renewing, and once its lease has expired another replica takes it over.
 * Expiry is measured on the database's clock, so replicas with skewed clocks still agree. One
 * statement decides (an upsert whose update applies only to the same holder or an expired lease), so
 * two replicas asking at the same moment never both get it.
 */
import type { Db } from '../database.ts';
import { databaseTime, dialectOf } from '../dialect.ts';

export interface Lease {
  readonly job: string;
  readonly holder: string;
  /** Goes up by one each time the lease changes hands: work stamped with an older one was a previous holder's. */
  readonly generation: number;
  /** ISO 8601, on the database's clock. */
  readonly expiresAt: string;
}

const fromRow = (row: { job: string; holder: string; generation: number; expires_at: string }): Lease => ({
  job: row.job,
  holder: row.holder,
  generation: row.generation,
  expiresAt: row.expires_at,
});

/** Takes the job's lease for `seconds`, or renews it when `holder` has it; null while another holder's lease runs. */
export async function acquireLease(db: Db, job: string, holder: string, seconds: number): Promise<Lease | null> {
  const dialect = dialectOf(db);
  const row = await db
    .insertInto('job_leases')
    .values({
      job,
      holder,
      generation: 1,
      acquired_at: databaseTime(dialect),
      expires_at: databaseTime(dialect, seconds),
    })
    .onConflict((conflict) =>
      conflict
        .column('job')
        .doUpdateSet((eb) => {
          const sameHolder = eb('job_leases.holder', '=', eb.ref('excluded.holder'));
          return {
            holder: eb.ref('excluded.holder'),
            generation: eb
              .case()
              .when(sameHolder)
              .then(eb.ref('job_leases.generation'))
              .else(eb('job_leases.generation', '+', 1))
              .end(),
            acquired_at: eb
              .case()
              .when(sameHolder)
              .then(eb.ref('job_leases.acquired_at'))
              .else(eb.ref('excluded.acquired_at'))
              .end(),
            expires_at: eb.ref('excluded.expires_at'),
          };
        })
        .where((eb) =>
          eb.or([
            eb('job_leases.holder', '=', eb.ref('excluded.holder')),
            eb('job_leases.expires_at', '<=', eb.ref('excluded.acquired_at')),
          ]),
        ),
    )
    .returning(['job', 'holder', 'generation', 'expires_at'])
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/**
 * Gives the lease up now (on shutdown), so another replica need not wait for it to expire. The row
 * stays, expired, so the next holder's generation still counts this hand-over.
 */
export async function releaseLease(db: Db, job: string, holder: string): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable('job_leases')
    .set({ expires_at: databaseTime(dialectOf(db)) })
    .where('job', '=', job)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}

/**
 * Who holds or last held the job's lease (released and dead holders' leases have expired: see
 * expiresAt); null when nobody ever took it.
 */
export async function leaseOf(db: Db, job: string): Promise<Lease | null> {
  const row = await db
    .selectFrom('job_leases')
    .select(['job', 'holder', 'generation', 'expires_at'])
    .where('job', '=', job)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Still our lease, on the database's clock, with the generation we started under: else a new holder's work wins. */
export async function stillHeld(trx: Db, lease: Lease): Promise<boolean> {
  const row = await trx
    .selectFrom('job_leases')
    .select('job')
    .where('job', '=', lease.job)
    .where('holder', '=', lease.holder)
    .where('generation', '=', lease.generation)
    .where('expires_at', '>', databaseTime(dialectOf(trx)))
    .executeTakeFirst();
  return row !== undefined;
}
