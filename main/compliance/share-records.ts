/**
 * What the core keeps of each share for compliance, put together: the local archive (always), the
 * outbox to the endpoint's archive (filled only while there is an endpoint and policy ArchiveToEndpoint
 * is on; open from the start, since an endpoint may be set while the app runs), and the export Settings
 * asks for.
 */
import { join } from 'node:path';
import { DEFAULT_ARCHIVE_DAYS, type ArchiveExported, type ArchiveFormat } from '../../common/archive.ts';
import type { ArchiveEntry } from '../../common/protocol.ts';
import type { Clock, Logger } from '../core/ports.ts';
import { exportArchive } from './archive-export.ts';
import { ArchiveOutbox } from './archive-outbox.ts';
import { ShareArchive } from './share-archive.ts';

export interface ShareRecordsOptions {
  readonly dataDir: string;
  /** Whether the desktop syncs with an endpoint now: it can change while the app runs. */
  readonly hasEndpoint: () => boolean;
  readonly archiveDays?: () => number;
  readonly archiveToEndpoint?: () => boolean;
  readonly exportDir?: string;
  readonly clock: Clock;
  readonly log: Logger;
}

export class ShareRecords {
  private constructor(
    private readonly archive: ShareArchive,
    /** Handed to each endpoint's sync, which empties it after the events. */
    readonly outbox: ArchiveOutbox,
    private readonly options: ShareRecordsOptions,
  ) {}

  static async open(options: ShareRecordsOptions): Promise<ShareRecords> {
    const archive = await ShareArchive.open(join(options.dataDir, 'archive.jsonl'), {
      keepDays: options.archiveDays ?? (() => DEFAULT_ARCHIVE_DAYS),
      now: () => options.clock.now(),
      log: options.log,
    });
    const outbox = await ArchiveOutbox.open(join(options.dataDir, 'archive-outbox.json'), options.log);
    return new ShareRecords(archive, outbox, options);
  }

  /** Resolves once the share is in the archive, and queued for the endpoint's where policy asks. */
  async record(entry: ArchiveEntry, title: string): Promise<void> {
    await this.archive.append({ ...entry, title });
    if (this.options.hasEndpoint() && this.options.archiveToEndpoint?.() === true) await this.outbox.add(entry);
  }

  export(format: ArchiveFormat): Promise<ArchiveExported> {
    const folder = this.options.exportDir ?? join(this.options.dataDir, 'exports');
    return exportArchive(this.archive, format, folder, new Date(this.options.clock.now()));
  }

  close(): Promise<void> {
    return this.archive.close();
  }
}
