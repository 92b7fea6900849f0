/**
 * Share-kit metadata a blog ships in its own feed (docs/feed-metadata.md): pitch, a message per network,
 * hashtags, an image, an embargo. Every value is checked; a bad one is dropped with a reason in plain
 * words and the item itself is kept.
 */
import { NETWORKS, type Network } from '../common/domain.ts';
import { exceedsGraphemes } from '../common/share/graphemes.ts';
import { feedPlainText } from './feed-text.ts';
import type { RawShareMeta } from './raw-feed.ts';

export interface ShareMeta {
  readonly pitch: string | null;
  readonly messages: Readonly<Partial<Record<Network, string>>>;
  readonly hashtags: readonly string[];
  readonly imageUrl: string | null;
  readonly embargoUntil: string | null;
}

export const EMPTY_SHARE_META: ShareMeta = {
  pitch: null,
  messages: {},
  hashtags: [],
  imageUrl: null,
  embargoUntil: null,
};

const MAX_PITCH_LENGTH = 280;
const MAX_HASHTAGS = 10;
/** Plain character limits; the window shows the exact weighted count per network as people edit. */
const MESSAGE_LIMITS: Readonly<Record<Network, number>> = {
  linkedin: 3000,
  x: 280,
  facebook: 3000,
  bluesky: 300,
  threads: 500,
  mastodon: 500,
  xing: 3000,
  email: 3000,
};
const HASHTAG = /^#?([\p{L}\p{N}_]{1,50})$/u;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const isNetwork = (value: unknown): value is Network =>
  typeof value === 'string' && (NETWORKS as readonly string[]).includes(value);
const plain = (value: unknown): string | null => (typeof value === 'string' ? feedPlainText(value) || null : null);

export function readShareMeta(
  raw: RawShareMeta,
  resolveUrl: (url: string) => string | null,
): { meta: ShareMeta; problems: string[] } {
  const problems: string[] = [];
  const only = <T>(values: readonly T[], name: string): T | undefined => {
    if (values.length > 1) problems.push(`${name} appears ${String(values.length)} times; the first one is used`);
    return values[0];
  };

  let pitch: string | null = null;
  const rawPitch = only(raw.pitch, 'pitch');
  if (rawPitch !== undefined) {
    const text = plain(rawPitch);
    if (!text) problems.push('pitch ignored: it is empty or not text');
    else if (exceedsGraphemes(text, MAX_PITCH_LENGTH))
      problems.push(`pitch ignored: it is longer than ${String(MAX_PITCH_LENGTH)} characters`);
    else pitch = text;
  }

  const messages: Partial<Record<Network, string>> = {};
  for (const { network, text: rawText } of raw.messages) {
    const text = plain(rawText);
    if (!isNetwork(network))
      problems.push(
        `message ignored: unknown network "${String(network).slice(0, 30)}" (use one of ${NETWORKS.join(', ')})`,
      );
    else if (!text) problems.push(`message for ${network} ignored: it is empty or not text`);
    else if (exceedsGraphemes(text, MESSAGE_LIMITS[network]))
      problems.push(`message for ${network} ignored: it is longer than ${String(MESSAGE_LIMITS[network])} characters`);
    else if (messages[network] !== undefined)
      problems.push(`message for ${network} appears twice; the first one is used`);
    else messages[network] = text;
  }

  const hashtags: string[] = [];
  for (const rawTag of raw.hashtags) {
    const tag = typeof rawTag === 'string' ? HASHTAG.exec(rawTag.trim())?.[1] : undefined;
    if (!tag)
      problems.push(`hashtag ignored: "${String(rawTag).slice(0, 60)}" is not one word of letters, digits or _`);
    else if (hashtags.length >= MAX_HASHTAGS)
      problems.push(`hashtag ignored: more than ${String(MAX_HASHTAGS)} hashtags`);
    else if (!hashtags.includes(tag)) hashtags.push(tag);
  }

  let imageUrl: string | null = null;
  const rawImage = only(raw.image, 'image');
  if (rawImage !== undefined) {
    imageUrl = typeof rawImage === 'string' ? resolveUrl(rawImage) : null;
    if (!imageUrl) problems.push('image ignored: it is not an http or https address');
  }

  let embargoUntil: string | null = null;
  const rawEmbargo = only(raw.embargo, 'embargo');
  if (rawEmbargo !== undefined) {
    const text = typeof rawEmbargo === 'string' ? rawEmbargo.trim() : '';
    if (!ISO_DATE_TIME.test(text) || Number.isNaN(Date.parse(text)))
      problems.push('embargo ignored: it must be a date and time with a time zone, like 2026-03-01T09:00:00Z');
    else embargoUntil = new Date(text).toISOString();
  }

  return { meta: { pitch, messages, hashtags, imageUrl, embargoUntil }, problems };
}
