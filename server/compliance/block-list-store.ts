/**
 * The organisation's block list as the admin sets it. Desktops get it with the kits (GET /v1/kits
 * ?include=blockList) and combine it with their IT policy's; every change moves the kits' ETag.
 */
import {
  blockTermProblem,
  foldTerm,
  MAX_BLOCK_TERMS,
  type BlockLevel,
  type BlockTerm,
} from '../../common/share/block-list.ts';
import type { Db, DbNumber } from '../database.ts';
import { bumpKitsVersion } from '../kits/kit-store.ts';

export type SetTermOutcome =
  | { readonly ok: true; readonly change: 'added' | 'updated'; readonly entry: BlockTerm }
  | { readonly ok: false; readonly reason: string };

/** Terms in the order they compare, so the answer (and its ETag) does not depend on the order of edits. */
export async function listBlockTerms(db: Db): Promise<BlockTerm[]> {
  const rows = await db.selectFrom('block_list').select(['term', 'level']).orderBy('term_key').execute();
  return rows.map(({ term, level }) => ({ term, level }));
}

/** Adds a term, or changes the level (and spelling) of one already listed in any case or width. */
export async function setBlockTerm(db: Db, term: string, level: BlockLevel, now = new Date()): Promise<SetTermOutcome> {
  const problem = blockTermProblem(term);
  if (problem !== null) return { ok: false, reason: problem };
  const entry: BlockTerm = { term: term.trim(), level };
  const key = foldTerm(term);
  return db.transaction().execute(async (trx): Promise<SetTermOutcome> => {
    const known = await trx.selectFrom('block_list').select('term_key').where('term_key', '=', key).executeTakeFirst();
    if (known === undefined) {
      const { count } = await trx
        .selectFrom('block_list')
        .select((eb) => eb.fn.countAll<DbNumber>().as('count'))
        .executeTakeFirstOrThrow();
      if (Number(count) >= MAX_BLOCK_TERMS)
        return { ok: false, reason: `the list already holds ${String(MAX_BLOCK_TERMS)} terms, the most it may hold` };
    }
    const row = { term_key: key, term: entry.term, level, updated_at: now.toISOString() };
    await trx
      .insertInto('block_list')
      .values(row)
      .onConflict((conflict) =>
        conflict.column('term_key').doUpdateSet({ term: row.term, level: row.level, updated_at: row.updated_at }),
      )
      .execute();
    await bumpKitsVersion(trx);
    return { ok: true, change: known === undefined ? 'added' : 'updated', entry };
  });
}

/** Removes a term however it is written ("insider" removes "Insider"); false when it was not listed. */
export async function removeBlockTerm(db: Db, term: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { numDeletedRows } = await trx
      .deleteFrom('block_list')
      .where('term_key', '=', foldTerm(term))
      .executeTakeFirst();
    if (numDeletedRows > 0n) await bumpKitsVersion(trx);
    return numDeletedRows > 0n;
  });
}
