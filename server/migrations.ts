/**
 * Schema migrations, applied in name order at start. Never change what a shipped one does to SQLite;
 * add the next. The same migrations build the PostgreSQL schema: what differs is in dialect.ts.
 */
import type { Kysely, Migration } from 'kysely';
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
  };
}
