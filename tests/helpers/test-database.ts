/**
 * The database a test's endpoint runs on: a SQLite file in the test's folder, or a PostgreSQL database
 * of its own on the test server (tests/helpers/postgres-global-setup.ts). The database's name comes
 * from the folder and this run, so an endpoint restarted on the same folder finds its data again, as
 * with a file, and parallel runs on one server never meet; `drop` removes it, and the run's end drops
 * any left. Which backend is the vitest project's choice (`databaseBackend`), or the caller's.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';

export type Backend = 'sqlite' | 'postgres';

export interface TestDatabase {
  readonly backend: Backend;
  /** What `--db` takes: a file path or a postgres:// URL. */
  readonly location: string;
  readonly drop: () => Promise<void>;
}

export const projectBackend = (): Backend => inject('databaseBackend');

/** The admin URL of the test server (the global setup stops the run, saying what to install, when it has none). */
export function postgresAdminUrl(): string {
  const url = inject('postgresAdminUrl');
  if (url === null)
    throw new Error('No PostgreSQL in this run: only the *-postgres projects start one (--project node-postgres).');
  return url;
}

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function testDatabaseFor(dir: string, backend: Backend = projectBackend()): Promise<TestDatabase> {
  if (backend === 'sqlite') return { backend, location: join(dir, 'endpoint.sqlite'), drop: () => Promise.resolve() };
  const prefix = inject('postgresRunPrefix');
  const name = `${prefix}${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`;
  await asAdmin(async (client) => {
    const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount === 0) await client.query(`create database ${name} template ${prefix}template`);
  });
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return {
    backend,
    location: url.href,
    drop: () => asAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export interface EventRow {
  readonly id: string;
  readonly type: string;
  readonly post_key: string;
  readonly network: string;
}

const EVENT_ROWS = 'select id, type, post_key, network from share_events order by id';

/** Rows of share_events read over a connection of their own, as a second process would see them. */
export async function readEventRows(location: string): Promise<EventRow[]> {
  if (!location.startsWith('postgres')) {
    const reader = new SQLite(location, { readonly: true });
    try {
      return reader.prepare(EVENT_ROWS).all() as EventRow[];
    } finally {
      reader.close();
    }
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    // "C": the order SQLite gives, whatever the server's collation.
    return (await client.query<EventRow>(`${EVENT_ROWS} collate "C"`)).rows;
  } finally {
    await client.end();
  }
}
