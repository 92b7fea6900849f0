/**
 * Everything that differs between SQLite and PostgreSQL, in one place; every other query is written
 * once, in Kysely's common subset (insert … on conflict, returning, row values). What differs:
 * identity columns, row locks, the database's clock, sequences after a copy, and which errors mean
 * "the database is out of reach" or "try the transaction again".
 */
import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type QueryExecutorProvider,
  type RawBuilder,
} from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Works on a Kysely instance and on a transaction, whichever schema type it has. */
export function dialectOf(db: QueryExecutorProvider): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * A whole-number key the database numbers: SQLite's `integer primary key autoincrement` (as shipped
 * since the first release), PostgreSQL's identity column. "By default" so a copy can keep its ids.
 */
export function identityKey(dialect: DialectName) {
  return (column: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'postgres' ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey().autoIncrement();
}

/**
 * Locks rows of `table` with these ids until the transaction ends, in id order so two writers never
 * wait on each other crosswise. SQLite needs none: one connection per process writes, and a write
 * transaction holds the whole file.
 */
export async function lockRows(trx: QueryExecutorProvider, table: string, ids: readonly number[]): Promise<void> {
  if (dialectOf(trx) === 'sqlite' || ids.length === 0) return;
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  await sql`select id from ${sql.table(table)} where id in (${sql.join(sorted)}) order by id for update`.execute(trx);
}

/** The order every writer takes rows in (code units, whatever the database's collation). */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The database's own time plus `seconds`, as ISO 8601 text in UTC with milliseconds, the form the
 * endpoint stores every time in (`Date.toISOString()`): replicas with skewed clocks still agree.
 */
export function databaseTime(dialect: DialectName, seconds = 0): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char((clock_timestamp() + make_interval(secs => ${seconds})) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`${String(seconds)} seconds`})`;
}

/** After rows were copied with their ids: PostgreSQL's identity sequences continue past the largest. */
export async function advanceIdentity(db: QueryExecutorProvider, table: string): Promise<void> {
  if (dialectOf(db) === 'sqlite') return; // SQLite numbers from the largest id in the table itself
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
    db,
  );
}

interface ErrorFields {
  readonly code?: unknown;
  readonly errors?: unknown;
  readonly message?: unknown;
}

/** Connection-level codes: the server is not there, not reachable, or going away. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
/** PostgreSQL SQLSTATEs that say the server, not the query, is the problem. */
const UNAVAILABLE_STATES = /^(08|57P0[1-3]|53300)/;
const LOST_CONNECTION =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

/** True when an error means the database is out of reach for now (answer 503), not that a query is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, errors, message } = error as ErrorFields;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
  // SQLite: another process holds the file for longer than busy_timeout.
  if (code === 'SQLITE_BUSY') return true;
  if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
  return typeof message === 'string' && LOST_CONNECTION.test(message);
}

/** A deadlock or serialization failure: PostgreSQL rolled the transaction back, and it may simply be run again. */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = (error as ErrorFields | null)?.code;
  return code === '40P01' || code === '40001';
}

/** A unique index refused the row: another transaction inserted the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as ErrorFields | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
