/**
 * Device token stores for where Electron's safeStorage is not: the browser preview and tests. The app
 * never uses these (main/adapters/token-store.ts encrypts with the OS key store).
 */
import { readFile, rm } from 'node:fs/promises';
import type { DeviceTokenStore } from '../core/ports.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';

/** Kept for the life of the object: a restart that keeps the object plays an OS key store that outlives the app. */
export function memoryTokenStore(initial: string | null = null): DeviceTokenStore {
  let token = initial;
  return {
    load: () => Promise.resolve(token),
    save(next) {
      token = next;
      return Promise.resolve('this run only');
    },
    clear() {
      token = null;
      return Promise.resolve();
    },
  };
}

/** In plain text in a file of the preview's (or a test's) own data folder, so it survives a restart of the process. */
export function plainFileTokenStore(path: string): DeviceTokenStore {
  return {
    async load() {
      const text = await readFile(path, 'utf8').catch(() => '');
      return text.trim() || null;
    },
    async save(token) {
      await writeFileAtomic(path, token);
      return 'a plain file in the data folder';
    },
    clear: () => rm(path, { force: true }),
  };
}
