/** The device token: encrypted at rest with safeStorage, never plain text, kept in memory only without a key store. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeviceTokenStore } from '../../../main/adapters/token-store.ts';
import type { Logger } from '../../../main/core/ports.ts';
import { fakeState, resetElectronFake } from '../../mocks/electron.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const TOKEN = 'dev_7c1e4b9a2f0d4e8c9b6a5f3e2d1c0b9a';
const warnings: string[] = [];
const log: Logger = { info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined };
let file: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  resetElectronFake();
  warnings.length = 0;
  const dir = await makeTempDir();
  remove = dir.remove;
  file = join(dir.path, 'device-token.bin');
});
afterEach(() => remove());

describe('device token store', () => {
  it('writes the token encrypted, readable only to its owner, and reads it back', async () => {
    const store = createDeviceTokenStore({ file, platform: 'win32', log });
    expect(await store.save(TOKEN)).toBe('os key store');
    const bytes = await readFile(file);
    expect(bytes.includes(Buffer.from(TOKEN))).toBe(false);
    expect(bytes.toString('latin1')).not.toContain('dev_');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await createDeviceTokenStore({ file, platform: 'win32', log }).load()).toBe(TOKEN);
  });

  it('without an OS key store, keeps the token for this run only and writes nothing', async () => {
    fakeState.encryptionAvailable = false;
    const store = createDeviceTokenStore({ file, platform: 'darwin', log });
    expect(await store.save(TOKEN)).toBe('this run only');
    expect(await store.load()).toBe(TOKEN);
    await expect(stat(file)).rejects.toThrow('ENOENT');
    expect(warnings).toEqual(['no OS key store: the device token is kept for this run only']);
  });

  it("treats Linux's basic_text store (a hard-coded key) as no key store", async () => {
    fakeState.storageBackend = 'basic_text';
    expect(await createDeviceTokenStore({ file, platform: 'linux', log }).save(TOKEN)).toBe('this run only');
    await expect(stat(file)).rejects.toThrow('ENOENT');
  });

  it('answers "no token" for a file it cannot decrypt (another user\'s key), and says why', async () => {
    await writeFile(file, 'plain text someone put here');
    expect(await createDeviceTokenStore({ file, platform: 'linux', log }).load()).toBeNull();
    expect(warnings).toEqual(['could not decrypt the stored device token; it will be replaced']);
  });

  it('forgets the token on clear', async () => {
    const store = createDeviceTokenStore({ file, platform: 'win32', log });
    await store.save(TOKEN);
    await store.clear();
    expect(await store.load()).toBeNull();
  });
});
