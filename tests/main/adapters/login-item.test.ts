/** "Start at login" per platform, through the fake and a real autostart folder. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyStartAtLogin, AUTOSTART_FILE, autostartEntry } from '../../../main/adapters/login-item.ts';
import type { Logger } from '../../../main/core/ports.ts';
import { app, fakeState, resetElectronFake } from '../../mocks/electron.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const infos: string[] = [];
const log: Logger = { info: (message) => infos.push(message), warn: () => undefined, error: () => undefined };
let config: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  resetElectronFake();
  infos.length = 0;
  fakeState.isPackaged = true;
  ({ path: config, remove } = await makeTempDir());
});
afterEach(() => remove());

const options = (platform: NodeJS.Platform, env: Record<string, string> = {}) => ({
  platform,
  env: { XDG_CONFIG_HOME: config, ...env },
  execPath: '/opt/Advocate/advocate',
  log,
});

describe('start at login', () => {
  it("macOS and Windows: Electron's login item, on and off", async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      await applyStartAtLogin(true, options(platform));
      expect(app.getLoginItemSettings().openAtLogin).toBe(true);
      await applyStartAtLogin(false, options(platform));
      expect(app.getLoginItemSettings().openAtLogin).toBe(false);
    }
  });

  it('Linux: writes an XDG autostart entry for the executable, and removes it again', async () => {
    const file = join(config, 'autostart', AUTOSTART_FILE);
    await applyStartAtLogin(true, options('linux'));
    expect(await readFile(file, 'utf8')).toBe(autostartEntry('/opt/Advocate/advocate'));
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    await applyStartAtLogin(false, options('linux'));
    await expect(stat(file)).rejects.toThrow('ENOENT');
    await applyStartAtLogin(false, options('linux'));
  });

  it('Linux: starts the AppImage when run from one, quoting the path as the Desktop Entry spec says', async () => {
    await applyStartAtLogin(true, options('linux', { APPIMAGE: '/home/sam/Apps/Advocate "new" $1.AppImage' }));
    const entry = await readFile(join(config, 'autostart', AUTOSTART_FILE), 'utf8');
    expect(entry).toContain('Exec="/home/sam/Apps/Advocate \\"new\\" \\$1.AppImage"\n');
    expect(entry.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
  });

  it('a development run registers nothing (it would be the bare Electron binary)', async () => {
    fakeState.isPackaged = false;
    await applyStartAtLogin(true, options('win32'));
    await applyStartAtLogin(true, options('linux'));
    expect(app.getLoginItemSettings().openAtLogin).toBe(false);
    await expect(stat(join(config, 'autostart'))).rejects.toThrow('ENOENT');
    expect(infos).toEqual([
      'start at login is only registered by installed builds',
      'start at login is only registered by installed builds',
    ]);
  });
});
