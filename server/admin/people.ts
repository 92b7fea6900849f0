/**
 * People as the admin manages them: the list, renaming, changing team, deactivating and reactivating.
 * Each change is logged with who made it (admin/action-log.ts) in the transaction that makes it.
 * A deactivated person's devices are refused (auth/device-auth.ts); their shares stay counted in the
 * totals, teams, posts and weeks (they happened), but they leave the leaderboard and the contest draw
 * until reactivated.
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../database.ts';
import { lockRows } from '../dialect.ts';
import { teamChangeWeeks } from '../shares/merge-ledger.ts';
import { personStates, writeLedgerChanges } from '../shares/record-events.ts';
import { logAction, personLabel, type Actor } from './action-log.ts';
import { checkName } from './person-name.ts';
import { findOrCreateTeam } from './teams.ts';

export interface PersonListing {
  readonly id: number;
  readonly displayName: string;
  readonly team: string | null;
  readonly shares: number;
  readonly clicks: number;
  /** Devices whose token works. */
  readonly devices: number;
  readonly revokedDevices: number;
  /** The newest time one of their devices called the endpoint (to the hour), if any did. */
  readonly lastSeenAt: string | null;
  readonly enrolledAt: string;
  /** The code their first device enrolled with. */
  readonly enrolledWithCode: number | null;
  readonly deactivatedAt: string | null;
}

/** Everyone, by name; or only the person `id`. */
export async function listPeople(db: Db, id?: number): Promise<PersonListing[]> {
  let peopleQuery = db
    .selectFrom('people')
    .leftJoin('teams', 'teams.id', 'people.team_id')
    .select([
      'people.id',
      'people.display_name',
      'teams.name as team',
      'people.shares',
      'people.clicks',
      'people.created_at',
      'people.deactivated_at',
    ])
    .orderBy('people.display_name')
    .orderBy('people.id');
  let devicesQuery = db
    .selectFrom('devices')
    .select(['person_id', 'enrollment_code_id', 'revoked_at', 'last_seen_at'])
    .orderBy('id');
  if (id !== undefined) {
    peopleQuery = peopleQuery.where('people.id', '=', id);
    devicesQuery = devicesQuery.where('person_id', '=', id);
  }
  const people = await peopleQuery.execute();
  const devices = await devicesQuery.execute();
  const byPerson = new Map<number, typeof devices>();
  for (const device of devices) {
    const own = byPerson.get(device.person_id);
    if (own) own.push(device);
    else byPerson.set(device.person_id, [device]);
  }
  return people.map((person) => {
    const own = byPerson.get(person.id) ?? [];
    const seen = own.map((device) => device.last_seen_at).filter((at): at is string => at !== null);
    return {
      id: person.id,
      displayName: person.display_name,
      team: person.team,
      shares: person.shares,
      clicks: person.clicks,
      devices: own.filter((device) => device.revoked_at === null).length,
      revokedDevices: own.filter((device) => device.revoked_at !== null).length,
      lastSeenAt: seen.length === 0 ? null : seen.reduce((a, b) => (a > b ? a : b)),
      enrolledAt: person.created_at,
      enrolledWithCode: own[0]?.enrollment_code_id ?? null,
      deactivatedAt: person.deactivated_at,
    };
  });
}

export type ChangeOutcome =
  { readonly ok: true; readonly message: string } | { readonly ok: false; readonly reason: string };

const refused = (reason: string): ChangeOutcome => ({ ok: false, reason });

interface PersonRow {
  readonly id: number;
  readonly displayName: string;
  readonly teamId: number | null;
  readonly team: string | null;
  readonly deactivatedAt: string | null;
}

/** The person, locked for the rest of the transaction, or undefined. */
export async function lockedPerson(trx: Transaction<Database>, id: number): Promise<PersonRow | undefined> {
  await lockRows(trx, 'people', [id]);
  const row = await trx
    .selectFrom('people')
    .leftJoin('teams', 'teams.id', 'people.team_id')
    .select(['people.id', 'people.display_name', 'people.team_id', 'teams.name as team', 'people.deactivated_at'])
    .where('people.id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      displayName: row.display_name,
      teamId: row.team_id,
      team: row.team,
      deactivatedAt: row.deactivated_at,
    }
  );
}

