/** Where each platform keeps what IT presets, outside anything the person can write. */
import { posix, win32 } from 'node:path';

export interface PolicyLocations {
  /** defaults.json: machine-wide defaults, below the person's own settings. */
  readonly machineDefaultsFile: string;
  /** policy.json: locked values (Linux; Windows and macOS use the registry and managed preferences). */
  readonly policyFile: string | null;
  /** reg.exe by absolute path, so a program named reg on the PATH cannot stand in for it (Windows). */
  readonly regExe: string | null;
}

export function policyLocations(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): PolicyLocations {
  if (platform === 'win32') {
    return {
      machineDefaultsFile: win32.join(env['ProgramData'] ?? 'C:\\ProgramData', 'Advocate', 'defaults.json'),
      policyFile: null,
      regExe: win32.join(env['SystemRoot'] ?? 'C:\\Windows', 'System32', 'reg.exe'),
    };
  }
  if (platform === 'darwin') {
    return {
      machineDefaultsFile: '/Library/Application Support/Advocate/defaults.json',
      policyFile: null,
      regExe: null,
    };
  }
  return {
    machineDefaultsFile: posix.join('/etc/advocate', 'defaults.json'),
    policyFile: posix.join('/etc/advocate', 'policy.json'),
    regExe: null,
  };
}
