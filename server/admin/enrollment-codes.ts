/** Enrollment codes: shared by many desktops (IT puts one in policy), expiring and revocable. */
import type { Kysely } from 'kysely';
import type { Database, Db } from '../database.ts';
import { hashSecret, newEnrollmentCode, normalizeEnrollmentCode } from '../security/secrets.ts';
import { findOrCreateTeam } from './teams.ts';

export interface NewCode {
  /** Public id for listing and revoking; the code itself is shown once. */
  readonly id: number;
  readonly code: string;
}

export const hashEnrollmentCode = (normalized: string): string => hashSecret(`enrollment:${normalized}`);

export async function createEnrollmentCode(
  db: Kysely<Database>,
  options: { team: string | null; expiresAt: Date | null },
  now = new Date(),
): Promise<NewCode> {
  const code = newEnrollmentCode();
  const teamId = options.team === null ? null : (await findOrCreateTeam(db, options.team)).id;
  const row = await db
    .insertInto('enrollment_codes')
    .values({
      code_hash: hashEnrollmentCode(normalizeEnrollmentCode(code) ?? ''),
      team_id: teamId,
      created_at: now.toISOString(),
      expires_at: options.expiresAt?.toISOString() ?? null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, code };
}

export interface CodeListing {
  readonly id: number;
  readonly team: string | null;
  readonly uses: number;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export async function listEnrollmentCodes(db: Db): Promise<CodeListing[]> {
  const rows = await db
    .selectFrom('enrollment_codes')
    .leftJoin('teams', 'teams.id', 'enrollment_codes.team_id')
    .select(['enrollment_codes.id', 'teams.name as team', 'uses', 'created_at', 'expires_at', 'revoked_at'])
    .orderBy('enrollment_codes.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    team: row.team,
    uses: row.uses,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  }));
}

/** True when the code existed and was not revoked already. Devices enrolled with it keep working. */
export async function revokeEnrollmentCode(db: Db, id: number, now = new Date()): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable('enrollment_codes')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}
