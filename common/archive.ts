/**
 * The share archive kept for compliance: what each share said, where and when. The desktop keeps it
 * (main/compliance/), exports it from Settings, and, where policy ArchiveToEndpoint is on, sends each
 * share's record to the endpoint's archive too.
 */
import { toCsv } from './csv.ts';
import type { Network } from './domain.ts';

export interface ArchivedShare {
  /** The share event's id: the same share in the journal, at the endpoint and here. */
  readonly id: string;
  readonly at: string;
  readonly network: Network;
  readonly postKey: string;
  readonly title: string;
  /** The link the message carried (tracked or with UTM tags). */
  readonly link: string;
  /** The final text as the person last copied or opened it, link included. */
  readonly text: string;
  /** Which kit the message came from: "endpoint <time it was saved>", "feed" or "derived". */
  readonly kitVersion: string;
}

/** Days a share stays in the archive unless policy ArchiveDays says otherwise. */
export const DEFAULT_ARCHIVE_DAYS = 365;

/**
 * Longer than any network takes (LinkedIn's 3,000 with a take and a disclosure); short enough that one entry
 * always fits the endpoint's 64 KiB body limit.
 */
export const MAX_ARCHIVED_TEXT = 10_000;

export const ARCHIVE_FORMATS = ['csv', 'json'] as const;
export type ArchiveFormat = (typeof ARCHIVE_FORMATS)[number];

/** Where an export went and how many shares it holds. */
export interface ArchiveExported {
  readonly file: string;
  readonly shares: number;
}

const CSV_HEADER = ['time', 'network', 'post', 'title', 'link', 'kit version', 'text'] as const;

/** The archive as a file for a spreadsheet (CSV) or a program (JSON), oldest share first. */
export function archiveFileText(format: ArchiveFormat, shares: readonly ArchivedShare[]): string {
  if (format === 'json') return `${JSON.stringify(shares, null, 2)}\n`;
  return toCsv(
    CSV_HEADER,
    shares.map((share) => [
      share.at,
      share.network,
      share.postKey,
      share.title,
      share.link,
      share.kitVersion,
      share.text,
    ]),
  );
}
