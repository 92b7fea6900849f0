/**
 * What the desktop remembers of the endpoint between runs, in userData/sync-cache.json: the last
 * summary and share kits with their ETags (shown at once on start, revalidated with a 304), the
 * tracked links handed out per post (so Copy works offline with the tracked link), which
 * enrollment code must not be used silently again, the id of an enrollment under way, and the organisation's
 * posts from GET /v1/posts with the `since` cursor (so a restart asks only for what is new, and shows the posts
 * before the endpoint answers). The file is replaced atomically; one that cannot
 * be read is started afresh (it holds nothing that the endpoint cannot give again).
 */
import { readFile } from 'node:fs/promises';
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { NETWORKS, type Network } from '../../common/domain.ts';
import {
  EndpointPostSchema,
  KitsResponseSchema,
  SummarySchema,
  type KitsResponse,
  type Summary,
} from '../../common/protocol.ts';
import type { Logger } from '../core/ports.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';

const Validated = <S extends TSchema>(body: S) =>
  Type.Union([Type.Object({ etag: Type.Union([Type.String(), Type.Null()]), body }), Type.Null()]);
const LinksSchema = Type.Record(
  Type.String(),
  Type.Partial(Type.Object(Object.fromEntries(NETWORKS.map((network) => [network, Type.String()])))),
);
const EndpointPostsSchema = Type.Object({
  /** How many feeds the organisation had at the last answer. */
  feeds: Type.Integer({ minimum: 0 }),
  /** The cursor of the last answer: the next request asks for what came after it. */
  cursor: Type.Union([Type.String(), Type.Null()]),
  /** The ETag of the answer to `since` (sent again only with the same `since`). */
  etag: Type.Union([
    Type.Object({ since: Type.Union([Type.String(), Type.Null()]), value: Type.String() }),
    Type.Null(),
  ]),
  /** When the endpoint last answered a posts request (ISO). */
  reachedAt: Type.String(),
  posts: Type.Array(EndpointPostSchema),
});
export type EndpointPostsData = Static<typeof EndpointPostsSchema>;

const CacheSchema = Type.Object({
  version: Type.Literal(1),
  /** The endpoint all of this came from. */
  endpoint: Type.Union([Type.String(), Type.Null()]),
  summary: Validated(SummarySchema),
  kits: Validated(KitsResponseSchema),
  links: LinksSchema,
  /** A fingerprint of the code the current device token came from. */
  enrolledWith: Type.Union([Type.String(), Type.Null()]),
  /** A code not to enroll with silently again (its token was refused, or the endpoint refused it), and why. */
  refused: Type.Union([Type.Object({ code: Type.String(), reason: Type.String() }), Type.Null()]),
  /** Absent in caches written before the endpoint served posts. */
  posts: Type.Optional(Type.Union([EndpointPostsSchema, Type.Null()])),
  /**
   * The enrollment under way: the id sent with the code of that fingerprint, kept until a token is.
   * Optional: a cache from before it is read as none under way.
   */
  enrollment: Type.Optional(Type.Union([Type.Object({ code: Type.String(), id: Type.String() }), Type.Null()])),
});
type CacheData = Static<typeof CacheSchema>;

export type TrackedLinks = Readonly<Partial<Record<Network, string>>>;

/** Posts whose tracked links are remembered; older ones are asked for again when shared. */
const MAX_POSTS_WITH_LINKS = 1000;

const empty = (): CacheData => ({
  version: 1,
  endpoint: null,
  summary: null,
  kits: null,
  links: {},
  enrolledWith: null,
  refused: null,
  posts: null,
  enrollment: null,
});

export class SyncCache {
  #data: CacheData;
  #writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    data: CacheData,
    private readonly log: Logger,
  ) {
    this.#data = data;
  }

  static async load(path: string, log: Logger): Promise<SyncCache> {
    const text = await readFile(path, 'utf8').catch(() => null);
    let data = empty();
    if (text !== null) {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        // an unreadable file is replaced below
      }
      if (Value.Check(CacheSchema, parsed)) data = parsed;
      else log.warn('the sync cache could not be read; starting afresh', { path });
    }
    return new SyncCache(path, data, log);
  }

  get endpoint(): string | null {
    return this.#data.endpoint;
  }

  /** Another endpoint: nothing remembered of the last one applies. */
  startOver(endpoint: string): Promise<void> {
    this.#data = { ...empty(), endpoint };
    return this.#save();
  }

  get summary(): { readonly etag: string | null; readonly body: Summary } | null {
    return this.#data.summary;
  }

  get kits(): { readonly etag: string | null; readonly body: KitsResponse } | null {
    return this.#data.kits;
  }

  get enrolledWith(): string | null {
    return this.#data.enrolledWith;
  }

  get refused(): { readonly code: string; readonly reason: string } | null {
    return this.#data.refused;
  }

  get posts(): EndpointPostsData | null {
    return this.#data.posts ?? null;
  }

  get enrollment(): { readonly code: string; readonly id: string } | null {
    return this.#data.enrollment ?? null;
  }

  linksFor(postKey: string): TrackedLinks | null {
    return this.#data.links[postKey] ?? null;
  }

  update(change: Partial<Omit<CacheData, 'version' | 'endpoint' | 'links'>>): Promise<void> {
    this.#data = { ...this.#data, ...change };
    return this.#save();
  }

  rememberLinks(postKey: string, links: TrackedLinks): Promise<void> {
    const entries = Object.entries(this.#data.links).filter(([key]) => key !== postKey);
    this.#data = {
      ...this.#data,
      links: Object.fromEntries([...entries.slice(-(MAX_POSTS_WITH_LINKS - 1)), [postKey, links]]),
    };
    return this.#save();
  }

  /** A new device token may be a new person: their summary, kits and links are not this one's. */
  forgetPerson(): Promise<void> {
    this.#data = { ...this.#data, summary: null, kits: null, links: {} };
    return this.#save();
  }

  /** Writes one after another, each with the state as it is when it starts. */
  #save(): Promise<void> {
    const write = this.#writing.then(() => writeFileAtomic(this.path, JSON.stringify(this.#data)));
    this.#writing = write.catch((error: unknown) => {
      this.log.warn('could not save the sync cache', {
        reason: error instanceof Error ? error.message : String(error),
      });
    });
    return this.#writing;
  }

  flushed(): Promise<void> {
    return this.#writing;
  }
}
