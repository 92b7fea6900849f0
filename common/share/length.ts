/**
 * How long a message is on each network, counted the way that network counts, against its limit.
 * The window's live counters and the endpoint's share-kit checks both use this, so they always agree.
 */
import type { Network } from '../domain.ts';
import { countGraphemes } from './graphemes.ts';
import { findSchemeLinks, textOutside } from './links-in-text.ts';
import { xWeightedLength } from './x-length.ts';

export const MASTODON_LINK_LENGTH = 23;

/** Null: the network takes no text from us (the person pastes it) or sets no practical limit. */
export const MESSAGE_LIMITS: Readonly<Record<Network, number | null>> = {
  x: 280,
  bluesky: 300,
  threads: 500,
  mastodon: 500,
  linkedin: 3000,
  facebook: null,
  xing: null,
  email: null,
};

export interface MessageLength {
  readonly length: number;
  readonly limit: number | null;
  /** Characters left; negative past the limit; null without a limit. */
  readonly remaining: number | null;
  readonly over: boolean;
}

/** A remote mention `@name@instance`: Mastodon counts only `@name` (its Account::MENTION_RE). */
const MENTION_DOMAIN = /(?<![=/\p{L}\p{N}_])(@[a-z0-9_]+)@[\p{L}\p{N}_.-]*[\p{L}\p{N}_]/giu;

/** Mastodon: graphemes, every link as 23, and a mention's `@instance` part not counted. */
function mastodonLength(text: string): number {
  const links = findSchemeLinks(text);
  const outside = textOutside(text, links).map((part) => part.replace(MENTION_DOMAIN, '$1'));
  return links.length * MASTODON_LINK_LENGTH + outside.reduce((sum, part) => sum + countGraphemes(part), 0);
}

function lengthOn(network: Network, text: string): number {
  switch (network) {
    case 'x':
      return xWeightedLength(text);
    case 'mastodon':
      return mastodonLength(text);
    // LinkedIn documents its limit in characters without saying which; UTF-16 units count emoji as 2,
    // so the warning comes early rather than after the post is refused.
    case 'linkedin':
      return text.length;
    case 'bluesky':
    case 'threads':
    case 'facebook':
    case 'xing':
    case 'email':
      return countGraphemes(text);
  }
}

export function measureMessage(network: Network, text: string): MessageLength {
  const length = lengthOn(network, text);
  const limit = MESSAGE_LIMITS[network];
  if (limit === null) return { length, limit, remaining: null, over: false };
  return { length, limit, remaining: limit - length, over: length > limit };
}
