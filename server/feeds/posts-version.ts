/**
 * The one counter behind GET /v1/posts: every change a desktop can see (a post added or edited, its kit
 * saved or deleted, a feed added or removed) takes the next number inside the changing transaction.
 * On PostgreSQL the update locks the row until commit, so numbers are committed in order and a reader
 * holding cursor N has seen every change up to N; SQLite has one writer at a time anyway.
 */
import type { Db } from '../database.ts';

/** Takes the next `count` numbers inside the caller's transaction; returns the last of them. */
export async function nextPostsVersion(trx: Db, count = 1): Promise<number> {
  const row = await trx
    .updateTable('posts_version')
    .set((eb) => ({ version: eb('version', '+', count) }))
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function postsVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('posts_version').select('version').where('id', '=', 1).executeTakeFirst();
  return row?.version ?? 0;
}
