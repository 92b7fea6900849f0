/**
 * The JSON files IT can place on a machine: defaults.json (machine defaults, the person may change them)
 * and, on Linux, policy.json (locked). Same key names as the registry and macOS; see policy-keys.ts.
 */
import { readFile } from 'node:fs/promises';
import { EMPTY_LAYER, policyLayer, type Layer } from './layers.ts';

const MAX_FILE_BYTES = 256 * 1024;

const problemLayer = (origin: string, reason: string): Layer => ({
  values: {},
  problems: [{ origin, key: '*', reason: `${reason}, so the file was ignored` }],
});

export async function readJsonLayer(path: string): Promise<Layer> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_FILE_BYTES) return problemLayer(path, `is larger than ${String(MAX_FILE_BYTES / 1024)} KiB`);
    text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    // No file is the normal case: nothing preset.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_LAYER;
    return problemLayer(path, `could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return problemLayer(path, `is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return problemLayer(path, 'must hold one JSON object');
  return policyLayer(data as Record<string, unknown>, path);
}
