/**
 * A real electron-builder `--dir` build for Linux, offline, of the real build in out/ (npm test builds
 * it first). Only the Electron binary is a stand-in: `electronDist` is a folder holding a script named
 * `electron`, and the fuses are off for this run only (flipping them needs a real Electron binary).
 * The app.asar must hold the built app and nothing else, and its main bundle must boot (against the
 * Electron fake) with everything it needs found inside the package.
 */
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, fakeState, Notification, resetElectronFake, Tray } from '../mocks/electron.ts';
import { startFeedServer } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
let unpacked: string;
let asarPath: string;

/** Every file under `dir`, as `/a/b` paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
}

beforeAll(async () => {
  const dir = await makeTempDir('advocate-pack-');
  cleanups.push(dir.remove);
  const electronDist = join(dir.path, 'electron-dist');
  await mkdir(electronDist);
  await writeFile(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n');
  await chmod(join(electronDist, 'electron'), 0o755);
  // Overrides only: electron-builder still reads electron-builder.yml from projectDir and merges these on top.
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: { electronDist, electronFuses: null, directories: { output: join(dir.path, 'release') } },
  });
  unpacked = join(dir.path, 'release', 'linux-unpacked');
  asarPath = join(unpacked, 'resources', 'app.asar');
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('packed app (electron-builder --dir, linux)', () => {
  it('holds exactly the built app and package.json in app.asar: no sources, tests, source maps or node_modules', () => {
    const files = listPackage(asarPath, { isPack: false })
      .map((entry) => entry.split(sep).join('/'))
      .filter((entry) => !('files' in statFile(asarPath, entry.slice(1))));
    const built = filesUnder(join(projectDir, 'out'))
      .filter((file) => !file.startsWith('/preview/'))
      .map((file) => `/out${file}`);
    expect(files.sort()).toEqual([...built, '/package.json'].sort());
    expect(files).toEqual(
      expect.arrayContaining([
        '/out/main/index.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/package.json',
      ]),
    );
    const unwanted = files.filter(
      (file) =>
        /\.(map|tsx?|mts)$/.test(file) ||
        /^\/(common|main|preload|renderer|server|tests|bench|resources|node_modules)\//.test(file),
    );
    expect(unwanted).toEqual([]);
  });

  it('packs a package.json that starts the built main and carries no scripts or dependencies', () => {
    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'advocate', main: 'out/main/index.js', type: 'module' });
    expect(manifest['scripts']).toBeUndefined();
    expect(manifest['devDependencies']).toBeUndefined();
    expect(manifest['dependencies']).toBeUndefined();
  });

  it('puts the tray icon and the default config beside app.asar, names the executable, and has no update feed', () => {
    const resources = join(unpacked, 'resources');
    expect(existsSync(join(resources, 'tray', 'tray.png'))).toBe(true);
    expect(existsSync(join(resources, 'config', 'defaults.json'))).toBe(true);
    expect(existsSync(join(resources, 'app-update.yml'))).toBe(false);
    expect(existsSync(join(unpacked, 'advocate'))).toBe(true);
  });

  it('boots the packed main bundle: window, preload and tray icon all found in the package, a local feed notified', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const appDir = join(dir.path, 'app');
    extractAll(asarPath, appDir);
    const feed = await startFeedServer('Packed Blog', [
      {
        title: 'Packed and shipped',
        link: 'https://blog.example.com/packed',
        description: 'It works from the package.',
        published: new Date(),
      },
    ]);
    cleanups.push(feed.close);
    resetElectronFake();
    Object.assign(fakeState, { appPath: appDir, isPackaged: true, userData: join(dir.path, 'user-data') });
    // Electron sets process.resourcesPath; plain Node has none.
    Object.defineProperty(process, 'resourcesPath', { value: join(unpacked, 'resources'), configurable: true });
    vi.stubEnv('ADVOCATE_FEED_URLS', feed.feedUrl);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    cleanups.push(() => {
      app.quit();
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
      return Promise.resolve();
    });

    await import(pathToFileURL(join(appDir, 'out', 'main', 'index.js')).href);
    app.becomeReady();
    await vi.waitUntil(() => Notification.instances.length > 0, { timeout: 5000 });

    const [window] = BrowserWindow.instances;
    const preload = String(window?.options.webPreferences?.['preload']);
    expect(preload).toBe(join(appDir, 'out', 'preload', 'index.cjs'));
    expect(existsSync(preload)).toBe(true);
    expect(window?.loadedUrl).toBe('app://advocate/index.html');
    const trayIcon = Tray.instances[0]?.image.path;
    // The new post raised the unread count, so the tray already shows the unread variant.
    expect(trayIcon).toBe(join(unpacked, 'resources', 'tray', 'tray-unread.png'));
    expect(existsSync(String(trayIcon))).toBe(true);
    expect(Notification.instances.map((notification) => notification.options.title)).toEqual(['Packed and shipped']);
    expect(app.exitCode).toBeNull();
  });
});
