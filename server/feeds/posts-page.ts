/**
 * A page of GET /v1/posts: the posts changed after a cursor, oldest change first, each with the kit
 * marketing wrote for its link merged over the feed's text (the kit's pitch when it has one, its
 * hashtags, its messages over the feed's per network, its image when it has one).
 */
import { MAX_POSTS_PER_PAGE, type EndpointPost, type PostsResponse } from '../../common/protocol.ts';
import type { Db } from '../database.ts';
import { listKitsFor } from '../kits/kit-store.ts';
import type { ShareKitWire } from '../../common/protocol.ts';
import { feedCount } from './feed-catalogue.ts';
import { postFromRow } from './post-rows.ts';

/** The cursor is the last revision a desktop has: plain digits, nothing else. */
export function readCursor(since: string | undefined): number | null {
  if (since === undefined) return 0;
  return /^\d{1,15}$/.test(since) ? Number(since) : null;
}

/** The post with the kit marketing wrote for its link merged over the feed's text. */
export function withKit(post: EndpointPost, kit: ShareKitWire | undefined): EndpointPost {
  if (kit === undefined) return post;
  return {
    ...post,
    item: {
      ...post.item,
      pitch: kit.pitch.trim() || post.item.pitch,
      hashtags: kit.hashtags,
      messages: { ...post.item.messages, ...kit.messages },
      imageUrl: kit.imageUrl ?? post.item.imageUrl,
    },
  };
}

/**
 * `after` is the cursor given; `version` the current posts_version, read first. A cursor from the
 * future (another database, one restored from a backup) starts the desktop from scratch.
 */
export async function postsPage(db: Db, after: number, version: number): Promise<PostsResponse> {
  const from = after > version ? 0 : after;
  const rows = await db
    .selectFrom('posts')
    .innerJoin('feeds', 'feeds.id', 'posts.feed_id')
    .selectAll('posts')
    .select('feeds.url as feed_url')
    .where('posts.revision', '>', from)
    .orderBy('posts.revision')
    .limit(MAX_POSTS_PER_PAGE + 1)
    .execute();
  const more = rows.length > MAX_POSTS_PER_PAGE;
  const page = rows.slice(0, MAX_POSTS_PER_PAGE);
  const kits = await listKitsFor(db, [...new Set(page.map((row) => row.link))]);
  const last = page.at(-1)?.revision ?? 0;
  return {
    feeds: await feedCount(db),
    posts: page.map((row) => withKit(postFromRow(row), kits.get(row.link))),
    // Rows committed after `version` was read may be on this page: the cursor covers them.
    cursor: String(more ? last : Math.max(version, last, from)),
    more,
  };
}
