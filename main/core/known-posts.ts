/**
 * Every post this desktop has had, from either source (its own polls or the endpoint), by post id and by
 * post key (the canonical URL), in userData/known-posts.json. A post is announced only when neither is
 * known: the same feed gives the same id from both sources, and the key catches the same post reached
 * through a feed configured at a slightly different address. Written before anything is announced, so a
 * crash followed by a switch of sources cannot announce a post again.
 */
import { readFile } from 'node:fs/promises';
import type { Post } from '../../common/domain.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import type { Clock, Logger } from './ports.ts';

/** Entries kept (two per post), the most recently seen: far more than any feed or the endpoint lists. */
const MAX_ENTRIES = 20_000;

const entriesOf = (post: Post): string[] => [`id:${post.id}`, `key:${post.key}`];

export class KnownPosts {
  #writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    /** Entry → when it was last seen (ms). */
    private readonly seen: Map<string, number>,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  static async open(path: string, clock: Clock, log: Logger): Promise<KnownPosts> {
    const text = await readFile(path, 'utf8').catch(() => null);
    let entries: [string, number][] = [];
    if (text !== null) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
          entries = Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
      } catch {
        // Lost, the posts on screen are known again at once; only a switch of sources could repeat a notice.
        log.warn('the list of known posts could not be read; starting it afresh', { path });
      }
    }
    return new KnownPosts(path, new Map(entries), clock, log);
  }

  /** Those of `posts` this desktop never had, by id or by key. */
  unknown(posts: readonly Post[]): Post[] {
    return posts.filter((post) => entriesOf(post).every((entry) => !this.seen.has(entry)));
  }

  /** Known from now on; resolves once on disk when any of them was new. */
  remember(posts: readonly Post[]): Promise<void> {
    const now = this.clock.now();
    let added = false;
    for (const entry of posts.flatMap(entriesOf)) {
      added ||= !this.seen.has(entry);
      this.seen.set(entry, now);
    }
    if (!added) return this.#writes;
    const kept = [...this.seen].sort(([, a], [, b]) => b - a).slice(0, MAX_ENTRIES);
    const snapshot = JSON.stringify(Object.fromEntries(kept));
    this.#writes = this.#writes
      .then(() => writeFileAtomic(this.path, snapshot))
      .catch((error: unknown) => {
        this.log.warn('could not save the list of known posts', {
          reason: error instanceof Error ? error.message : String(error),
        });
      });
    return this.#writes;
  }

  flushed(): Promise<void> {
    return this.#writes;
  }
}
