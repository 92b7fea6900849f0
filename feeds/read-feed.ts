/** Bytes to a normalized feed: the decode, parse and normalize steps, shared by polling and the CLI. */
import { decodeFeedBytes, unpackGzip } from './decode.ts';
import { DEFAULT_LIMITS } from './http-get.ts';
import { normalizeFeed, type NormalizedFeed } from './normalize.ts';
import { parseFeedText } from './parse-feed.ts';

export interface ReadFeed extends NormalizedFeed {
  /** The encoding the text was read in, and why (for the CLI). */
  readonly encoding: string;
}

export interface ReadOptions {
  readonly contentType: string | null;
  /** Where the bytes came from: the base for relative links. */
  readonly url: string;
  readonly maxBytes?: number;
}

export async function readFeed(bytes: Uint8Array, options: ReadOptions): Promise<ReadFeed> {
  const decoded = decodeFeedBytes(unpackGzip(bytes, options.maxBytes ?? DEFAULT_LIMITS.maxBytes), options.contentType);
  const raw = await parseFeedText(decoded.text, options.contentType);
  return { ...normalizeFeed(raw, options.url), encoding: `${decoded.encoding} (${decoded.source})` };
}
