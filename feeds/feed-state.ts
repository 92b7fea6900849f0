/**
 * What the engine remembers about one feed between polls: a plain JSON value (strings, numbers, booleans,
 * null, arrays, objects; times are epoch milliseconds), so the desktop keeps it in a file per feed and
 * the endpoint in a database column, and `JSON.parse(JSON.stringify(state))` is the same state.
 * `readFeedState` checks a stored value against the schema before the engine trusts it.
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { NETWORKS, type FeedItem } from '../common/domain.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const FeedItemSchema = Type.Object({
  id: Type.String(),
  link: Nullable(Type.String()),
  title: Type.String(),
  pitch: Type.String(),
  imageUrl: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  messages: Type.Partial(Type.Record(Type.Union(NETWORKS.map((network) => Type.Literal(network))), Type.String())),
  hashtags: Type.Array(Type.String()),
  embargoUntil: Nullable(Type.String()),
});

const FeedStateSchema = Type.Object({
  version: Type.Literal(1),
  /** The address as configured. */
  url: Type.String(),
  /** Where to fetch from: moves with 301/308. */
  fetchUrl: Type.String(),
  title: Type.String(),
  /** Validators exactly as the server sent them, sent back as If-None-Match / If-Modified-Since. */
  etag: Nullable(Type.String()),
  lastModified: Nullable(Type.String()),
  /** SHA-256 of the last body read: an identical 200 skips the parse. */
  bodyHash: Nullable(Type.String()),
  ttlMinutes: Nullable(Type.Number()),
  /** The normal interval after the feed's own hints (max-age, ttl). */
  intervalMs: Type.Number(),
  failures: Type.Integer({ minimum: 0 }),
  lastError: Nullable(Type.String()),
  checkedAt: Nullable(Type.Number()),
  nextPollAt: Type.Number(),
  /** The server asked us to wait (Retry-After) until then: even "Refresh now" respects it. */
  holdUntil: Nullable(Type.Number()),
  firstPollDone: Type.Boolean(),
  /** Item identity hash → when first seen (ms): what has already been announced or passed over. */
  seen: Type.Record(Type.String(), Type.Number()),
  /** The items of the last successful read, so a 304 or a restart still shows the feed. */
  items: Type.Array(FeedItemSchema),
  /** The WebSub hub and topic the last read advertised (absent in states saved before they were read). */
  websub: Type.Optional(Nullable(Type.Object({ hub: Type.String(), topic: Type.String() }))),
});

export type FeedState = Omit<Static<typeof FeedStateSchema>, 'items'> & { readonly items: readonly FeedItem[] };

export function newFeedState(url: string, now: number, intervalMs: number): FeedState {
  return {
    version: 1,
    url,
    fetchUrl: url,
    title: '',
    etag: null,
    lastModified: null,
    bodyHash: null,
    ttlMinutes: null,
    intervalMs,
    failures: 0,
    lastError: null,
    checkedAt: null,
    nextPollAt: now,
    holdUntil: null,
    firstPollDone: false,
    seen: {},
    items: [],
    websub: null,
  };
}

/**
 * A stored value as a feed state, or null when it is not one this version can read (hand-edited, from a
 * future version, damaged): the caller then starts that feed afresh with `newFeedState`.
 */
export const readFeedState = (value: unknown): FeedState | null => (Value.Check(FeedStateSchema, value) ? value : null);
