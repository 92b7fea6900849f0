/**
 * The share kit a post gets when marketing wrote none on the endpoint: the feed's own messages where it
 * ships them (advocate: metadata), else derived from the pitch (or title) and the hashtags.
 *
 * THE hashtag rule, for a kit written on the endpoint and for one from the feed alike: a message written
 * for a network is shared exactly as written, and the hashtags are never added to it (whoever writes it
 * puts the hashtags they want in it); a network left without a message gets the pitch followed by the
 * hashtags (`derivedMessage`). The dashboard's kit editor counts by this rule, the window shares by it.
 */
import { NETWORKS, type Network, type Post } from '../domain.ts';
import type { ShareKitSource } from '../sharing.ts';

export interface KitText {
  readonly pitch: string;
  readonly messages: Readonly<Record<Network, string>>;
  readonly hashtags: readonly string[];
  readonly source: ShareKitSource;
}

const asHashtag = (tag: string): string => `#${tag.replace(/^#/, '').replace(/\s+/g, '')}`;

/** Hashtags as people type them in one field: separated by spaces or commas, with or without "#". */
export const hashtagsFromText = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((tag) => tag.replace(/^#/, ''))
    .filter(Boolean);

/** The derived message: the pitch (or the title when there is none) and the hashtags; the link is added when shared. */
export function derivedMessage(post: Pick<Post, 'title' | 'pitch' | 'hashtags'>): string {
  const text = post.pitch.trim() || post.title.trim();
  const tags = post.hashtags.map(asHashtag).join(' ');
  return tags ? `${text} ${tags}` : text;
}

export function kitFromPost(post: Pick<Post, 'title' | 'pitch' | 'hashtags' | 'messages'>): KitText {
  const fallback = derivedMessage(post);
  const fromFeed = NETWORKS.filter((network) => post.messages[network] !== undefined);
  const messages = Object.fromEntries(
    NETWORKS.map((network) => [network, post.messages[network] ?? fallback]),
  ) as Record<Network, string>;
  return {
    pitch: post.pitch || post.title,
    messages,
    hashtags: post.hashtags,
    source: fromFeed.length > 0 ? 'feed' : 'derived',
  };
}
