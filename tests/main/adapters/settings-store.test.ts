/**
 * electron-store files in a real userData folder: round trips, an unreadable file kept aside, no IPC channel left open.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJsonStore, pauseStoreIn } from '../../../main/adapters/settings-store.ts';
import type { Logger } from '../../../main/core/ports.ts';
import { fakeState, ipcMain, resetElectronFake } from '../../mocks/electron.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

let remove: () => Promise<void>;
const warnings: string[] = [];
const log: Logger = { info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined };

beforeEach(async () => {
  resetElectronFake();
  warnings.length = 0;
  const dir = await makeTempDir();
  remove = dir.remove;
  fakeState.userData = dir.path;
});
afterEach(() => remove());

describe('settings store', () => {
  it('keeps what it is given in userData/<name>.json, and nothing more', async () => {
    const store = openJsonStore('settings', log);
    expect(store.path).toBe(join(fakeState.userData, 'settings.json'));
    expect(store.read()).toEqual({});
    store.replace({ pollIntervalMinutes: 15 });
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toEqual({ pollIntervalMinutes: 15 });
    expect(openJsonStore('settings', log).read()).toEqual({ pollIntervalMinutes: 15 });
  });

  it("does not leave electron-store's synchronous IPC channel open to renderers", () => {
    openJsonStore('settings', log);
    expect(ipcMain.listenerCount('electron-store-get-data')).toBe(0);
  });

  it('keeps a file that is not JSON aside, under a dated name, and starts fresh: nothing lost, no crash', async () => {
    const path = join(fakeState.userData, 'settings.json');
    await writeFile(path, '{"pollIntervalMinutes": 15,');
    const store = openJsonStore('settings', log, () => new Date('2026-11-25T10:00:00.000Z'));
    expect(store.read()).toEqual({});
    expect(warnings).toEqual(['a settings file was not valid JSON; kept it aside and started fresh']);
    const files = await readdir(fakeState.userData);
    expect(files).toContain('settings.unreadable-2026-11-25T10-00-00-000Z.json');
    expect(await readFile(join(fakeState.userData, 'settings.unreadable-2026-11-25T10-00-00-000Z.json'), 'utf8')).toBe(
      '{"pollIntervalMinutes": 15,',
    );
  });

  it('keeps the notification pause beside other state, and removes it on resume', () => {
    const store = openJsonStore('state', log);
    store.replace({ other: 1 });
    const pauses = pauseStoreIn(store);
    expect(pauses.load()).toBeNull();
    pauses.save('2026-11-26T07:00:00.000Z');
    expect(pauseStoreIn(openJsonStore('state', log)).load()).toBe('2026-11-26T07:00:00.000Z');
    pauses.save(null);
    expect(store.read()).toEqual({ other: 1 });
  });
});
