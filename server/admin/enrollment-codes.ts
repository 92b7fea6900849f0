/**
 * Enrollment codes: shared by many desktops (IT puts one in policy), expiring, revocable, with an
 * optional maximum number of uses, and with a team that is fixed unless the code lets people choose.
 * Every rule about what a code allows is checked here.
 */
import type { Kysely, Transaction } from 'kysely';
import { checkName } from '../../common/names.ts';
import type { Database, Db } from '../database.ts';
import { hashSecret, newEnrollmentCode, normalizeEnrollmentCode } from '../security/secrets.ts';
import { findOrCreateTeam } from './teams.ts';

export interface NewCode {
  /** Public id for listing and revoking; the code itself is shown once. */
  readonly id: number;
  readonly code: string;
}

export interface CodeOptions {
  /** The team of everyone enrolled with it; with `teamChoice`, the team of those who name none. */
  readonly team: string | null;
  readonly expiresAt: Date | null;
  /** How many enrollments it allows; null or absent for no limit. */
  readonly maxUses?: number | null;
  /** People may name their own team, when enrolling and later. Default: no, the code's team holds. */
  readonly teamChoice?: boolean;
}

/** A code cannot be made as asked; the message says why, in words for whoever asked. */
export class CodeRefused extends Error {
  override readonly name = 'CodeRefused';
}

export const hashEnrollmentCode = (normalized: string): string => hashSecret(`enrollment:${normalized}`);

export async function createEnrollmentCode(
  db: Kysely<Database>,
  options: CodeOptions,
  now = new Date(),
): Promise<NewCode> {
  const team = options.team === null ? null : checkName(options.team);
  if (team?.ok === false) throw new CodeRefused(`the team ${team.reason}`);
  if (options.maxUses != null && !(Number.isInteger(options.maxUses) && options.maxUses > 0))
    throw new CodeRefused(`the maximum number of uses must be a whole number above 0, not ${String(options.maxUses)}`);
  const code = newEnrollmentCode();
  const teamId = team === null ? null : (await findOrCreateTeam(db, team.value)).id;
  const row = await db
    .insertInto('enrollment_codes')
    .values({
      code_hash: hashEnrollmentCode(normalizeEnrollmentCode(code) ?? ''),
      team_id: teamId,
      max_uses: options.maxUses ?? null,
      team_choice: options.teamChoice === true ? 1 : 0,
      created_at: now.toISOString(),
      expires_at: options.expiresAt?.toISOString() ?? null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, code };
}

/** A code that may enroll now, as enroll() needs it. */
export interface UsableCode {
  readonly id: number;
  readonly team: { readonly id: number; readonly name: string } | null;
  readonly teamChoice: boolean;
}

export type CodeVerdict =
  { readonly ok: true; readonly code: UsableCode } | { readonly ok: false; readonly reason: string };

/** Whether a code as typed may enroll at `now`; the reason is in words for the person who typed it. */
export async function usableCode(trx: Transaction<Database>, typed: string, now: Date): Promise<CodeVerdict> {
  const normalized = normalizeEnrollmentCode(typed);
  if (normalized === null)
    return {
      ok: false,
      reason: 'this is not an enrollment code: it has 16 letters and digits, like 7KQ2-M9XD-3H8T-VW4C',
    };
  const row = await trx
    .selectFrom('enrollment_codes')
    .leftJoin('teams', 'teams.id', 'enrollment_codes.team_id')
    .select(['enrollment_codes.id', 'team_id', 'teams.name as team', 'team_choice', 'expires_at', 'revoked_at'])
    .where('code_hash', '=', hashEnrollmentCode(normalized))
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'this enrollment code is not known here; check it, or ask for a new one' };
  if (row.revoked_at !== null) return { ok: false, reason: 'this enrollment code was revoked; ask for a new one' };
  if (row.expires_at !== null && row.expires_at <= now.toISOString())
    return { ok: false, reason: `this enrollment code expired on ${row.expires_at.slice(0, 10)}; ask for a new one` };
  return {
    ok: true,
    code: {
      id: row.id,
      team: row.team_id === null ? null : { id: row.team_id, name: row.team ?? '' },
      teamChoice: row.team_choice === 1,
    },
  };
}

/**
 * Counts one enrollment, unless the code has none left. One conditional update, so enrollments racing
 * on several replicas never get past the limit together (PostgreSQL holds the row until the transaction ends).
 */
export async function countUse(trx: Transaction<Database>, codeId: number): Promise<string | null> {
  const { numUpdatedRows } = await trx
    .updateTable('enrollment_codes')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', codeId)
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .executeTakeFirst();
  if (numUpdatedRows > 0n) return null;
  const { max_uses: max } = await trx
    .selectFrom('enrollment_codes')
    .select('max_uses')
    .where('id', '=', codeId)
    .executeTakeFirstOrThrow();
  return `this enrollment code has been used the ${String(max)} times it allows; ask for a new one`;
}

/**
 * The team someone enrolling with `code` joins. A code without a choice keeps its own team and ignores
 * the one asked for: older desktops, and settings IT preset, send a team, and refusing would leave the
 * person unable to connect for something they may not be able to change. The answer says which team holds.
 */
export async function teamOnEnrolling(
  trx: Transaction<Database>,
  code: UsableCode,
  asked: string | undefined,
): Promise<{ readonly id: number; readonly name: string } | null> {
  if (!code.teamChoice || asked === undefined) return code.team;
  return findOrCreateTeam(trx, asked);
}

/** Whether a person enrolled with this code may change their team later; null when they may, else why not. */
export function teamChangeRefusal(
  code: { readonly teamChoice: boolean; readonly team: string | null } | null,
): string | null {
  if (code?.teamChoice === true) return null;
  return code?.team
    ? `your team (${code.team}) comes with the enrollment code you joined with and cannot be changed here; ask whoever gave you the code`
    : 'the enrollment code you joined with does not let people choose a team; ask whoever gave you the code';
}

export interface CodeListing {
  readonly id: number;
  readonly team: string | null;
  readonly teamChoice: boolean;
  readonly uses: number;
  readonly maxUses: number | null;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export async function listEnrollmentCodes(db: Db): Promise<CodeListing[]> {
  const rows = await db
    .selectFrom('enrollment_codes')
    .leftJoin('teams', 'teams.id', 'enrollment_codes.team_id')
    .select([
      'enrollment_codes.id',
      'teams.name as team',
      'team_choice',
      'uses',
      'max_uses',
      'created_at',
      'expires_at',
      'revoked_at',
    ])
    .orderBy('enrollment_codes.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    team: row.team,
    teamChoice: row.team_choice === 1,
    uses: row.uses,
    maxUses: row.max_uses,
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
