/**
 * The desktop's durable record of every share: an append-only JSON-lines file, fsynced before the
 * window is told "done". Events stay pending until the endpoint acknowledges them; acknowledgements are
 * appended too, so a crash at any point leaves either the old or the new state, never a mix.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { ShareEvent } from '../../common/domain.ts';

type JournalRecord = { readonly kind: 'event'; readonly event: ShareEvent } | { readonly kind: 'ack'; readonly ids: readonly string[] };

function isRecord(value: unknown): value is JournalRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as { kind?: unknown; event?: unknown; ids?: unknown };
  if (record.kind === 'event') return typeof record.event === 'object' && record.event !== null;
  return record.kind === 'ack' && Array.isArray(record.ids);
}

export class ShareJournal {
  readonly #events = new Map<string, ShareEvent>();
  readonly #acknowledged = new Set<string>();
  #writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: FileHandle,
    readonly path: string,
  ) {}

  static async open(path: string): Promise<ShareJournal> {
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    });
    const journal = new ShareJournal(await open(path, 'a'), path);
    // End a line a crash left torn, so the next record starts on a line of its own.
    if (text.length > 0 && !text.endsWith('\n')) await journal.file.appendFile('\n', 'utf8');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      // A line torn by a crash mid-write is the only way to get invalid JSON here; skip it.
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        continue;
      }
      if (isRecord(record)) journal.#apply(record);
    }
    return journal;
  }

  #apply(record: JournalRecord): void {
    if (record.kind === 'event') this.#events.set(record.event.id, record.event);
    else for (const id of record.ids) this.#acknowledged.add(id);
  }

  /** Appends a record and resolves once they are on disk. Writes are serialized so lines never interleave. */
  #append(record: JournalRecord): Promise<void> {
    const write = this.#writes.then(async () => {
      await this.file.appendFile(`${JSON.stringify(record)}\n`, 'utf8');
      await this.file.sync();
      this.#apply(record);
    });
    this.#writes = write.catch(() => undefined);
    return write;
  }

  record(event: ShareEvent): Promise<void> {
    return this.#append({ kind: 'event', event });
  }

  acknowledge(ids: readonly string[]): Promise<void> {
    const fresh = ids.filter((id) => this.#events.has(id) && !this.#acknowledged.has(id));
    return fresh.length === 0 ? Promise.resolve() : this.#append({ kind: 'ack', ids: fresh });
  }

  /** Every event ever recorded here, oldest first. */
  events(): ShareEvent[] {
    return [...this.#events.values()];
  }

  /** Events the endpoint has not acknowledged yet, oldest first. */
  pending(): ShareEvent[] {
    return this.events().filter((event) => !this.#acknowledged.has(event.id));
  }

  async close(): Promise<void> {
    await this.#writes;
    await this.file.close();
  }
}
