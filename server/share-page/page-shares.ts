/** Shares marked on a share page by someone unnamed (a channel's link): counted apart, per post and network. */
import type { Network } from '../../common/domain.ts';
import { uuidv7 } from '../../common/uuid.ts';
import type { Db, DbNumber } from '../database.ts';

export async function recordPageShare(db: Db, postKey: string, network: Network, at: Date): Promise<void> {
  await db
    .insertInto('page_shares')
    .values({ id: uuidv7(at.getTime()), post_key: postKey, network, shared_at: at.toISOString() })
    .execute();
}

/** How many shares were marked on share pages without a person, in all. */
export async function pageShareCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('page_shares')
    .select((eb) => eb.fn.countAll<DbNumber>().as('shares'))
    .executeTakeFirstOrThrow();
  return Number(row.shares);
}