export const noSuchPerson = (id: number): string =>
  `There is no person ${String(id)} (merged into someone else, or never enrolled). Nothing was changed; pick one from the list of people.`;

/** Runs `change` on the locked person in one transaction; a refusal changes nothing. */
function changePerson(
  db: Db,
  id: number,
  change: (trx: Transaction<Database>, person: PersonRow) => Promise<ChangeOutcome>,
): Promise<ChangeOutcome> {
  return db.transaction().execute(async (trx) => {
    const person = await lockedPerson(trx, id);
    return person ? change(trx, person) : refused(noSuchPerson(id));
  });
}

export function renamePerson(db: Db, id: number, name: string, actor: Actor, now = new Date()): Promise<ChangeOutcome> {
  const checked = checkName(name, 'The name');
  if (!checked.ok) return Promise.resolve(refused(checked.reason));
  return changePerson(db, id, async (trx, person) => {
    if (person.displayName === checked.value) return { ok: true, message: `The name was already “${checked.value}”.` };
    await trx.updateTable('people').set({ display_name: checked.value }).where('id', '=', id).execute();
    const detail = `name “${person.displayName}” → “${checked.value}”`;
    await logAction(trx, { actor, action: 'rename', target: personLabel(person), detail }, now);
    return { ok: true, message: `Renamed “${person.displayName}” to “${checked.value}”.` };
  });
}

/**
 * A new team (an empty one: no team). The person's standing shares count for the new team from now on,
 * in every week they were made: a team's figures are those of its current members.
 */
export function changeTeam(db: Db, id: number, team: string, actor: Actor, now = new Date()): Promise<ChangeOutcome> {
  const blank = team.replace(/\s+/gu, '') === '';
  const checked = blank ? null : checkName(team, 'The team');
  if (checked && !checked.ok) return Promise.resolve(refused(checked.reason));
  return changePerson(db, id, async (trx, person) => {
    const next = checked ? await findOrCreateTeam(trx, checked.value) : null;
    if ((next?.id ?? null) === person.teamId)
      return { ok: true, message: `${person.displayName} was already in ${next?.name ?? 'no team'}.` };
    await trx
      .updateTable('people')
      .set({ team_id: next?.id ?? null })
      .where('id', '=', id)
      .execute();
    const weeks = teamChangeWeeks(await personStates(trx, id), person.teamId ?? 0, next?.id ?? 0);
    await writeLedgerChanges(trx, { states: [], personShares: new Map(), posts: new Map(), weeks }, now.toISOString());
    const detail = `team ${person.team ?? 'none'} → ${next?.name ?? 'none'}`;
    await logAction(trx, { actor, action: 'change team', target: personLabel(person), detail }, now);
    return { ok: true, message: `${person.displayName} is now in ${next?.name ?? 'no team'}.` };
  });
}

export function setPersonActive(
  db: Db,
  id: number,
  active: boolean,
  actor: Actor,
  now = new Date(),
): Promise<ChangeOutcome> {
  return changePerson(db, id, async (trx, person) => {
    if ((person.deactivatedAt === null) === active)
      return { ok: true, message: `${person.displayName} was already ${active ? 'active' : 'deactivated'}.` };
    await trx
      .updateTable('people')
      .set({ deactivated_at: active ? null : now.toISOString() })
      .where('id', '=', id)
      .execute();
    const action = active ? 'reactivate' : 'deactivate';
    await logAction(
      trx,
      {
        actor,
        action,
        target: personLabel(person),
        detail: active ? 'devices work again; back on the leaderboard' : 'devices refused; off the leaderboard',
      },
      now,
    );
    return {
      ok: true,
      message: active
        ? `${person.displayName} is active again: their devices work and they are back on the leaderboard.`
        : `${person.displayName} is deactivated: their devices are refused and they left the leaderboard. Their shares stay in the totals.`,
    };
  });
}
