/**
 * The endpoint's storage: Kysely over SQLite (better-sqlite3) by default. Every query goes through
 * Kysely so a PostgreSQL dialect can replace this file without touching the routes.
 */
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from './migrations.ts';

export interface ShareEventsTable {
  id: string;
  type: 'shared' | 'unshared';
  post_key: string;
  network: string;
  at: string;
  received_at: string;
}

export interface Database {
  share_events: ShareEventsTable;
}

export type Db = Kysely<Database>;

export async function openDatabase(path: string): Promise<Db> {
  const sqlite = new SQLite(path);
  // WAL for concurrent readers; FULL so an acknowledged event survives a power cut, not just a crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined || failed) {
    await db.destroy();
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}
