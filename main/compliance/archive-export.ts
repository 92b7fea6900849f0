/** "Export the archive" in Settings: the shares kept, as CSV or JSON, in a file of their own. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { archiveFileText, type ArchiveExported, type ArchiveFormat } from '../../common/archive.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import type { ShareArchive } from './share-archive.ts';

/** Shares past the policy's days go first, so an export never holds what should no longer be kept. */
export async function exportArchive(
  archive: ShareArchive,
  format: ArchiveFormat,
  folder: string,
  now: Date,
): Promise<ArchiveExported> {
  await archive.prune();
  const shares = archive.shares();
  await mkdir(folder, { recursive: true });
  // One file a day and format: a second export the same day replaces the first, with the newer shares.
  const file = join(folder, `advocate-archive-${now.toISOString().slice(0, 10)}.${format}`);
  await writeFileAtomic(file, archiveFileText(format, shares));
  return { file, shares: shares.length };
}
