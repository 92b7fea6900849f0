/**
 * The endpoint device token, encrypted with Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet)
 * in userData/device-token.bin. Never written in plain text: where no OS key store is available (or
 * Linux falls back to its "basic_text" store, a hard-coded key) the token is kept in memory for this run
 * only and the desktop enrols again next time.
 */
import { safeStorage } from 'electron';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { DeviceTokenStore, Logger } from '../core/ports.ts';

export interface TokenStoreOptions {
  readonly file: string;
  readonly platform: NodeJS.Platform;
  readonly log: Logger;
}

export function createDeviceTokenStore(options: TokenStoreOptions): DeviceTokenStore {
  const { file, log } = options;
  let inMemory: string | null = null;

  async function secureStorageUsable(): Promise<boolean> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
    return options.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }

  async function write(token: string): Promise<void> {
    const temporary = `${file}.tmp`;
    await writeFile(temporary, await safeStorage.encryptStringAsync(token), { mode: 0o600 });
    await rename(temporary, file);
  }

  return {
    async load() {
      if (inMemory !== null) return inMemory;
      let encrypted: Buffer;
      try {
        encrypted = await readFile(file);
      } catch {
        return null;
      }
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
        if (shouldReEncrypt) await write(result);
        return result;
      } catch (error) {
        // Another user's or another machine's key: the token is useless here, enrol again.
        log.warn('could not decrypt the stored device token; it will be replaced', {
          reason: error instanceof Error ? error.message : String(error),
        });
        return null;
      }
    },
    async save(token) {
      if (!(await secureStorageUsable())) {
        inMemory = token;
        log.warn('no OS key store: the device token is kept for this run only');
        return 'this run only';
      }
      await write(token);
      inMemory = null;
      return 'os key store';
    },
    async clear() {
      inMemory = null;
      await rm(file, { force: true });
    },
  };
}
