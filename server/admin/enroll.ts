/**
 * Exchanges an enrollment code for a device token: a new person and device, or, when the desktop sends
 * an enrollment id it sent before (the answer was lost), the same person and device with a fresh token.
 * One transaction: a refusal or a failure at any step leaves no person, no device and no use counted.
 */
import type { Transaction } from 'kysely';
import { Value } from 'typebox/value';
import { checkName } from '../../common/names.ts';
import { EnrollResponseSchema, type EnrollRequest, type EnrollResponse } from '../../common/protocol.ts';
import type { Database, Db } from '../database.ts';
import { isUniqueViolation } from '../dialect.ts';
import { hashSecret, newToken } from '../security/secrets.ts';
import { countUse, teamOnEnrolling, usableCode } from './enrollment-codes.ts';

export type EnrollOutcome =
  /** `again`: the device an earlier try with the same enrollment id made, with a fresh token. */
  | { readonly ok: true; readonly answer: EnrollResponse; readonly again: boolean }
  | { readonly ok: false; readonly status: 400 | 403 | 409; readonly reason: string };

const refused = (status: 400 | 403 | 409, reason: string): EnrollOutcome => ({ ok: false, status, reason });

/** The device an earlier try with this enrollment id made, with a fresh token; null when there is none. */
async function enrolledBefore(
  trx: Transaction<Database>,
  enrollmentId: string,
  codeId: number,
  token: string,
): Promise<EnrollOutcome | null> {
  const device = await trx
    .selectFrom('devices')
    .innerJoin('people', 'people.id', 'devices.person_id')
    .leftJoin('teams', 'teams.id', 'people.team_id')
    .select(['devices.id', 'enrollment_code_id', 'devices.revoked_at', 'people.display_name', 'teams.name as team'])
    .where('enrollment_id', '=', enrollmentId)
    .executeTakeFirst();
  if (!device) return null;
  // The id is not a credential on its own: only the code it was first sent with gets its device back.
  if (device.enrollment_code_id !== codeId)
    return refused(409, 'this enrollment was started with another enrollment code; enroll again from the start');
  if (device.revoked_at !== null)
    return refused(403, 'this desktop was removed from the endpoint; enroll again with a new code');
  // The token the lost answer carried is replaced: nothing anyone may have kept of it works any more.
  await trx
    .updateTable('devices')
    .set({ token_hash: hashSecret(token) })
    .where('id', '=', device.id)
    .execute();
  return { ok: true, answer: { token, displayName: device.display_name, team: device.team }, again: true };
}

export async function enroll(db: Db, request: EnrollRequest, now = new Date()): Promise<EnrollOutcome> {
  const name = checkName(request.displayName);
  if (!name.ok) return refused(400, `the display name ${name.reason}`);
  const team = request.team === undefined ? undefined : checkName(request.team);
  if (team?.ok === false) return refused(400, `the team ${team.reason}`);
  const attempt = () => enrollOnce(db, request, { name: name.value, team: team?.value }, now);
  try {
    return await attempt();
  } catch (error) {
    // A retry that overtook its first try (a proxy gave up on it, another replica took the retry): the
    // first committed the device with this enrollment id, so this one, run again, finds it.
    if (request.enrollmentId !== undefined && isUniqueViolation(error)) return attempt();
    throw error;
  }
}

async function enrollOnce(
  db: Db,
  request: EnrollRequest,
  names: { readonly name: string; readonly team: string | undefined },
  now: Date,
): Promise<EnrollOutcome> {
  return db.transaction().execute(async (trx): Promise<EnrollOutcome> => {
    const verdict = await usableCode(trx, request.code, now);
    if (!verdict.ok) return refused(403, verdict.reason);
    const token = newToken();
    if (request.enrollmentId !== undefined) {
      const again = await enrolledBefore(trx, request.enrollmentId, verdict.code.id, token);
      if (again) return again;
    }
    const usedUp = await countUse(trx, verdict.code.id);
    if (usedUp !== null) return refused(403, usedUp);

    const joined = await teamOnEnrolling(trx, verdict.code, names.team);
    const person = await trx
      .insertInto('people')
      .values({ display_name: names.name, team_id: joined?.id ?? null, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('devices')
      .values({
        person_id: person.id,
        enrollment_code_id: verdict.code.id,
        token_hash: hashSecret(token),
        enrollment_id: request.enrollmentId ?? null,
        created_at: now.toISOString(),
        revoked_at: null,
      })
      .execute();
    const answer: EnrollResponse = { token, displayName: names.name, team: joined?.name ?? null };
    // Checked before the commit: an answer the route could not send must not leave a person behind.
    if (!Value.Check(EnrollResponseSchema, answer)) throw new Error('an enrollment answer failed its own schema');
    return { ok: true, answer, again: false };
  });
}
