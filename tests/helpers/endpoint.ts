/** A real endpoint on 127.0.0.1 with a real SQLite file, as the desktop and the preview talk to it. */
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { buildServer } from '../../server/app.ts';
import { openDatabase } from '../../server/database.ts';

export interface TestEndpoint {
  readonly url: string;
  readonly dbPath: string;
  /** Rows of share_events read straight from the file, as a second process would see them. */
  rows(): { id: string; type: string; post_key: string; network: string }[];
  readonly close: () => Promise<void>;
}

/** Starts on a free port, or on `port` to play the same endpoint coming back after a restart. */
export async function startEndpoint(dir: string, port = 0): Promise<TestEndpoint> {
  const dbPath = join(dir, 'endpoint.sqlite');
  const db = await openDatabase(dbPath);
  const app = await buildServer({ db });
  const address = await app.listen({ port, host: '127.0.0.1' });
  return {
    url: `${address}/`,
    dbPath,
    rows() {
      const reader = new SQLite(dbPath, { readonly: true });
      try {
        return reader.prepare('select id, type, post_key, network from share_events order by id').all() as ReturnType<TestEndpoint['rows']>;
      } finally {
        reader.close();
      }
    },
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}
