/**
 * The local archive for compliance: each share's final text, network, time, link and kit version, one
 * JSON line per share in the app's data folder. Appends only, each fsynced; a crash mid-append leaves a
 * torn last line, which reading skips and the next append steps over, so no other share is ever lost.
 * Shares older than the policy's `ArchiveDays` are dropped when it opens and before each export, by
 * rewriting the file atomically.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { NETWORKS } from '../../common/domain.ts';
import type { ArchivedShare } from '../../common/archive.ts';
import type { Logger } from '../core/ports.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { jsonObjectOf } from '../storage/json-line.ts';

const DAY_MS = 86_400_000;

function parseLine(line: string): ArchivedShare | null {
  const share = jsonObjectOf(line);
  if (share === null) return null;
  const texts = [
    share['id'],
    share['at'],
    share['postKey'],
    share['title'],
    share['link'],
    share['text'],
    share['kitVersion'],
  ];
  if (!texts.every((field) => typeof field === 'string')) return null;
  if (!(NETWORKS as readonly unknown[]).includes(share['network'])) return null;
  return Number.isNaN(Date.parse(share['at'] as string)) ? null : (share as unknown as ArchivedShare);
}

export class ShareArchive {
  #shares: ArchivedShare[];
  #file: FileHandle;
  /** The file does not end with a line break (a torn append): the next record starts a line of its own. */
  #tornTail: boolean;
  /** Appends run one after the other, so two lines never interleave. */
  #last: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    file: FileHandle,
    shares: ArchivedShare[],
    tornTail: boolean,
    private readonly keepDays: () => number,
    private readonly now: () => number,
  ) {
    this.#file = file;
    this.#shares = shares;
    this.#tornTail = tornTail;
  }

  static async open(
    path: string,
    options: { readonly keepDays: () => number; readonly now: () => number; readonly log?: Logger },
  ): Promise<ShareArchive> {
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    });
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const shares = lines.map(parseLine).filter((share) => share !== null);
    if (shares.length < lines.length)
      options.log?.warn('skipped unreadable lines of the share archive', { lines: lines.length - shares.length });
    const archive = new ShareArchive(
      path,
      await open(path, 'a'),
      shares,
      text.length > 0 && !text.endsWith('\n'),
      options.keepDays,
      options.now,
    );
    await archive.prune();
    return archive;
  }

  /** Every share kept, oldest first. */
  shares(): readonly ArchivedShare[] {
    return this.#shares;
  }

  /** Resolves once the share is on disk. */
  append(share: ArchivedShare): Promise<void> {
    const write = this.#last.then(async () => {
      const line = `${this.#tornTail ? '\n' : ''}${JSON.stringify(share)}\n`;
      // Until the write is known whole, assume it tore: the next append then starts on a fresh line.
      this.#tornTail = true;
      await this.#file.appendFile(line, 'utf8');
      await this.#file.sync();
      this.#tornTail = false;
      this.#shares.push(share);
    });
    this.#last = write.catch(() => undefined);
    return write;
  }

  /** Drops shares older than the policy's number of days; rewrites the file only when there are some. */
  prune(): Promise<void> {
    const write = this.#last.then(async () => {
      const since = this.now() - this.keepDays() * DAY_MS;
      const kept = this.#shares.filter((share) => Date.parse(share.at) >= since);
      if (kept.length === this.#shares.length && !this.#tornTail) return;
      await this.#file.close();
      try {
        await writeFileAtomic(this.path, kept.map((share) => `${JSON.stringify(share)}\n`).join(''));
        this.#shares = kept;
        this.#tornTail = false;
      } finally {
        // Whether or not the rewrite went through, appends go on in the file that is there.
        this.#file = await open(this.path, 'a');
      }
    });
    this.#last = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.#last;
    await this.#file.close();
  }
}
