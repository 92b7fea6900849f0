/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content, never a mix:
 * write a temporary file beside it, fsync it, rename it over the old one, then fsync the folder so the
 * rename itself is on disk.
 */
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export const TEMP_SUFFIX = '.tmp';
let counter = 0;

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  counter += 1;
  const temp = `${path}.${String(process.pid)}-${String(counter)}${TEMP_SUFFIX}`;
  try {
    const file = await open(temp, 'w');
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // Windows cannot open a folder to fsync it; there the rename is as durable as NTFS makes it.
  const folder = await open(dirname(path), 'r').catch(() => null);
  await folder?.sync().catch(() => undefined);
  await folder?.close();
}
