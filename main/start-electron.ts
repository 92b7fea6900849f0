/**
 * `npm start`: the built app on Electron, or one line pointing to the browser preview where Electron
 * cannot run. Finds the binary as the electron package does (its path.txt, or ELECTRON_OVERRIDE_DIST_PATH)
 * without letting that package try to download one (these machines cannot).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packageDir = join(root, 'node_modules', 'electron');
const NO_ELECTRON =
  'Electron cannot run on this machine (its binary is not installed); try the app in a browser instead: npm run preview';

function electronBinary(): string | null {
  const pathFile = join(packageDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? join(override, named || 'electron') : named ? join(packageDir, 'dist', named) : null;
  return binary !== null && existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (binary === null) {
  console.error(NO_ELECTRON);
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.once('error', () => {
  console.error(NO_ELECTRON);
  process.exit(1);
});
child.once('exit', (code, signal) => {
  if (code !== 0 && signal === null)
    console.error('Electron stopped with an error (above); the browser preview runs without it: npm run preview');
  process.exit(code ?? 1);
});
