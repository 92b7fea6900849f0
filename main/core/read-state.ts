/**
 * Which posts the person has opened, kept across restarts. Only ids of posts still shown are kept, so
 * the file stays as small as the post list.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../storage/atomic-file.ts';

export class ReadState {
  #writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private readonly read: Set<string>,
  ) {}

  static async open(path: string): Promise<ReadState> {
    const text = await readFile(path, 'utf8').catch(() => '[]');
    let ids: unknown;
    try {
      ids = JSON.parse(text);
    } catch {
      ids = []; // a damaged file costs only unread markers, never posts or shares
    }
    return new ReadState(
      path,
      new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []),
    );
  }

  has(postId: string): boolean {
    return this.read.has(postId);
  }

  /** Marks a post read and saves, forgetting ids no longer in `shownIds`. Resolves once on disk. */
  markRead(postId: string, shownIds: Iterable<string>): Promise<void> {
    this.read.add(postId);
    const shown = new Set(shownIds);
    for (const id of this.read) if (!shown.has(id)) this.read.delete(id);
    const snapshot = JSON.stringify([...this.read]);
    this.#writes = this.#writes.then(() => writeFileAtomic(this.path, snapshot)).catch(() => undefined);
    return this.#writes;
  }

  flushed(): Promise<void> {
    return this.#writes;
  }
}
