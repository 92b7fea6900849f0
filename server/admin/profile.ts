/**
 * A person changes how they are named after enrolling (PATCH /v1/me): their display name always, their
 * team only when the code they enrolled with lets people choose (a fixed team is how an organisation
 * keeps team totals honest). Their standing shares and clicks count for the team they are in now; the
 * weekly team figures already counted stay with the team they were counted for.
 */
import { checkName } from '../../common/names.ts';
import type { Me, MeUpdate } from '../../common/protocol.ts';
import type { Caller } from '../auth/device-auth.ts';
import type { Db } from '../database.ts';
import { teamChangeRefusal } from './enrollment-codes.ts';
import { findOrCreateTeam, teamKey } from './teams.ts';

export type ProfileOutcome =
  { readonly ok: true; readonly me: Me } | { readonly ok: false; readonly status: 400 | 403; readonly reason: string };

export async function updateProfile(db: Db, caller: Caller, update: MeUpdate): Promise<ProfileOutcome> {
  const name = update.displayName === undefined ? undefined : checkName(update.displayName);
  if (name?.ok === false) return { ok: false, status: 400, reason: `the display name ${name.reason}` };
  const team = update.team === undefined || update.team === null ? update.team : checkName(update.team);
  if (team?.ok === false) return { ok: false, status: 400, reason: `the team ${team.reason}` };

  return db.transaction().execute(async (trx): Promise<ProfileOutcome> => {
    const current = await trx
      .selectFrom('devices')
      .innerJoin('people', 'people.id', 'devices.person_id')
      .leftJoin('teams as own', 'own.id', 'people.team_id')
      .leftJoin('enrollment_codes', 'enrollment_codes.id', 'devices.enrollment_code_id')
      .leftJoin('teams as coded', 'coded.id', 'enrollment_codes.team_id')
      .select(['people.display_name', 'own.id as teamId', 'own.name as team', 'team_choice', 'coded.name as codeTeam'])
      .where('devices.id', '=', caller.deviceId)
      .executeTakeFirstOrThrow();
    let joined = current.teamId === null ? null : { id: current.teamId, name: current.team ?? '' };
    // Naming the team one is already in is no change, allowed whatever the code says.
    const unchanged =
      team === undefined ||
      (team === null ? joined === null : joined !== null && teamKey(joined.name) === teamKey(team.value));
    if (!unchanged) {
      const refusal = teamChangeRefusal(
        current.team_choice === null ? null : { teamChoice: current.team_choice === 1, team: current.codeTeam },
      );
      if (refusal !== null) return { ok: false, status: 403, reason: refusal };
      joined = team === null ? null : await findOrCreateTeam(trx, team.value);
    }
    const displayName = name?.value ?? current.display_name;
    await trx
      .updateTable('people')
      .set({ display_name: displayName, team_id: joined?.id ?? null })
      .where('id', '=', caller.personId)
      .execute();
    return { ok: true, me: { displayName, team: joined?.name ?? null } };
  });
}
