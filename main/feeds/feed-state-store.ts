/**
 * The desktop's feed states on disk: one small JSON file per feed in `<dataDir>/feeds/`, each replaced
 * atomically. A file that is not a feed state this version can read (hand-edited, from a future version,
 * damaged outside the app) is set aside and the feed starts afresh, never a crash.
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readFeedState, type FeedState } from '../../feeds/index.ts';
import { TEMP_SUFFIX, writeFileAtomic } from '../storage/atomic-file.ts';

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
      const state = readFeedState(value);
      if (state) {
        states.set(name.slice(0, -'.json'.length), state);
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
