/** Turns a feed's items into the window's posts: an id stable across polls and restarts, per feed. */
import type { FeedItem, Post } from '../common/domain.ts';
import { seenKey } from './poll-feed.ts';

export function toPosts(feedId: string, items: readonly FeedItem[]): Post[] {
  return items.flatMap((item) =>
    item.link === null
      ? []
      : [
          {
            id: `${feedId}:${seenKey(item)}`,
            feedId,
            key: item.link,
            title: item.title || item.link,
            link: item.link,
            pitch: item.pitch,
            imageUrl: item.imageUrl,
            publishedAt: item.publishedAt,
            messages: item.messages,
            hashtags: item.hashtags,
          },
        ],
  );
}
