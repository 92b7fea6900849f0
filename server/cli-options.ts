/** Options both commands share: where the database is. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const DEFAULT_DB_PATH = '.advocate-data/endpoint.sqlite';

export function databasePath(flag: string | undefined): string {
  const path = resolve(flag ?? process.env['ADVOCATE_DB'] ?? DEFAULT_DB_PATH);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** A whole number from the flag or the environment, or exit 2 naming the flag. */
export function wholeNumber(
  name: string,
  flag: string | undefined,
  envName: string,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = flag ?? process.env[envName];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    console.error(`--${name} (or ${envName}) must be a whole number from 0 to ${String(max)}, got ${String(raw)}`);
    process.exit(2);
  }
  return value;
}
