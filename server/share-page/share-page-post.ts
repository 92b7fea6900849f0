/**
 * The post a share page is about: `/p/<feed id>-<item key>` names one row of `posts`, so the address is
 * short, stable across kit edits, and says nothing a guess could use (the key is a hash of the item id).
 */
import type { EndpointPost } from '../../common/protocol.ts';
import type { Db } from '../database.ts';
import { listKitsFor } from '../kits/kit-store.ts';
import { postFromRow } from '../feeds/post-rows.ts';
import { withKit } from '../feeds/posts-page.ts';

export const POST_REF_PATTERN = '^[0-9]{1,9}-[0-9a-f]{16}$';

export const postRef = (feedId: number, itemKey: string): string => `${String(feedId)}-${itemKey}`;

/** The share page's path for a post, relative to the endpoint's public address. */
export const sharePagePath = (feedId: number, itemKey: string): string => `p/${postRef(feedId, itemKey)}`;

/** The post with its kit merged, as desktops get it from GET /v1/posts; null when no feed has it. */
export async function sharePagePost(db: Db, ref: string): Promise<EndpointPost | null> {
  const [feedId, itemKey] = ref.split('-');
  const row = await db
    .selectFrom('posts')
    .innerJoin('feeds', 'feeds.id', 'posts.feed_id')
    .selectAll('posts')
    .select('feeds.url as feed_url')
    .where('posts.feed_id', '=', Number(feedId))
    .where('posts.item_key', '=', itemKey ?? '')
    .executeTakeFirst();
  if (row === undefined) return null;
  const kits = await listKitsFor(db, [row.link]);
  return withKit(postFromRow(row), kits.get(row.link));
}
