/**
 * Shares waiting to reach the endpoint's compliance archive (policy ArchiveToEndpoint): a small JSON
 * file replaced atomically on every change, so an entry is sent until the endpoint has it, across
 * restarts, and never after.
 */
import { readFile } from 'node:fs/promises';
import { Value } from 'typebox/value';
import { Type } from 'typebox';
import { ArchiveEntrySchema, MAX_ARCHIVE_ENTRIES_PER_BATCH, type ArchiveEntry } from '../../common/protocol.ts';
import type { Logger } from '../core/ports.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';

/** Well under the endpoint's 64 KiB body limit; one entry alone always fits (its text is bounded). */
const ARCHIVE_BATCH_BYTES = 48_000;
const encoder = new TextEncoder();

/** The next entries to send, oldest first. */
export function nextArchiveBatch(pending: readonly ArchiveEntry[]): ArchiveEntry[] {
  const batch: ArchiveEntry[] = [];
  let bytes = 0;
  for (const entry of pending.slice(0, MAX_ARCHIVE_ENTRIES_PER_BATCH)) {
    bytes += encoder.encode(JSON.stringify(entry)).length;
    if (batch.length > 0 && bytes > ARCHIVE_BATCH_BYTES) break;
    batch.push(entry);
  }
  return batch;
}

const OutboxFileSchema = Type.Array(ArchiveEntrySchema);

export class ArchiveOutbox {
  #entries: ArchiveEntry[];
  #last: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    entries: ArchiveEntry[],
  ) {
    this.#entries = entries;
  }

  static async open(path: string, log?: Logger): Promise<ArchiveOutbox> {
    const text = await readFile(path, 'utf8').catch(() => null);
    let entries: unknown;
    try {
      entries = text === null ? [] : JSON.parse(text);
    } catch {
      entries = null;
    }
    if (!Value.Check(OutboxFileSchema, entries)) {
      // Written atomically, so only a hand edit gets here; the texts are still in the local archive.
      log?.warn('the archive outbox could not be read; its entries will not be sent', { path });
      return new ArchiveOutbox(path, []);
    }
    return new ArchiveOutbox(path, entries);
  }

  pending(): readonly ArchiveEntry[] {
    return this.#entries;
  }

  add(entry: ArchiveEntry): Promise<void> {
    return this.#save((entries) => [...entries, entry]);
  }

  /** The endpoint has these (stored now or before): they leave the outbox. */
  acknowledge(ids: readonly string[]): Promise<void> {
    const done = new Set(ids);
    return this.#save((entries) => entries.filter((entry) => !done.has(entry.id)));
  }

  /** One change at a time, each made to what the one before left. */
  #save(change: (entries: ArchiveEntry[]) => ArchiveEntry[]): Promise<void> {
    const write = this.#last.then(async () => {
      const entries = change(this.#entries);
      await writeFileAtomic(this.path, JSON.stringify(entries));
      this.#entries = entries;
    });
    this.#last = write.catch(() => undefined);
    return write;
  }
}
