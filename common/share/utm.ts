/**
 * Links that say where a visit came from without saying who: UTM tags name the network and carry an
 * opaque share code, never a person's name. The endpoint's /r/ redirect adds the same tags.
 */
import type { Network } from '../domain.ts';

/** Random, URL-safe, and too short to carry a sentence: what may stand in utm_content. */
export const SHARE_CODE_PATTERN = '^[A-Za-z0-9_-]{8,32}$';
const SHARE_CODE = new RegExp(SHARE_CODE_PATTERN);

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 12 characters from 72 random bits. */
export function newShareCode(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => BASE64URL[byte & 63]).join('');
}

export const isShareCode = (code: string): boolean => SHARE_CODE.test(code);

export const UTM_PARAMETERS = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'utm_term',
  'utm_id',
] as const;

function isUtmPair(pair: string): boolean {
  const raw = pair.split('=')[0] ?? '';
  let name: string;
  try {
    name = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    name = raw; // a malformed escape cannot spell a UTM name
  }
  return (UTM_PARAMETERS as readonly string[]).includes(name.toLowerCase());
}

/**
 * The post URL with Advocate's UTM tags. Tags the URL already had are replaced; every other parameter
 * and the fragment are kept byte for byte (re-serialising them could change what the blog receives).
 */
export function utmLink(postUrl: string, network: Network, shareCode: string): string {
  if (!isShareCode(shareCode)) throw new RangeError('a share code must be 8 to 32 letters, digits, "-" or "_"');
  const url = new URL(postUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RangeError(`only http and https posts can be shared, not ${url.protocol}`);
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair.length > 0 && !isUtmPair(pair));
  const tags = { utm_source: network, utm_medium: 'social', utm_campaign: 'advocate', utm_content: shareCode };
  url.search = [...kept, ...Object.entries(tags).map(([name, value]) => `${name}=${encodeURIComponent(value)}`)].join(
    '&',
  );
  return url.href;
}
