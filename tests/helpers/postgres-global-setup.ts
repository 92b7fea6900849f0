/**
 * A PostgreSQL server for the tests that run the endpoint on it, when a project that does is in the
 * run. ADVOCATE_TEST_DATABASE_URL (an admin URL whose role may create databases) names one; without it
 * a throwaway cluster is started here (tests/helpers/postgres-cluster.ts) and removed at the end. Each
 * test makes its own database on it (tests/helpers/test-database.ts); the run's end drops whatever this
 * run left. With no PostgreSQL the run stops at once, saying what to install: those tests are never
 * skipped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/database.ts';
import { findPostgresBinaries, startCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server; null when no project of this run tests on PostgreSQL. */
    postgresAdminUrl: string | null;
    /** Every database this run makes starts with it, so the run's end drops exactly its own. */
    postgresRunPrefix: string;
    /** Which database the endpoint helpers put the endpoint on, per vitest project. */
    databaseBackend: 'sqlite' | 'postgres';
  }
}

const HOW_TO_PROVIDE =
  'Install PostgreSQL (Debian and Ubuntu: apt-get install postgresql; the tests start a throwaway server from its binaries, as the postgres user when run as root), or set ADVOCATE_TEST_DATABASE_URL to an admin URL (postgres://user:pass@127.0.0.1:5432/postgres, a role that may create databases).';

async function answers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A database with the endpoint's schema already in place, which every test database is copied from:
 * copying it is much faster than running the migrations for each test.
 */
async function makeTemplate(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create database ${prefix}template`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${prefix}template`;
  const db = await openDatabase(target.href);
  await db.destroy();
}

/** Drops the databases this run made and left (those of endpoints restarted on one folder). */
async function dropRunDatabases(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * The admin URL of a server to test on, and what to do at the end; throws, saying what to install, when there is none.
 */
async function testServer(prefix: string): Promise<{ url: string; end: () => Promise<void> }> {
  const given = process.env['ADVOCATE_TEST_DATABASE_URL'];
  if (given) {
    const problem = await answers(given);
    if (problem !== null) throw new Error(`ADVOCATE_TEST_DATABASE_URL does not answer (${problem}). ${HOW_TO_PROVIDE}`);
    return { url: given, end: () => dropRunDatabases(given, prefix) };
  }
  const bin = findPostgresBinaries();
  if (bin === null) throw new Error(`No PostgreSQL to run the endpoint tests on. ${HOW_TO_PROVIDE}`);
  try {
    const cluster = await startCluster(bin);
    return { url: cluster.url, end: cluster.remove };
  } catch (error) {
    throw new Error(
      `A throwaway PostgreSQL from ${bin} did not start (${error instanceof Error ? error.message : String(error)}). ${HOW_TO_PROVIDE}`,
      { cause: error },
    );
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const prefix = `advocate_test_${randomBytes(4).toString('hex')}_`;
  project.provide('postgresRunPrefix', prefix);
  project.provide('postgresAdminUrl', null);
  const needed = project.vitest.projects.some((running) => running.config.provide['databaseBackend'] === 'postgres');
  if (!needed) return undefined;
  const server = await testServer(prefix).catch((error: unknown) => {
    // Vitest then says "No test files found": this line says why.
    console.error(
      `\nThe endpoint's PostgreSQL tests cannot run. ${error instanceof Error ? error.message : String(error)}\n`,
    );
    throw error;
  });
  await makeTemplate(server.url, prefix);
  project.provide('postgresAdminUrl', server.url);
  return server.end;
}
