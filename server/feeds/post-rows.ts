/**
 * A feed's items as the endpoint keeps and serves them. Feeds are hostile input: an item the wire
 * contract (EndpointPostSchema) cannot carry is left out rather than sent to fail every desktop's
 * check, and over-long texts are cut to the contract's bounds.
 */
import type { Selectable } from 'kysely';
import { Value } from 'typebox/value';
import { NETWORKS, type FeedItem, type Network } from '../../common/domain.ts';
import { EndpointPostSchema, MAX_PITCH_LENGTH, type EndpointPost } from '../../common/protocol.ts';
import { seenKey } from '../../feeds/index.ts';
import type { Db, PostsTable } from '../database.ts';
import { queueDeliveries } from '../channels/delivery-ledger.ts';
import { nextPostsVersion } from './posts-version.ts';

type ItemText = Pick<
  PostsTable,
  'item_id' | 'link' | 'title' | 'pitch' | 'image_url' | 'published_at' | 'messages' | 'hashtags'
>;

const MAX_TITLE = 2000;
const MAX_MESSAGE = 5000;
const MAX_URL = 2048;
const MAX_HASHTAG = 60;
const MAX_HASHTAGS = 10;

function messagesOf(item: FeedItem): Partial<Record<Network, string>> {
  const kept: Partial<Record<Network, string>> = {};
  for (const network of NETWORKS) {
    const message = item.messages[network];
    if (message !== undefined && message.length > 0 && message.length <= MAX_MESSAGE) kept[network] = message;
  }
  return kept;
}

/** The item as a row's text, or null when the contract could not carry it (no link, a link or id past its bounds). */
export function itemText(feedUrl: string, item: FeedItem): ItemText | null {
  if (item.link === null) return null;
  const post: EndpointPost = {
    feedUrl,
    item: {
      id: item.id,
      link: item.link,
      title: item.title.slice(0, MAX_TITLE),
      pitch: item.pitch.slice(0, MAX_PITCH_LENGTH * 4),
      imageUrl: item.imageUrl !== null && item.imageUrl.length <= MAX_URL ? item.imageUrl : null,
      publishedAt: item.publishedAt,
      messages: messagesOf(item),
      hashtags: item.hashtags.filter((tag) => tag.length <= MAX_HASHTAG).slice(0, MAX_HASHTAGS),
      embargoUntil: null,
    },
    firstSeenAt: new Date(0).toISOString(),
  };
  if (
    post.item.publishedAt !== null &&
    !Value.Check(EndpointPostSchema.properties.item.properties.publishedAt, post.item.publishedAt)
  )
    post.item.publishedAt = null;
  if (!Value.Check(EndpointPostSchema, post)) return null;
  return {
    item_id: post.item.id,
    link: post.item.link,
    title: post.item.title,
    pitch: post.item.pitch,
    image_url: post.item.imageUrl,
    published_at: post.item.publishedAt,
    messages: JSON.stringify(post.item.messages),
    hashtags: JSON.stringify(post.item.hashtags),
  };
}

const TEXT_COLUMNS = [
  'item_id',
  'link',
  'title',
  'pitch',
  'image_url',
  'published_at',
  'messages',
  'hashtags',
] as const;

const sameText = (a: ItemText, b: ItemText): boolean => TEXT_COLUMNS.every((column) => a[column] === b[column]);

/**
 * Stores the items of one read of a feed, inside the caller's transaction: new ones added, edited ones
 * updated (same identity), each change with a revision of its own. Items that left the feed stay: shares
 * of them still count, and desktops keep them. New posts are queued for the channels in the same
 * transaction, except on a feed's first read (its back catalogue is not news). Returns how many posts changed.
 */
export async function savePolledItems(
  trx: Db,
  feed: { readonly id: number; readonly url: string },
  items: readonly FeedItem[],
  now: Date,
): Promise<number> {
  const stored = new Map(
    (
      await trx
        .selectFrom('posts')
        .select(['item_key', ...TEXT_COLUMNS])
        .where('feed_id', '=', feed.id)
        .execute()
    ).map((row) => [row.item_key, row]),
  );
  const changed = new Map<string, ItemText>();
  const added: string[] = [];
  for (const item of items) {
    const text = itemText(feed.url, item);
    if (text === null) continue;
    const key = seenKey(item);
    const before = stored.get(key);
    if (before === undefined && !changed.has(key)) added.push(key);
    if (before === undefined || !sameText(before, text)) changed.set(key, text);
  }
  if (changed.size === 0) return 0;
  let revision = (await nextPostsVersion(trx, changed.size)) - changed.size;
  const at = now.toISOString();
  for (const [key, text] of changed) {
    revision += 1;
    await trx
      .insertInto('posts')
      .values({ feed_id: feed.id, item_key: key, ...text, first_seen_at: at, updated_at: at, revision })
      .onConflict((conflict) =>
        conflict.columns(['feed_id', 'item_key']).doUpdateSet({ ...text, updated_at: at, revision }),
      )
      .execute();
  }
  if (stored.size > 0) await queueDeliveries(trx, feed.id, added, now);
  return changed.size;
}

export type PostRow = Selectable<PostsTable> & { readonly feed_url: string };

export function postFromRow(row: PostRow): EndpointPost {
  return {
    feedUrl: row.feed_url,
    item: {
      id: row.item_id,
      link: row.link,
      title: row.title,
      pitch: row.pitch,
      imageUrl: row.image_url,
      publishedAt: row.published_at,
      messages: JSON.parse(row.messages) as EndpointPost['item']['messages'],
      hashtags: JSON.parse(row.hashtags) as string[],
      embargoUntil: null,
    },
    firstSeenAt: row.first_seen_at,
  };
}

/** A kit for `link` was saved or deleted: its posts change for desktops, each with a revision of its own. */
export async function revisePostsOf(trx: Db, link: string): Promise<void> {
  const rows = await trx.selectFrom('posts').select(['feed_id', 'item_key']).where('link', '=', link).execute();
  if (rows.length === 0) return;
  let revision = (await nextPostsVersion(trx, rows.length)) - rows.length;
  for (const row of rows) {
    revision += 1;
    await trx
      .updateTable('posts')
      .set({ revision })
      .where('feed_id', '=', row.feed_id)
      .where('item_key', '=', row.item_key)
      .execute();
  }
}
