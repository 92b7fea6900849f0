/**
 * Windows policy: the values under HKLM then HKCU \SOFTWARE\Policies\Advocate, read with `reg.exe query`
 * through execFile (no native module, no shell). HKLM wins over HKCU, as Group Policy does.
 */
import { execFile } from 'node:child_process';
import { EMPTY_LAYER, mergeLayers, policyLayer, type Layer } from './layers.ts';
import { WINDOWS_POLICY_HIVES, WINDOWS_POLICY_PATH } from './policy-keys.ts';

const VALUE_LINE = /^ {4}(\S(?:.*?\S)?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/** One registry value as reg.exe prints it, turned into text, a number or a list. */
function valueOf(type: string, data: string): unknown {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_QWORD':
      return /^0x[0-9a-f]+$/i.test(data) ? parseInt(data, 16) : data;
    case 'REG_MULTI_SZ':
      // reg.exe prints the strings of a multi-string joined by a literal "\0".
      return data === '' ? [] : data.split('\\0');
    default:
      return data;
  }
}

/** The values of the queried key itself (not of its subkeys), by name. */
export function parseRegQuery(stdout: string, keyPath: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  let inKey = false;
  for (const line of stdout.split(/\r?\n/)) {
    if (line.startsWith('HKEY_')) {
      inKey = line.trim().toUpperCase() === keyPath.toUpperCase();
      continue;
    }
    const match = inKey ? VALUE_LINE.exec(line) : null;
    if (match?.[1] && match[2]) values[match[1]] = valueOf(match[2], match[3] ?? '');
  }
  return values;
}

const FULL_HIVE_NAMES = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' } as const;

export interface RegQueryResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runRegQuery(regExe: string, key: string): Promise<RegQueryResult> {
  return new Promise((resolve) => {
    execFile(
      regExe,
      ['query', key],
      { windowsHide: true, timeout: 10_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: stderr || (error && typeof error.code !== 'number' ? error.message : '') });
      },
    );
  });
}

async function readHive(regExe: string, hive: (typeof WINDOWS_POLICY_HIVES)[number]): Promise<Layer> {
  const key = `${hive}\\${WINDOWS_POLICY_PATH}`;
  const result = await runRegQuery(regExe, key);
  // Exit code 1 with nothing on stdout: the key does not exist, which just means no policy.
  if (result.code === 1 && result.stdout.trim() === '') return EMPTY_LAYER;
  if (result.code !== 0) {
    const reason = `reg.exe failed (exit ${String(result.code)}): ${result.stderr.trim().slice(0, 200)}, so this key was ignored`;
    return { values: {}, problems: [{ origin: key, key: '*', reason }] };
  }
  return policyLayer(parseRegQuery(result.stdout, `${FULL_HIVE_NAMES[hive]}\\${WINDOWS_POLICY_PATH}`), key);
}

export async function readRegistryPolicy(regExe: string): Promise<Layer> {
  const [machine, user] = await Promise.all(WINDOWS_POLICY_HIVES.map((hive) => readHive(regExe, hive)));
  return mergeLayers(user ?? EMPTY_LAYER, machine ?? EMPTY_LAYER);
}
