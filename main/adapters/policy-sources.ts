/**
 * Reads what IT preset on this machine: the machine defaults file on every platform, and the policy of
 * the platform: the registry on Windows, managed preferences on macOS, /etc/advocate/policy.json on Linux.
 */
import { systemPreferences } from 'electron';
import { readJsonLayer } from '../settings/json-policy.ts';
import { EMPTY_LAYER, policyLayer, type Layer } from '../settings/layers.ts';
import { POLICY_KEYS } from '../settings/policy-keys.ts';
import type { PresetLayers } from '../settings/preset-watch.ts';
import { policyLocations } from '../settings/policy-paths.ts';
import { readRegistryPolicy } from '../settings/registry-policy.ts';

export const MACOS_POLICY_ORIGIN = 'macOS managed preferences';

/**
 * macOS: an MDM profile for the app's bundle id appears in its NSUserDefaults. Scalars are read as strings
 * because only a string read tells "absent" ('') from false or 0; lists may be an array or one string.
 */
export function readMacPolicy(): Layer {
  const raw: Record<string, unknown> = {};
  for (const key of POLICY_KEYS) {
    const text = systemPreferences.getUserDefault(key.name, 'string');
    if (text !== '') {
      raw[key.name] = text;
      continue;
    }
    if (key.registryType === 'REG_MULTI_SZ') {
      const list = systemPreferences.getUserDefault(key.name, 'array');
      if (list.length > 0) raw[key.name] = list;
    }
  }
  return policyLayer(raw, MACOS_POLICY_ORIGIN);
}

export async function readPresetLayers(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): Promise<PresetLayers> {
  const where = policyLocations(platform, env);
  const machine = readJsonLayer(where.machineDefaultsFile);
  let policy: Promise<Layer> | Layer = EMPTY_LAYER;
  if (where.regExe) policy = readRegistryPolicy(where.regExe);
  else if (platform === 'darwin') policy = readMacPolicy();
  else if (where.policyFile) policy = readJsonLayer(where.policyFile);
  return { machine: await machine, policy: await policy };
}
