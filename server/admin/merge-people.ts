/**
 * Merging two people who are one human enrolled twice: devices, share events, tracked links and clicks
 * move to the person kept, in one transaction, and the counts stay exact by the rule in
 * shares/merge-ledger.ts (a post both shared on the same network counts once). The other person's row
 * is deleted; their tracked links already out in shared posts keep working and count for the one kept.
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../database.ts';
import { lockRows } from '../dialect.ts';
import { mergeStates } from '../shares/merge-ledger.ts';
import { personStates, writeLedgerChanges } from '../shares/record-events.ts';
import { logAction, personLabel, type Actor } from './action-log.ts';
import { lockedPerson, noSuchPerson, type ChangeOutcome } from './people.ts';

/** The removed person's tracked links: moved to the kept person, or, for a post and network the kept
 * person has a link for already, made an alias of that link (with their clicks). */
async function moveLinks(trx: Transaction<Database>, keptId: number, removedId: number): Promise<void> {
  const links = await trx
    .selectFrom('tracked_links as removed')
    .leftJoin('tracked_links as kept', (join) =>
      join
        .onRef('kept.post_key', '=', 'removed.post_key')
        .onRef('kept.network', '=', 'removed.network')
        .on('kept.person_id', '=', keptId),
    )
    .select(['removed.code as code', 'kept.code as keptCode'])
    .where('removed.person_id', '=', removedId)
    .orderBy('removed.code')
    .execute();
  for (const { code, keptCode } of links) {
    if (keptCode === null) continue;
    await trx.updateTable('merged_links').set({ into_code: keptCode }).where('into_code', '=', code).execute();
    await trx.insertInto('merged_links').values({ code, into_code: keptCode }).execute();
    await trx.updateTable('clicks').set({ code: keptCode }).where('code', '=', code).execute();
    await trx.deleteFrom('tracked_links').where('code', '=', code).execute();
  }
  await trx.updateTable('tracked_links').set({ person_id: keptId }).where('person_id', '=', removedId).execute();
}

export function mergePeople(
  db: Db,
  ids: { readonly keep: number; readonly remove: number },
  actor: Actor,
  now = new Date(),
): Promise<ChangeOutcome> {
  if (ids.keep === ids.remove)
    return Promise.resolve({
      ok: false,
      reason: 'Both choices are the same person: pick the person to keep and the duplicate to merge into them.',
    });
  return db.transaction().execute(async (trx): Promise<ChangeOutcome> => {
    // Both at once, in id order, as the event writer locks people: no crosswise wait.
    await lockRows(trx, 'people', [ids.keep, ids.remove]);
    const kept = await lockedPerson(trx, ids.keep);
    const removed = await lockedPerson(trx, ids.remove);
    if (!kept) return { ok: false, reason: noSuchPerson(ids.keep) };
    if (!removed) return { ok: false, reason: noSuchPerson(ids.remove) };

    const changes = mergeStates({
      keptId: kept.id,
      keptTeam: kept.teamId ?? 0,
      keptStates: await personStates(trx, kept.id),
      removedTeam: removed.teamId ?? 0,
      removedStates: await personStates(trx, removed.id),
    });
    await trx.deleteFrom('share_states').where('person_id', '=', removed.id).execute();
    await writeLedgerChanges(trx, changes, now.toISOString());
    await trx.updateTable('share_events').set({ person_id: kept.id }).where('person_id', '=', removed.id).execute();
    await trx.updateTable('devices').set({ person_id: kept.id }).where('person_id', '=', removed.id).execute();
    await moveLinks(trx, kept.id, removed.id);
    await trx
      .updateTable('draws')
      .set({ winner_person_id: kept.id })
      .where('winner_person_id', '=', removed.id)
      .execute();
    const { clicks } = await trx
      .selectFrom('people')
      .select('clicks')
      .where('id', '=', removed.id)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('people')
      .set((eb) => ({ clicks: eb('clicks', '+', clicks) }))
      .where('id', '=', kept.id)
      .execute();
    await trx.deleteFrom('people').where('id', '=', removed.id).execute();

    const once = changes.sharedByBoth === 1 ? '1 share' : `${String(changes.sharedByBoth)} shares`;
    const detail = `merged ${personLabel(removed)} into it; ${once} both had made now counted once`;
    await logAction(trx, { actor, action: 'merge', target: personLabel(kept), detail }, now);
    return {
      ok: true,
      message: `Merged “${removed.displayName}” into “${kept.displayName}”: devices, shares and links moved; ${once} both had made ${changes.sharedByBoth === 1 ? 'is' : 'are'} now counted once.`,
    };
  });
}
