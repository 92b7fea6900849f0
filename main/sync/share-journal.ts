/**
 * The desktop's durable record of every share and its outbox: an append-only JSON-lines file, fsynced
 * before the window is told "done". Events stay pending until the endpoint acknowledges them (or
 * refuses them for good); those verdicts are appended too, so a crash at any point leaves either the
 * old or the new state, never a mix. Records that arrive while a write is on its way go to disk
 * together with one fsync (group commit). From time to time the file is rewritten without what no
 * longer matters (journal-records.ts), through a temporary file renamed over it.
 */
import { open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ShareEvent } from '../../common/domain.ts';
import type { Logger } from '../core/ports.ts';
import { TEMP_SUFFIX, writeFileAtomic } from '../storage/atomic-file.ts';
import { compactedRecords, parseRecord, type JournalRecord } from './journal-records.ts';

export interface JournalOptions {
  /** Compact once the file has this many lines and twice as many as the last compaction kept. */
  readonly compactAtLines?: number;
  readonly log?: Logger;
}

export interface RejectedShare {
  readonly event: ShareEvent;
  readonly reason: string;
}

interface QueuedWrite {
  readonly records: readonly JournalRecord[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

const DEFAULT_COMPACT_AT_LINES = 2000;

async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  });
}

/** Temporary files a compaction killed half-way left beside the journal; the journal itself is whole. */
async function removeLeftovers(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => []);
  for (const name of names)
    if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX)) await rm(join(dirname(path), name), { force: true });
}

export class ShareJournal {
  readonly #events = new Map<string, ShareEvent>();
  readonly #acknowledged = new Set<string>();
  readonly #rejected = new Map<string, string>();
  readonly #compactAtLines: number;
  readonly #log: Logger | undefined;
  #file: FileHandle;
  /** Lines in the file, and how many the last compaction left: to tell when another is worth it. */
  #lines = 0;
  #linesKept = 0;
  /** A failed write may have left half a line: the next one starts on a fresh line. */
  #tornTail = false;
  #queue: QueuedWrite[] = [];
  #writer: Promise<void> | null = null;

  private constructor(
    file: FileHandle,
    readonly path: string,
    options: JournalOptions,
  ) {
    this.#file = file;
    this.#compactAtLines = options.compactAtLines ?? DEFAULT_COMPACT_AT_LINES;
    this.#log = options.log;
  }

  static async open(path: string, options: JournalOptions = {}): Promise<ShareJournal> {
    await removeLeftovers(path);
    const text = await readText(path);
    const journal = new ShareJournal(await open(path, 'a'), path, options);
    // End a line a crash left torn, so the next record starts on a line of its own.
    journal.#tornTail = text.length > 0 && !text.endsWith('\n');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      journal.#lines += 1;
      const record = parseRecord(line);
      if (record) journal.#apply(record);
    }
    if (journal.#worthCompacting()) await journal.#compact();
    return journal;
  }

  #apply(record: JournalRecord): void {
    if (record.kind === 'event') this.#events.set(record.event.id, record.event);
    else if (record.kind === 'ack') for (const id of record.ids) this.#acknowledged.add(id);
    else this.#rejected.set(record.id, record.reason);
  }

  /** Resolves once the records are on disk (and only then are they part of the state). */
  #write(records: readonly JournalRecord[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ records, resolve, reject });
      this.#startWriter();
    });
  }

  #startWriter(): void {
    if (this.#writer || this.#queue.length === 0) return;
    this.#writer = this.#drain().finally(() => {
      this.#writer = null;
      // A record queued after the loop's last look, before this ran.
      this.#startWriter();
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const writes = this.#queue.splice(0);
      const records = writes.flatMap((write) => write.records);
      try {
        await this.#appendAndSync(records);
      } catch (error) {
        for (const write of writes) write.reject(error);
        continue;
      }
      for (const record of records) this.#apply(record);
      for (const write of writes) write.resolve();
      if (this.#worthCompacting()) {
        // The records are safe already; a compaction that fails only leaves a longer file.
        await this.#compact().catch((error: unknown) => {
          this.#linesKept = this.#lines;
          this.#log?.warn('could not compact the share journal', {
            reason: error instanceof Error ? error.message : String(error),
          });
        });
      }
    }
  }

  async #appendAndSync(records: readonly JournalRecord[]): Promise<void> {
    const text = `${this.#tornTail ? '\n' : ''}${records.map((record) => `${JSON.stringify(record)}\n`).join('')}`;
    this.#tornTail = true;
    await this.#file.appendFile(text, 'utf8');
    await this.#file.sync();
    this.#tornTail = false;
    this.#lines += records.length;
  }

  #worthCompacting(): boolean {
    return this.#lines >= Math.max(this.#compactAtLines, 2 * this.#linesKept);
  }

  async #compact(): Promise<void> {
    const records = compactedRecords({
      events: this.#events,
      acknowledged: this.#acknowledged,
      rejected: this.#rejected,
    });
    // Closed first: Windows may refuse to replace a file that is open.
    await this.#file.close();
    try {
      await writeFileAtomic(this.path, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    } finally {
      this.#file = await open(this.path, 'a');
    }
    this.#events.clear();
    this.#acknowledged.clear();
    this.#rejected.clear();
    for (const record of records) this.#apply(record);
    this.#lines = records.length;
    this.#linesKept = records.length;
    this.#tornTail = false;
  }

  record(event: ShareEvent): Promise<void> {
    return this.#write([{ kind: 'event', event }]);
  }

  /** The endpoint has these (created or duplicate): they leave the outbox. */
  acknowledge(ids: readonly string[]): Promise<void> {
    const fresh = ids.filter((id) => this.#isPending(id));
    return fresh.length === 0 ? Promise.resolve() : this.#write([{ kind: 'ack', ids: fresh }]);
  }

  /** Takes events out of the outbox for good, keeping them and why to be seen. */
  reject(verdicts: readonly { readonly id: string; readonly reason: string }[]): Promise<void> {
    const fresh = verdicts.filter(({ id }) => this.#isPending(id));
    return fresh.length === 0
      ? Promise.resolve()
      : this.#write(fresh.map(({ id, reason }) => ({ kind: 'reject', id, reason })));
  }

  #isPending(id: string): boolean {
    return this.#events.has(id) && !this.#acknowledged.has(id) && !this.#rejected.has(id);
  }

  /** The events that decide the person's figures (older ones may have been compacted away), oldest first. */
  events(): ShareEvent[] {
    return [...this.#events.values()];
  }

  /** The outbox: events the endpoint has neither acknowledged nor refused, oldest first. */
  pending(): ShareEvent[] {
    return this.events().filter((event) => this.#isPending(event.id));
  }

  pendingCount(): number {
    let count = 0;
    for (const id of this.#events.keys()) if (this.#isPending(id)) count += 1;
    return count;
  }

  rejected(): RejectedShare[] {
    return [...this.#rejected].flatMap(([id, reason]) => {
      const event = this.#events.get(id);
      return event ? [{ event, reason }] : [];
    });
  }

  async close(): Promise<void> {
    while (this.#writer) await this.#writer;
    await this.#file.close();
  }
}
