/**
 * The endpoint's storage: Kysely over an embedded SQLite file (better-sqlite3) by default, or over
 * PostgreSQL when the location is a postgres:// URL. One set of tables and queries for both; what
 * differs lives in dialect.ts.
 */
import { Kysely, Migrator, sql, type Dialect, type Generated } from 'kysely';
import type { Network, ShareEventType } from '../common/domain.ts';
import type { BlockLevel } from '../common/share/block-list.ts';
import { dialectOf } from './dialect.ts';
import { migrationsFor } from './migrations.ts';
import {
  isPostgresUrl,
  postgresDialect,
  postgresPool,
  unreachableReason,
  type PostgresOptions,
} from './postgres-connection.ts';
import { sqliteDialect } from './sqlite-connection.ts';

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
  /** Set while deactivated: the person's devices are refused, their shares stay counted. */
  deactivated_at: string | null;
}

export interface EnrollmentCodesTable {
  id: Generated<number>;
  code_hash: string;
  team_id: number | null;
  uses: Generated<number>;
  /** Null for no limit. */
  max_uses: number | null;
  /** 1 when people may name their own team (the code's team, if any, is then only the default). */
  team_choice: number;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface DevicesTable {
  id: Generated<number>;
  person_id: number;
  enrollment_code_id: number | null;
  token_hash: string;
  /** The UUIDv7 the desktop made for this enrollment (null from desktops before 0005): a retry finds the device by it. */
  enrollment_id: string | null;
  created_at: string;
  revoked_at: string | null;
  /** Updated at most once an hour, so a busy device does not write on every call. */
  last_seen_at: string | null;
}

export interface ShareEventsTable {
  id: string;
  person_id: number;
  type: ShareEventType;
  post_key: string;
  network: Network;
  at: string;
  received_at: string;
  /** The kit's message variant the share started from; null from desktops before variants. */
  variant: number | null;
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
  /** JSON: network → its variants (KitVariantsSchema); null for kits saved before variants. */
  variants: string | null;
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

export interface JobLeasesTable {
  job: string;
  holder: string;
  generation: number;
  acquired_at: string;
  expires_at: string;
}

export interface VisitorSaltsTable {
  /** YYYY-MM-DD in UTC. */
  day: string;
  salt: string;
}

export interface AdminActionsTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
}

export interface MergedLinksTable {
  code: string;
  into_code: string;
}

/** One row: goes up with every change GET /v1/posts can see (the posts' revisions, its ETag). */
export interface PostsVersionTable {
  id: number;
  version: number;
}

export interface FeedsTable {
  id: Generated<number>;
  url: string;
  fetch_url: string;
  /** JSON: the engine's FeedState. */
  state: string;
  title: string;
  checked_at: string | null;
  next_poll_at: string;
  last_error: string | null;
  item_count: Generated<number>;
  ping_secret_hash: string;
  created_at: string;
  websub_hub: Generated<string | null>;
  websub_topic: Generated<string | null>;
}

/** What a subscription is doing: see server/websub/subscriptions.ts. */
export type WebSubState = 'new' | 'requested' | 'subscribed' | 'refused' | 'removing' | 'unsubscribe-sent';

export interface WebSubSubscriptionsTable {
  id: Generated<number>;
  callback_token: string;
  feed_id: number | null;
  hub: string;
  topic: string;
  secret: string;
  state: WebSubState;
  pending_mode: 'subscribe' | 'unsubscribe' | null;
  expires_at: string | null;
  last_error: string | null;
  next_action_at: string;
  updated_at: string;
}

export interface PostsTable {
  feed_id: number;
  item_key: string;
  item_id: string;
  link: string;
  title: string;
  pitch: string;
  image_url: string | null;
  published_at: string | null;
  /** JSON: network → message. */
  messages: string;
  /** JSON: list of hashtags without "#". */
  hashtags: string;
  first_seen_at: string;
  updated_at: string;
  revision: number;
}

export interface BlockListTable {
  /** The folded term (common/share/block-list.ts `foldTerm`): one row per term whatever its spelling. */
  term_key: string;
  term: string;
  level: BlockLevel;
  updated_at: string;
}

export interface ShareArchiveTable {
  /** The share event's id. */
  id: string;
  person_id: number;
  post_key: string;
  network: Network;
  shared_at: string;
  link: string;
  text: string;
  kit_version: string;
  received_at: string;
}

export type ChannelKind = 'slack' | 'teams' | 'webhook';

export interface ChannelsTable {
  id: Generated<number>;
  kind: ChannelKind;
  name: string;
  url: string;
  /** A webhook's signing key (null for Slack and Teams). */
  secret: string | null;
  /** JSON: the team names the channel is for; empty for every post. */
  teams: string;
  created_at: string;
}

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed';

export interface ChannelDeliveriesTable {
  channel_id: number;
  feed_id: number;
  item_key: string;
  state: DeliveryState;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_generation: number | null;
  /** What the receiver answered last time, in words. */
  last_answer: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface PageSharesTable {
  id: string;
  post_key: string;
  network: string;
  shared_at: string;
}

export interface SiteKeysTable {
  id: Generated<number>;
  key_hash: string;
  origins: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ConversionsTable {
  id: string;
  code: string;
  post_key: string;
  network: string;
  kind: string;
  value: number | null;
  site_key_id: number;
  received_at: string;
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
  job_leases: JobLeasesTable;
  visitor_salts: VisitorSaltsTable;
  admin_actions: AdminActionsTable;
  merged_links: MergedLinksTable;
  posts_version: PostsVersionTable;
  feeds: FeedsTable;
  posts: PostsTable;
  block_list: BlockListTable;
  share_archive: ShareArchiveTable;
  channels: ChannelsTable;
  channel_deliveries: ChannelDeliveriesTable;
  websub_subscriptions: WebSubSubscriptionsTable;
  page_shares: PageSharesTable;
  site_keys: SiteKeysTable;
  conversions: ConversionsTable;
}

export type Db = Kysely<Database>;

/** What count() and sum() give back: numbers from SQLite, strings from PostgreSQL; read it with Number(). */
export type DbNumber = number | bigint | string;

/** The database could not be opened or reached; the message says where and why, in words. */
export class DatabaseOpenError extends Error {}
/** No PostgreSQL answered at the address given. */
export class DatabaseUnreachableError extends DatabaseOpenError {}

async function migrate(db: Db): Promise<void> {
  const { error, results } = await new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrationsFor(dialectOf(db))) },
  }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined || failed)
    throw new DatabaseOpenError(
      `cannot bring the database tables up to date${failed ? ` (step ${failed.migrationName})` : ''}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
}

/** Opens (creating if need be) and migrates the database at `location`: a file path or a postgres:// URL. */
export async function openDatabase(location: string, options: PostgresOptions = {}): Promise<Db> {
  let dialect: Dialect;
  if (isPostgresUrl(location)) {
    const pool = postgresPool(location, options);
    try {
      (await pool.connect()).release();
    } catch (error) {
      await pool.end();
      throw new DatabaseUnreachableError(unreachableReason(location, error), { cause: error });
    }
    dialect = postgresDialect(pool);
  } else {
    try {
      dialect = sqliteDialect(location);
    } catch (error) {
      throw new DatabaseOpenError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }
  const db = new Kysely<Database>({ dialect });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/** True when the database answers a trivial query: what /healthz reports. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
