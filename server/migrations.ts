/**
 * Schema migrations, applied in name order at start. Never change what a shipped one does to SQLite;
 * add the next. The same migrations build the PostgreSQL schema: what differs is in dialect.ts.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { identityKey, type DialectName } from './dialect.ts';

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  const identity = identityKey(dialect);
  return {
    '0001-share-events': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('share_events')
          // The client's UUIDv7 is the key: a retried event hits it and is ignored, never counted twice.
          .addColumn('id', 'text', (column) => column.primaryKey().notNull())
          .addColumn('type', 'text', (column) => column.notNull())
          .addColumn('post_key', 'text', (column) => column.notNull())
          .addColumn('network', 'text', (column) => column.notNull())
          .addColumn('at', 'text', (column) => column.notNull())
          .addColumn('received_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('share_events_post_key').on('share_events').column('post_key').execute();
      },
    },
    /**
     * People, devices and enrollment; events carry the person their device token belongs to, and the
     * counts the summary reads are kept up to date as events arrive. Events from before enrollment
     * existed had no person: they are kept, renamed, and not counted.
     */
    '0002-organisation': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('share_events').renameTo('share_events_unattributed').execute();

        await db.schema
          .createTable('organisation')
          .addColumn('id', 'integer', (column) => column.primaryKey())
          .addColumn('admin_token_hash', 'text', (column) => column.notNull())
          .addColumn('anonymous_leaderboard', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('kits_version', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema
          .createTable('teams')
          .addColumn('id', 'integer', identity)
          .addColumn('name', 'text', (column) => column.notNull())
          // Lower-cased name: "Sales" and "sales " are one team.
          .addColumn('name_key', 'text', (column) => column.notNull().unique())
          .execute();
        await db.schema
          .createTable('people')
          .addColumn('id', 'integer', identity)
          .addColumn('display_name', 'text', (column) => column.notNull())
          .addColumn('team_id', 'integer', (column) => column.references('teams.id'))
          .addColumn('shares', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('clicks', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('people_by_shares').on('people').columns(['shares', 'id']).execute();
        await db.schema.createIndex('people_by_team').on('people').column('team_id').execute();
        await db.schema
          .createTable('enrollment_codes')
          .addColumn('id', 'integer', identity)
          .addColumn('code_hash', 'text', (column) => column.notNull().unique())
          .addColumn('team_id', 'integer', (column) => column.references('teams.id'))
          .addColumn('uses', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (column) => column.notNull())
          .addColumn('expires_at', 'text')
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('devices')
          .addColumn('id', 'integer', identity)
          .addColumn('person_id', 'integer', (column) => column.notNull().references('people.id'))
          .addColumn('enrollment_code_id', 'integer', (column) => column.references('enrollment_codes.id'))
          // Only the SHA-256 of the token: a copy of the database does not let anyone post as a device.
          .addColumn('token_hash', 'text', (column) => column.notNull().unique())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .addColumn('revoked_at', 'text')
          .execute();

        await db.schema
          .createTable('share_events')
          .addColumn('id', 'text', (column) => column.primaryKey().notNull())
          .addColumn('person_id', 'integer', (column) => column.notNull().references('people.id'))
          .addColumn('type', 'text', (column) => column.notNull())
          .addColumn('post_key', 'text', (column) => column.notNull())
          .addColumn('network', 'text', (column) => column.notNull())
          .addColumn('at', 'text', (column) => column.notNull())
          .addColumn('received_at', 'text', (column) => column.notNull())
          .execute();
        // Per person, post and network: the newest event decides whether it stands shared. No index beyond
        // the key: every one costs each share a B-tree write, and only rare dashboard reports would use it.
        await db.schema
          .createTable('share_states')
          .addColumn('person_id', 'integer', (column) => column.notNull())
          .addColumn('post_key', 'text', (column) => column.notNull())
          .addColumn('network', 'text', (column) => column.notNull())
          .addColumn('last_event_id', 'text', (column) => column.notNull())
          .addColumn('shared', 'integer', (column) => column.notNull())
          .addColumn('shared_at', 'text')
          .addPrimaryKeyConstraint('share_states_pk', ['person_id', 'post_key', 'network'])
          .execute();
        await db.schema
          .createTable('post_stats')
          .addColumn('post_key', 'text', (column) => column.primaryKey().notNull())
          .addColumn('shares', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('people', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('clicks', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('first_seen_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('post_stats_by_first_seen').on('post_stats').column('first_seen_at').execute();
        await db.schema
          .createTable('weekly_shares')
          .addColumn('week', 'text', (column) => column.notNull())
          // 0 for people without a team, so the key never holds a NULL.
          .addColumn('team_id', 'integer', (column) => column.notNull())
          .addColumn('shares', 'integer', (column) => column.notNull())
          .addPrimaryKeyConstraint('weekly_shares_pk', ['week', 'team_id'])
          .execute();

        await db.schema
          .createTable('tracked_links')
          .addColumn('code', 'text', (column) => column.primaryKey().notNull())
          .addColumn('person_id', 'integer', (column) => column.notNull().references('people.id'))
          .addColumn('post_key', 'text', (column) => column.notNull())
          .addColumn('network', 'text', (column) => column.notNull())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .addUniqueConstraint('tracked_links_one_per_share', ['person_id', 'post_key', 'network'])
          .execute();
        await db.schema
          .createTable('clicks')
          .addColumn('id', 'integer', identity)
          .addColumn('code', 'text', (column) => column.notNull())
          .addColumn('clicked_at', 'text', (column) => column.notNull())
          // A hash of IP and user agent with a salt kept for one day: counts unique visitors, stores no IP.
          .addColumn('visitor', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('clicks_by_code').on('clicks').column('code').execute();

        await db.schema
          .createTable('share_kits')
          .addColumn('post_key', 'text', (column) => column.primaryKey().notNull())
          .addColumn('pitch', 'text', (column) => column.notNull())
          .addColumn('messages', 'text', (column) => column.notNull())
          .addColumn('hashtags', 'text', (column) => column.notNull())
          .addColumn('image_url', 'text')
          .addColumn('updated_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('share_kits_by_update').on('share_kits').column('updated_at').execute();
        await db.schema
          .createTable('admin_sessions')
          .addColumn('id_hash', 'text', (column) => column.primaryKey().notNull())
          .addColumn('csrf_token', 'text', (column) => column.notNull())
          .addColumn('expires_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema
          .createTable('draws')
          .addColumn('id', 'integer', identity)
          .addColumn('drawn_at', 'text', (column) => column.notNull())
          .addColumn('from_day', 'text', (column) => column.notNull())
          .addColumn('to_day', 'text', (column) => column.notNull())
          .addColumn('seed', 'text', (column) => column.notNull())
          .addColumn('candidates', 'integer', (column) => column.notNull())
          .addColumn('candidates_digest', 'text', (column) => column.notNull())
          .addColumn('winner_person_id', 'integer', (column) => column.references('people.id'))
          .addColumn('winner_name', 'text')
          .execute();
      },
    },
    '0003-job-leases': {
      // Scheduled work (feed polls, sends) runs on one replica at a time: the one holding the job's lease.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('job_leases')
          .addColumn('job', 'text', (column) => column.primaryKey().notNull())
          .addColumn('holder', 'text', (column) => column.notNull())
          // Counts hand-overs: work done under an older generation than the stored one was done by a replica that lost
          // the lease.
          .addColumn('generation', 'integer', (column) => column.notNull())
          .addColumn('acquired_at', 'text', (column) => column.notNull())
          .addColumn('expires_at', 'text', (column) => column.notNull())
          .execute();
      },
    },
    '0004-visitor-salts': {
      // The day's salt for visitor hashes, shared by every replica; past days' salts are deleted.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('visitor_salts')
          .addColumn('day', 'text', (column) => column.primaryKey().notNull())
          .addColumn('salt', 'text', (column) => column.notNull())
          .execute();
      },
    },
    /**
     * Enrollment that holds: a code may carry a maximum number of uses, and fixes its team unless it
     * lets people choose; a device remembers the enrollment id its desktop made, so an enrollment
     * retried after a lost answer finds it again instead of making a second person. Codes from before
     * keep what they did: one without a team let people name theirs, so it still does; one with a team
     * now keeps its people in it.
     */
    '0005-enrollment-rules': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('enrollment_codes').addColumn('max_uses', 'integer').execute();
        await db.schema
          .alterTable('enrollment_codes')
          .addColumn('team_choice', 'integer', (column) => column.notNull().defaultTo(0))
          .execute();
        await sql`update enrollment_codes set team_choice = 1 where team_id is null`.execute(db);
        await db.schema.alterTable('devices').addColumn('enrollment_id', 'text').execute();
        await db.schema
          .createIndex('devices_by_enrollment_id')
          .unique()
          .on('devices')
          .column('enrollment_id')
          .execute();
      },
    },
    /**
     * People managed from the dashboard: deactivation, the last time a device was seen, the log of what
     * admins did, and the tracked links of a person merged into another (their codes are already out in
     * shared posts, so they keep working and count for the person kept).
     */
    '0006-people-admin': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('people').addColumn('deactivated_at', 'text').execute();
        await db.schema.alterTable('devices').addColumn('last_seen_at', 'text').execute();
        await db.schema
          .createTable('admin_actions')
          .addColumn('id', 'integer', identity)
          .addColumn('at', 'text', (column) => column.notNull())
          // "dashboard" or "command line": who did it, as far as the endpoint can tell.
          .addColumn('actor', 'text', (column) => column.notNull())
          .addColumn('action', 'text', (column) => column.notNull())
          // What it was done to, in words, as it was then (a merged person's row is gone afterwards).
          .addColumn('target', 'text', (column) => column.notNull())
          .addColumn('detail', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('admin_actions_by_time').on('admin_actions').column('at').execute();
        await db.schema
          .createTable('merged_links')
          .addColumn('code', 'text', (column) => column.primaryKey().notNull())
          // The kept person's link for the same post and network: clicks on `code` count as clicks on it.
          .addColumn('into_code', 'text', (column) => column.notNull().references('tracked_links.code'))
          .execute();
      },
    },
    /**
     * The organisation's feeds, polled by the endpoint (one replica at a time), and the posts read from
     * them. `posts.revision` is the `since` cursor of GET /v1/posts: every change to a post (or to its kit)
     * gives it the next number of the one row of `posts_version`, taken under that row's lock, so numbers
     * are committed in order and a reader never skips one. That number is also the answer's ETag.
     */
    '0007-feeds-posts': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('posts_version')
          .addColumn('id', 'integer', (column) => column.primaryKey())
          .addColumn('version', 'integer', (column) => column.notNull())
          .execute();
        await sql`insert into posts_version (id, version) values (1, 0)`.execute(db);
        await db.schema
          .createTable('feeds')
          .addColumn('id', 'integer', identity)
          // As added (after discovery): the identity desktops share with their own polls of it.
          .addColumn('url', 'text', (column) => column.notNull().unique())
          .addColumn('fetch_url', 'text', (column) => column.notNull())
          // The engine's FeedState as JSON: validators, schedule, seen items, the last items.
          .addColumn('state', 'text', (column) => column.notNull())
          .addColumn('title', 'text', (column) => column.notNull())
          .addColumn('checked_at', 'text')
          .addColumn('next_poll_at', 'text', (column) => column.notNull())
          .addColumn('last_error', 'text')
          .addColumn('item_count', 'integer', (column) => column.notNull().defaultTo(0))
          // Only the SHA-256 of the ping secret, like every other secret here.
          .addColumn('ping_secret_hash', 'text', (column) => column.notNull().unique())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('feeds_by_next_poll').on('feeds').column('next_poll_at').execute();
        await db.schema
          .createTable('posts')
          .addColumn('feed_id', 'integer', (column) => column.notNull().references('feeds.id'))
          // seenKey(item): a short hash of the item id, so the key stays small whatever the feed's ids.
          .addColumn('item_key', 'text', (column) => column.notNull())
          .addColumn('item_id', 'text', (column) => column.notNull())
          // The post key shares and kits are counted under.
          .addColumn('link', 'text', (column) => column.notNull())
          .addColumn('title', 'text', (column) => column.notNull())
          .addColumn('pitch', 'text', (column) => column.notNull())
          .addColumn('image_url', 'text')
          .addColumn('published_at', 'text')
          // JSON: network → message, and the list of hashtags without "#".
          .addColumn('messages', 'text', (column) => column.notNull())
          .addColumn('hashtags', 'text', (column) => column.notNull())
          .addColumn('first_seen_at', 'text', (column) => column.notNull())
          .addColumn('updated_at', 'text', (column) => column.notNull())
          .addColumn('revision', 'integer', (column) => column.notNull())
          .addPrimaryKeyConstraint('posts_pk', ['feed_id', 'item_key'])
          .execute();
        await db.schema.createIndex('posts_by_revision').on('posts').column('revision').execute();
        await db.schema.createIndex('posts_by_link').on('posts').column('link').execute();
      },
    },
    '0009-compliance': {
      // The organisation's block list, sent to desktops with the kits (a change bumps kits_version).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('block_list')
          // The term as it is compared (common/share/block-list.ts foldTerm): "Insider" and "ＩＮＳＩＤＥＲ" are one.
          .addColumn('term_key', 'text', (column) => column.primaryKey().notNull())
          .addColumn('term', 'text', (column) => column.notNull())
          .addColumn('level', 'text', (column) => column.notNull())
          .addColumn('updated_at', 'text', (column) => column.notNull())
          .execute();
        // Message texts for a compliance review, from desktops whose policy ArchiveToEndpoint is on.
        await db.schema
          .createTable('share_archive')
          .addColumn('id', 'text', (column) => column.primaryKey().notNull())
          .addColumn('person_id', 'integer', (column) => column.notNull().references('people.id'))
          .addColumn('post_key', 'text', (column) => column.notNull())
          .addColumn('network', 'text', (column) => column.notNull())
          .addColumn('shared_at', 'text', (column) => column.notNull())
          .addColumn('link', 'text', (column) => column.notNull())
          .addColumn('text', 'text', (column) => column.notNull())
          .addColumn('kit_version', 'text', (column) => column.notNull())
          .addColumn('received_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('share_archive_by_time').on('share_archive').column('shared_at').execute();
      },
    },
    '0010-websub': {
      async up(db: Kysely<unknown>) {
        // The hub and topic the feed's last good read advertised (WebSub), for the subscription job.
        await db.schema.alterTable('feeds').addColumn('websub_hub', 'text').execute();
        await db.schema.alterTable('feeds').addColumn('websub_topic', 'text').execute();
        await db.schema
          .createTable('websub_subscriptions')
          .addColumn('id', 'integer', identity)
          // The secret part of the callback address: the hub's requests name the subscription by it.
          .addColumn('callback_token', 'text', (column) => column.notNull().unique())
          // No foreign key: a removed feed's row stays until the hub confirms the unsubscription.
          .addColumn('feed_id', 'integer', (column) => column.unique())
          .addColumn('hub', 'text', (column) => column.notNull())
          .addColumn('topic', 'text', (column) => column.notNull())
          // The HMAC key itself, not a hash: every replica checks notifications' signatures with it.
          .addColumn('secret', 'text', (column) => column.notNull())
          .addColumn('state', 'text', (column) => column.notNull())
          // The mode asked for and not yet verified: only it gets its challenge echoed.
          .addColumn('pending_mode', 'text')
          .addColumn('expires_at', 'text')
          .addColumn('last_error', 'text')
          .addColumn('next_action_at', 'text', (column) => column.notNull())
          .addColumn('updated_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema
          .createIndex('websub_by_next_action')
          .on('websub_subscriptions')
          .column('next_action_at')
          .execute();
      },
    },
    '0011-channels': {
      // Slack, Teams and signed webhooks that get the organisation's new posts, and what was sent to each.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('channels')
          .addColumn('id', 'integer', identity)
          .addColumn('kind', 'text', (column) => column.notNull())
          .addColumn('name', 'text', (column) => column.notNull())
          .addColumn('url', 'text', (column) => column.notNull())
          // A webhook's signing key, kept as is: the endpoint must sign with it (shown to the admin once).
          .addColumn('secret', 'text')
          // JSON list of team names; empty: every post.
          .addColumn('teams', 'text', (column) => column.notNull())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .execute();
        // One row per channel and post, made when the endpoint first stores the post: sent exactly once.
        await db.schema
          .createTable('channel_deliveries')
          .addColumn('channel_id', 'integer', (column) => column.notNull().references('channels.id'))
          .addColumn('feed_id', 'integer', (column) => column.notNull())
          .addColumn('item_key', 'text', (column) => column.notNull())
          // pending, sending (claimed by a sender), sent, failed (stopped: the receiver refused it).
          .addColumn('state', 'text', (column) => column.notNull())
          .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
          .addColumn('next_attempt_at', 'text', (column) => column.notNull())
          // The sender lease's generation that claimed it: a claim of an older one was a dead replica's.
          .addColumn('claimed_generation', 'integer')
          .addColumn('last_answer', 'text')
          .addColumn('created_at', 'text', (column) => column.notNull())
          .addColumn('sent_at', 'text')
          .addPrimaryKeyConstraint('channel_deliveries_pk', ['channel_id', 'feed_id', 'item_key'])
          .execute();
        await db.schema
          .createIndex('channel_deliveries_due')
          .on('channel_deliveries')
          .columns(['state', 'next_attempt_at'])
          .execute();
      },
    },
    '0012-message-variants': {
      // A kit's wordings per network (JSON, null for kits from before: each message is variant 1), and the
      // variant a share started from (null from desktops before variants). `messages` keeps the first
      // wording, so replicas not yet upgraded read the kits as they always did.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('share_kits').addColumn('variants', 'text').execute();
        await db.schema.alterTable('share_events').addColumn('variant', 'integer').execute();
      },
    },
    '0016-page-shares': {
      // "Mark shared" on a post's share page by someone the endpoint cannot name (a link from a channel):
      // counted apart, as shares from the channels, never on anyone's results.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('page_shares')
          .addColumn('id', 'text', (column) => column.primaryKey().notNull())
          .addColumn('post_key', 'text', (column) => column.notNull())
          .addColumn('network', 'text', (column) => column.notNull())
          .addColumn('shared_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('page_shares_by_post').on('page_shares').column('post_key').execute();
      },
    },
    '0017-conversions': {
      // Leads: conversions landing pages report against a share code (POST /v1/conversions, a site key).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('site_keys')
          .addColumn('id', 'integer', identity)
          .addColumn('key_hash', 'text', (column) => column.notNull().unique())
          // JSON: the origins (scheme://host[:port]) whose pages may report with this key.
          .addColumn('origins', 'text', (column) => column.notNull())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('conversions')
          .addColumn('id', 'text', (column) => column.primaryKey().notNull())
          // The tracked link's code as reported; its person is looked up when counted, so merges follow.
          .addColumn('code', 'text', (column) => column.notNull())
          .addColumn('post_key', 'text', (column) => column.notNull())
          .addColumn('network', 'text', (column) => column.notNull())
          .addColumn('kind', 'text', (column) => column.notNull())
          .addColumn('value', 'real')
          .addColumn('site_key_id', 'integer', (column) => column.notNull().references('site_keys.id'))
          .addColumn('received_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('conversions_by_code').on('conversions').column('code').execute();
      },
    },
  };
}
