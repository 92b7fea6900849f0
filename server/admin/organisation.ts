/** The organisation row: created on first start with an admin token and a first enrollment code. */
import type { Db } from '../database.ts';
import { hashSecret, newToken, sameSecret } from '../security/secrets.ts';
import { createEnrollmentCode } from './enrollment-codes.ts';

export interface FirstStart {
  readonly adminToken: string;
  readonly enrollmentCode: string;
}

/** Creates the organisation if there is none; returns the secrets to print once, or null if it existed. */
export async function ensureOrganisation(db: Db, now = new Date()): Promise<FirstStart | null> {
  return db.transaction().execute(async (trx) => {
    const adminToken = newToken();
    // Replicas starting together on an empty database: the one whose row goes in first creates it.
    const inserted = await trx
      .insertInto('organisation')
      .values({
        id: 1,
        admin_token_hash: hashSecret(adminToken),
        anonymous_leaderboard: 0,
        created_at: now.toISOString(),
      })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return null;
    // The first code serves the whole organisation: people name their own team with it.
    const { code } = await createEnrollmentCode(trx, { team: null, expiresAt: null, teamChoice: true }, now);
    return { adminToken, enrollmentCode: code };
  });
}

export async function isAdminToken(db: Db, token: string): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('admin_token_hash').executeTakeFirst();
  return row !== undefined && sameSecret(hashSecret(token), row.admin_token_hash);
}

/** A new admin token; the old one and every dashboard session signed in with it stop working. */
export async function rotateAdminToken(db: Db): Promise<string> {
  const adminToken = newToken();
  await db.transaction().execute(async (trx) => {
    const { numUpdatedRows } = await trx
      .updateTable('organisation')
      .set({ admin_token_hash: hashSecret(adminToken) })
      .executeTakeFirst();
    if (numUpdatedRows === 0n) throw new Error('there is no organisation yet: start the endpoint once first');
    await trx.deleteFrom('admin_sessions').execute();
  });
  return adminToken;
}

export async function isLeaderboardAnonymous(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('anonymous_leaderboard').executeTakeFirst();
  return row?.anonymous_leaderboard === 1;
}

export async function setLeaderboardAnonymous(db: Db, anonymous: boolean): Promise<void> {
  await db
    .updateTable('organisation')
    .set({ anonymous_leaderboard: anonymous ? 1 : 0 })
    .execute();
}
