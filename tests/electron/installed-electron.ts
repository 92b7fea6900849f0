/**
 * Where the Electron binary is, found the way the `electron` package finds it, but without its
 * download-on-first-use: looking must never start a download.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type InstalledElectron =
  { readonly path: string; readonly missing?: never } | { readonly path?: never; readonly missing: string };

export function findInstalledElectron(): InstalledElectron {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const relativeExecutable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const executable = override
    ? join(override, relativeExecutable ?? 'electron')
    : relativeExecutable && join(packageDir, 'dist', relativeExecutable);
  if (executable && existsSync(executable)) return { path: executable };
  return {
    missing:
      `the Electron binary is not installed (${executable ?? `no ${pathFile}`}). The npm package installs without it and downloads it on first use, ` +
      'which machines without internet cannot do. To run this test: node node_modules/electron/install.js (needs internet), ' +
      'under xvfb-run on Linux, as .github/workflows/release.yml does.',
  };
}
