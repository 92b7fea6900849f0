/** Exchanges an enrollment code for a device token: a new person and device; the token is shown once. */
import type { EnrollRequest, EnrollResponse } from '../../common/protocol.ts';
import type { Db } from '../database.ts';
import { hashSecret, newToken, normalizeEnrollmentCode } from '../security/secrets.ts';
import { hashEnrollmentCode } from './enrollment-codes.ts';
import { findOrCreateTeam } from './teams.ts';

export type EnrollOutcome =
  { readonly ok: true; readonly answer: EnrollResponse } | { readonly ok: false; readonly reason: string };

export async function enroll(db: Db, request: EnrollRequest, now = new Date()): Promise<EnrollOutcome> {
  const normalized = normalizeEnrollmentCode(request.code);
  if (normalized === null)
    return {
      ok: false,
      reason: 'this is not an enrollment code: it has 16 letters and digits, like 7KQ2-M9XD-3H8T-VW4C',
    };
  return db.transaction().execute(async (trx): Promise<EnrollOutcome> => {
    const code = await trx
      .selectFrom('enrollment_codes')
      .leftJoin('teams', 'teams.id', 'enrollment_codes.team_id')
      .select(['enrollment_codes.id', 'enrollment_codes.team_id', 'teams.name as team', 'expires_at', 'revoked_at'])
      .where('code_hash', '=', hashEnrollmentCode(normalized))
      .executeTakeFirst();
    if (!code) return { ok: false, reason: 'this enrollment code is not known here; check it, or ask for a new one' };
    if (code.revoked_at !== null) return { ok: false, reason: 'this enrollment code was revoked; ask for a new one' };
    if (code.expires_at !== null && code.expires_at <= now.toISOString())
      return {
        ok: false,
        reason: `this enrollment code expired on ${code.expires_at.slice(0, 10)}; ask for a new one`,
      };

    // A team the person names wins over the code's: one code may serve a whole company.
    const team =
      request.team === undefined
        ? code.team_id === null
          ? null
          : { id: code.team_id, name: code.team ?? '' }
        : await findOrCreateTeam(trx, request.team);
    const person = await trx
      .insertInto('people')
      .values({ display_name: request.displayName.trim(), team_id: team?.id ?? null, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = newToken();
    await trx
      .insertInto('devices')
      .values({
        person_id: person.id,
        enrollment_code_id: code.id,
        token_hash: hashSecret(token),
        created_at: now.toISOString(),
        revoked_at: null,
      })
      .execute();
    await trx
      .updateTable('enrollment_codes')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('id', '=', code.id)
      .execute();
    return { ok: true, answer: { token, displayName: request.displayName.trim(), team: team?.name ?? null } };
  });
}
