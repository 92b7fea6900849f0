/**
 * The endpoint's storage: Kysely over SQLite (better-sqlite3) by default. Every query goes through
 * Kysely so a PostgreSQL dialect can replace this file without touching the routes.
 */
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Generated, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Network, ShareEventType } from '../common/domain.ts';
import { migrations } from './migrations.ts';

export interface OrganisationTable {
  id: number;
  admin_token_hash: string;
  anonymous_leaderboard: number;
  kits_version: Generated<number>;
  created_at: string;
}

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  name_key: string;
}

export interface PeopleTable {
  id: Generated<number>;
  display_name: string;
  team_id: number | null;
  shares: Generated<number>;
  clicks: Generated<number>;
  created_at: string;
}

export interface EnrollmentCodesTable {
  id: Generated<number>;
  code_hash: string;
  team_id: number | null;
  uses: Generated<number>;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface DevicesTable {
  id: Generated<number>;
  person_id: number;
  enrollment_code_id: number | null;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ShareEventsTable {
  id: string;
  person_id: number;
  type: ShareEventType;
  post_key: string;
  network: Network;
  at: string;
  received_at: string;
}

export interface ShareStatesTable {
  person_id: number;
  post_key: string;
  network: Network;
  last_event_id: string;
  /** 1 when the newest event is a share, 0 when it is a take-back. */
  shared: number;
  /** The newest event's time when it is a share. */
  shared_at: string | null;
}

export interface PostStatsTable {
  post_key: string;
  shares: number;
  people: number;
  clicks: number;
  first_seen_at: string;
}

export interface WeeklySharesTable {
  week: string;
  team_id: number;
  shares: number;
}

export interface TrackedLinksTable {
  code: string;
  person_id: number;
  post_key: string;
  network: Network;
  created_at: string;
}

export interface ClicksTable {
  id: Generated<number>;
  code: string;
  clicked_at: string;
  visitor: string;
}

export interface ShareKitsTable {
  post_key: string;
  pitch: string;
  /** JSON: network → message. */
  messages: string;
  /** JSON: list of hashtags without "#". */
  hashtags: string;
  image_url: string | null;
  updated_at: string;
}

export interface AdminSessionsTable {
  id_hash: string;
  csrf_token: string;
  expires_at: string;
}

export interface DrawsTable {
  id: Generated<number>;
  drawn_at: string;
  from_day: string;
  to_day: string;
  seed: string;
  candidates: number;
  candidates_digest: string;
  winner_person_id: number | null;
  winner_name: string | null;
}

export interface Database {
  organisation: OrganisationTable;
  teams: TeamsTable;
  people: PeopleTable;
  enrollment_codes: EnrollmentCodesTable;
  devices: DevicesTable;
  share_events: ShareEventsTable;
  share_states: ShareStatesTable;
  post_stats: PostStatsTable;
  weekly_shares: WeeklySharesTable;
  tracked_links: TrackedLinksTable;
  clicks: ClicksTable;
  share_kits: ShareKitsTable;
  admin_sessions: AdminSessionsTable;
  draws: DrawsTable;
}

export type Db = Kysely<Database>;

/** What count() and sum() give back: numbers from SQLite, strings from PostgreSQL; read it with Number(). */
export type DbNumber = number | bigint | string;

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite driver prepares every query afresh; preparing costs more than running a small
 * statement, so the compiled SQL text keys a small least-recently-used cache of prepared statements.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const cached = cache.get(text);
      if (cached) {
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
      return statement;
    },
  };
}

export async function openDatabase(path: string): Promise<Db> {
  const sqlite = new SQLite(path);
  // WAL for concurrent readers; FULL so an acknowledged event survives a power cut, not just a crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const { error, results } = await new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined || failed) {
    await db.destroy();
    throw new Error(
      `database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return db;
}
