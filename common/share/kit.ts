/**
 * The share kit a post gets when marketing wrote none on the endpoint: the feed's own messages where it
 * ships them (advocate: metadata), else derived from the pitch (or title) and the hashtags.
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
