/**
 * How long a message is on each network, counted the way that network counts, against its limit.
 * The window's live counters and the endpoint's share-kit checks both use this, so they always agree.
 */
import type { Network } from '../domain.ts';
import { countGraphemesUpTo } from './graphemes.ts';
import { mastodonLength } from './mastodon-length.ts';
import type { Count } from './text-pieces.ts';
import { xRefusedCharacters, xWeightedLength } from './x-length.ts';

/** What a Mastodon server allows (its /api/v2/instance), or the defaults while none answered. */
export interface MastodonLimits {
  /** The server these figures came from; null for Mastodon's defaults. */
  readonly instance: string | null;
  readonly maxCharacters: number;
  readonly charactersReservedPerUrl: number;
}

export const DEFAULT_MASTODON_LIMITS: MastodonLimits = {
  instance: null,
  maxCharacters: 500,
  charactersReservedPerUrl: 23,
};

/** Null: the network takes no text from us (the person pastes it) or sets no practical limit. */
export const MESSAGE_LIMITS: Readonly<Record<Network, number | null>> = {
  x: 280,
  bluesky: 300,
  threads: 500,
  mastodon: DEFAULT_MASTODON_LIMITS.maxCharacters,
  linkedin: 3000,
  facebook: null,
  xing: null,
  email: null,
};

/** How far past its limit (or past 0 without one) the window counts a message before it says "more than". */
export const COUNTED_PAST_LIMIT = 10_000;

export interface MessageLength {
  /** As the network counts it; when `exact` is false the message is longer still: counting stopped here. */
  readonly length: number;
  readonly exact: boolean;
  readonly limit: number | null;
  /** Characters left; negative past the limit; null without a limit. */
  readonly remaining: number | null;
  readonly over: boolean;
  /** Characters the network refuses in any post, written U+XXXX (X: U+FFFE, U+FEFF, U+FFFF); none elsewhere. */
  readonly refused: readonly string[];
}

export interface MeasureOptions {
  /** The person's Mastodon server; its defaults otherwise. */
  readonly mastodon?: MastodonLimits;
  /** Stop counting this far past the limit (the window does, on every keystroke); by default count it all. */
  readonly countPastLimit?: number;
}

function lengthOn(network: Network, text: string, stopAbove: number, mastodon: MastodonLimits): Count {
  switch (network) {
    case 'x':
      return xWeightedLength(text, stopAbove);
    case 'mastodon':
      return mastodonLength(text, mastodon.charactersReservedPerUrl, stopAbove);
    // LinkedIn documents its limit in characters without saying which; UTF-16 units count emoji as 2,
    // so the warning comes early rather than after the post is refused.
    case 'linkedin':
      return text.length > stopAbove ? { length: stopAbove, exact: false } : { length: text.length, exact: true };
    case 'bluesky':
    case 'threads':
    case 'facebook':
    case 'xing':
    case 'email':
      return countGraphemesUpTo(text, stopAbove);
  }
}

const codePointName = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

export function measureMessage(network: Network, text: string, options: MeasureOptions = {}): MessageLength {
  const mastodon = options.mastodon ?? DEFAULT_MASTODON_LIMITS;
  const limit = network === 'mastodon' ? mastodon.maxCharacters : MESSAGE_LIMITS[network];
  const { length, exact } = lengthOn(network, text, (limit ?? 0) + (options.countPastLimit ?? Infinity), mastodon);
  const refused = network === 'x' ? xRefusedCharacters(text).map(codePointName) : [];
  if (limit === null) return { length, exact, limit, remaining: null, over: false, refused };
  return { length, exact, limit, remaining: limit - length, over: !exact || length > limit, refused };
}
