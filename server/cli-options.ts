/** Options both commands share: where the database is. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseUnreachableError, openDatabase, type Db } from './database.ts';
import { describePostgresUrl, isPostgresUrl } from './postgres-connection.ts';

export const DEFAULT_DB_PATH = '.advocate-data/endpoint.sqlite';

/**
 * A postgres:// URL as given, or the SQLite file's absolute path (its folder created). From --db,
 * else ADVOCATE_DB, else DATABASE_URL, else the embedded default.
 */
export function databaseLocation(flag: string | undefined): string {
  const given = flag ?? process.env['ADVOCATE_DB'] ?? process.env['DATABASE_URL'] ?? DEFAULT_DB_PATH;
  if (isPostgresUrl(given)) return given;
  const path = resolve(given);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** For messages and logs: never the password. */
export const describeLocation = (location: string): string =>
  isPostgresUrl(location) ? describePostgresUrl(location) : location;

/**
 * Opens the database for a command, or ends the process with one line that says what is wrong
 * (no stack trace): `who` names the program, as in "Advocate endpoint: cannot reach …".
 */
export async function openDatabaseOrExit(location: string, who: string): Promise<Db> {
  try {
    return await openDatabase(location, {
      poolSize: wholeNumber('db-pool-size', undefined, 'ADVOCATE_DB_POOL_SIZE', 10, 1000),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const advice =
      error instanceof DatabaseUnreachableError ? ' Check --db / DATABASE_URL and that PostgreSQL is running.' : '';
    console.error(`${who}: ${reason}.${advice}`);
    process.exit(1);
  }
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

/**
 * What `read` makes of a flag's text (else its environment variable's, else ""), or exit 2 with one
 * line that names them and says what is wrong.
 */
export function readOption<T>(name: string, flag: string | undefined, envName: string, read: (text: string) => T): T {
  try {
    return read(flag ?? process.env[envName] ?? '');
  } catch (error) {
    console.error(`--${name} (or ${envName}): ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
