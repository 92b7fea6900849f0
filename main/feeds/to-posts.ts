/** Turns a parsed feed into the window's posts: stable ids, absolute http(s) links, plain-text pitches. */
import { createHash } from 'node:crypto';
import type { Post } from '../../common/domain.ts';
import { derivePitch, htmlToPlainText } from '../../common/pitch.ts';
import type { ParsedFeed, ParsedItem } from './fetch-feed.ts';

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function feedIdFor(url: string): string {
  return shortHash(url);
}

function absoluteHttpUrl(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function identity(item: ParsedItem, link: string | null): string {
  return item.guid ?? link ?? `${item.title}\u0000${item.publishedAt ?? ''}`;
}

export function toPosts(feedUrl: string, feed: ParsedFeed): Post[] {
  const feedId = feedIdFor(feedUrl);
  const byId = new Map<string, Post>();
  for (const item of feed.items) {
    const link = absoluteHttpUrl(item.link, feed.link ?? feedUrl);
    // A post nobody can open cannot be shared: skip it rather than show a dead end.
    if (!link) continue;
    const id = `${feedId}:${shortHash(identity(item, link))}`;
    if (byId.has(id)) continue;
    byId.set(id, {
      id,
      feedId,
      key: link,
      title: htmlToPlainText(item.title) || link,
      link,
      pitch: derivePitch(item.summaryHtml),
      imageUrl: null,
      publishedAt: item.publishedAt,
    });
  }
  return [...byId.values()];
}
