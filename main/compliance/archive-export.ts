/** "Export the archive" in Settings: the shares kept, as CSV or JSON, in a file of their own. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { archiveFileText, type ArchiveExported, type ArchiveFormat } from '../../common/archive.ts';
import { IpcRequestError } from '../ipc/ipc-request-error.ts';
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
  // One file a day and format: a second export the same day replaces the first, with the newer shares.
  const file = join(folder, `advocate-archive-${now.toISOString().slice(0, 10)}.${format}`);
  try {
    await mkdir(folder, { recursive: true });
    await writeFileAtomic(file, archiveFileText(format, shares));
  } catch {
    throw new IpcRequestError(
      `Advocate could not write ${file}. The record stays on this computer: free some space or check you may write to that folder, then export again.`,
    );
  }
  return { file, shares: shares.length };
}
