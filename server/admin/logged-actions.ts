/**
 * Enrollment codes and devices changed by an admin, from the dashboard or the command line: the change
 * and its line in the action log in one transaction.
 */
import type { Db } from '../database.ts';
import { logAction, personLabel, type Actor } from './action-log.ts';
import { revokeDevice } from './devices.ts';
import { createEnrollmentCode, revokeEnrollmentCode, type NewCode } from './enrollment-codes.ts';

export type CodeOptions = Parameters<typeof createEnrollmentCode>[1];

const codeLabel = (id: number): string => `code ${String(id)}`;

export function createCodeAs(db: Db, options: CodeOptions, actor: Actor, now = new Date()): Promise<NewCode> {
  return db.transaction().execute(async (trx) => {
    const created = await createEnrollmentCode(trx, options, now);
    const expiry = options.expiresAt ? `expires ${options.expiresAt.toISOString().slice(0, 10)}` : 'no expiry';
    const team = options.team === null ? 'no team' : `team ${options.team}`;
    const choice = options.teamChoice === true ? 'people may name their own team' : 'its team holds';
    const uses = options.maxUses == null ? 'no limit of uses' : `at most ${String(options.maxUses)} enrollments`;
    const detail = `${team}; ${choice}; ${uses}; ${expiry}`;
    await logAction(trx, { actor, action: 'create code', target: codeLabel(created.id), detail }, now);
    return created;
  });
}

/** True when the code existed and was not revoked already; only then is it logged. */
export function revokeCodeAs(db: Db, id: number, actor: Actor, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await revokeEnrollmentCode(trx, id, now))) return false;
    const detail = 'no new enrollments; devices enrolled with it keep working';
    await logAction(trx, { actor, action: 'revoke code', target: codeLabel(id), detail }, now);
    return true;
  });
}

/** The id of the person whose device it was, or null when there was no such device or it was revoked already. */
export function revokeDeviceAs(db: Db, id: number, actor: Actor, now = new Date()): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await revokeDevice(trx, id, now))) return null;
    const owner = await trx
      .selectFrom('devices')
      .innerJoin('people', 'people.id', 'devices.person_id')
      .select(['people.id', 'people.display_name as displayName'])
      .where('devices.id', '=', id)
      .executeTakeFirstOrThrow();
    const target = `device ${String(id)} of ${personLabel(owner)}`;
    await logAction(trx, { actor, action: 'revoke device', target, detail: 'its token is refused from now on' }, now);
    return owner.id;
  });
}
