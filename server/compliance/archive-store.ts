/**
 * The endpoint's compliance archive: each share's final text as the desktops whose policy
 * ArchiveToEndpoint is on send it, kept by the share's id (a retry is stored once), exported as CSV
 * for a compliance review.
 */
import type { ArchiveEntry, ArchiveResult } from '../../common/protocol.ts';
import { toCsv } from '../../common/csv.ts';
import type { Db } from '../database.ts';

export async function storeArchiveEntries(
  db: Db,
  personId: number,
  entries: readonly ArchiveEntry[],
  now = new Date(),
): Promise<ArchiveResult> {
  const received = now.toISOString();
  const { numInsertedOrUpdatedRows } = await db
    .insertInto('share_archive')
    .values(
      entries.map((entry) => ({
        id: entry.id,
        person_id: personId,
        post_key: entry.postKey,
        network: entry.network,
        shared_at: entry.at,
        link: entry.link,
        text: entry.text,
        kit_version: entry.kitVersion,
        received_at: received,
      })),
    )
    .onConflict((conflict) => conflict.column('id').doNothing())
    .executeTakeFirst();
  const stored = Number(numInsertedOrUpdatedRows ?? 0n);
  return { stored, duplicates: entries.length - stored };
}

/** Every archived share, oldest first, with who shared it: the file the admin hands to compliance. */
export async function archiveCsv(db: Db): Promise<{ readonly csv: string; readonly shares: number }> {
  const rows = await db
    .selectFrom('share_archive')
    .innerJoin('people', 'people.id', 'share_archive.person_id')
    .select([
      'share_archive.shared_at',
      'people.display_name',
      'share_archive.network',
      'share_archive.post_key',
      'share_archive.link',
      'share_archive.kit_version',
      'share_archive.text',
      'share_archive.id',
    ])
    .orderBy('share_archive.shared_at')
    .orderBy('share_archive.id')
    .execute();
  const csv = toCsv(
    ['time', 'person', 'network', 'post', 'link', 'kit version', 'text', 'share id'],
    rows.map((row) => [
      row.shared_at,
      row.display_name,
      row.network,
      row.post_key,
      row.link,
      row.kit_version,
      row.text,
      row.id,
    ]),
  );
  return { csv, shares: rows.length };
}
