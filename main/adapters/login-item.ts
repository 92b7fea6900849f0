/**
 * "Start at login": Electron's login items on macOS and Windows, an XDG autostart entry on Linux
 * (~/.config/autostart/advocate.desktop). Only installed builds register themselves: a development run
 * would otherwise put the bare Electron binary in the person's login items.
 */
import { app } from 'electron';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../core/ports.ts';

export interface LoginItemOptions {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The program to start: the AppImage when run from one, else the executable. */
  readonly execPath: string;
  readonly log: Logger;
}

export const AUTOSTART_FILE = 'advocate.desktop';

export function autostartDir(env: Readonly<Record<string, string | undefined>>): string {
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'autostart');
}

/** Exec= quoting from the Desktop Entry Specification: double quotes, and \ " ` $ escaped inside. */
function quoteExec(path: string): string {
  return `"${path.replace(/[\\"`$]/g, (char) => `\\${char}`)}"`;
}

export function autostartEntry(execPath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Advocate',
    'Comment=Tells you when your company publishes a post worth sharing',
    `Exec=${quoteExec(execPath)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export async function applyStartAtLogin(enabled: boolean, options: LoginItemOptions): Promise<void> {
  if (!app.isPackaged) {
    options.log.info('start at login is only registered by installed builds', { enabled });
    return;
  }
  if (options.platform === 'darwin' || options.platform === 'win32') {
    app.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  const file = join(autostartDir(options.env), AUTOSTART_FILE);
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(autostartDir(options.env), { recursive: true });
  const temporary = `${file}.${String(process.pid)}.tmp`;
  await writeFile(temporary, autostartEntry(options.env['APPIMAGE'] || options.execPath), { mode: 0o644 });
  await rename(temporary, file);
}
