/** What a channel shows of a queued post: the feed's text with the kit marketing wrote merged over it. */
import type { Db } from '../database.ts';
import { withKit } from '../feeds/posts-page.ts';
import { postFromRow } from '../feeds/post-rows.ts';
import { listKitsFor } from '../kits/kit-store.ts';
import type { ChannelPost } from './channel-payloads.ts';
import type { DeliveryKey } from './delivery-ledger.ts';

export const deliveryId = (key: DeliveryKey): string =>
  `${String(key.channel_id)}-${String(key.feed_id)}-${key.item_key}`;

/** The post for this delivery, or null when its feed was removed before it could be sent. */
export async function channelPostFor(db: Db, key: DeliveryKey): Promise<ChannelPost | null> {
  const row = await db
    .selectFrom('posts')
    .innerJoin('feeds', 'feeds.id', 'posts.feed_id')
    .selectAll('posts')
    .select('feeds.url as feed_url')
    .where('posts.feed_id', '=', key.feed_id)
    .where('posts.item_key', '=', key.item_key)
    .executeTakeFirst();
  if (!row) return null;
  const { item } = withKit(postFromRow(row), (await listKitsFor(db, [row.link])).get(row.link));
  return {
    deliveryId: deliveryId(key),
    title: item.title,
    pitch: item.pitch,
    link: item.link,
    // Until the endpoint has a share page, "Share" opens the post itself.
    shareUrl: item.link,
    imageUrl: item.imageUrl,
    hashtags: item.hashtags,
  };
}

/** The post "Send a test" sends: it says what it is and leads to the dashboard. */
export const testPost = (dashboardUrl: string): ChannelPost => ({
  deliveryId: 'test',
  title: 'A test from Advocate',
  pitch:
    'If you can read this, the organisation’s new posts will arrive here, each once, as soon as they are published.',
  link: dashboardUrl,
  shareUrl: dashboardUrl,
  imageUrl: null,
  hashtags: ['Advocate'],
});
