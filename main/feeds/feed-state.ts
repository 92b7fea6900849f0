/**
 * What the engine remembers about each feed between polls and across restarts, one small JSON file per
 * feed in `<dataDir>/feeds/`, each replaced atomically. A file that fails its schema (hand-edited, from
 * a future version, damaged outside the app) is set aside and the feed starts afresh, never a crash.
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { NETWORKS, type FeedItem } from '../../common/domain.ts';
import { TEMP_SUFFIX, writeFileAtomic } from '../storage/atomic-file.ts';

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
  };
}

export interface LoadedStates {
  readonly states: Map<string, FeedState>;
  /** Files that could not be used, with the reason; they were renamed to *.unreadable. */
  readonly problems: readonly string[];
}

export class FeedStateStore {
  readonly #dir: string;
  /** Per feed, the last write: writes to one file are queued so an older state never lands last. */
  readonly #writes = new Map<string, Promise<void>>();

  constructor(dataDir: string) {
    this.#dir = join(dataDir, 'feeds');
  }

  #path(feedId: string): string {
    return join(this.#dir, `${feedId}.json`);
  }

  async loadAll(): Promise<LoadedStates> {
    await mkdir(this.#dir, { recursive: true });
    const states = new Map<string, FeedState>();
    const problems: string[] = [];
    for (const name of await readdir(this.#dir)) {
      const path = join(this.#dir, name);
      // A temporary file is what a crash mid-write leaves: the real file beside it is intact.
      if (name.endsWith(TEMP_SUFFIX)) await rm(path, { force: true });
      if (!name.endsWith('.json')) continue;
      let value: unknown;
      try {
        value = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        value = error;
      }
      if (Value.Check(FeedStateSchema, value)) {
        states.set(name.slice(0, -'.json'.length), value);
      } else {
        problems.push(`${name}: not a feed state this version can read; starting that feed afresh`);
        await rename(path, `${path}.unreadable`);
      }
    }
    return { states, problems };
  }

  save(feedId: string, state: FeedState): Promise<void> {
    const previous = this.#writes.get(feedId) ?? mkdir(this.#dir, { recursive: true });
    const write = previous
      .catch(() => undefined)
      .then(() => writeFileAtomic(this.#path(feedId), JSON.stringify(state)));
    this.#writes.set(feedId, write);
    return write;
  }

  async remove(feedId: string): Promise<void> {
    await this.#writes.get(feedId)?.catch(() => undefined);
    this.#writes.delete(feedId);
    await rm(this.#path(feedId), { force: true });
  }

  /** Resolves once every write started so far has landed. */
  async flush(): Promise<void> {
    await Promise.all([...this.#writes.values()].map((write) => write.catch(() => undefined)));
  }
}
