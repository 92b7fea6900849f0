/** Schema migrations, applied in name order at start. Never edit a shipped one; add the next. */
import type { Kysely, Migration } from 'kysely';

export const migrations: Record<string, Migration> = {
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
};
