/**
 * A real endpoint on 127.0.0.1 with a real database (a SQLite file, or a PostgreSQL database of its
 * own in the postgres test projects), as the desktop and the preview talk to it, with what a test
 * needs to talk to it: the admin token, an enrollment code, and enrolled devices.
 */
import { afterEach, beforeEach } from 'vitest';
import { createEnrollmentCode } from '../../server/admin/enrollment-codes.ts';
import { ensureOrganisation, rotateAdminToken } from '../../server/admin/organisation.ts';
import { buildServer, type ServerOptions } from '../../server/app.ts';
import { openDatabase, type Db } from '../../server/database.ts';
import { TEST_POST_HOSTS } from './post-hosts.ts';
import { makeTempDir } from './temp-dir.ts';
import { readEventRows, testDatabaseFor, type EventRow } from './test-database.ts';

export interface TestEndpoint {
  readonly url: string;
  /** The folder it was started for: start another endpoint on it to play a restart. */
  readonly dir: string;
  /** Where the database is: a SQLite file or a postgres:// URL. */
  readonly location: string;
  readonly db: Db;
  readonly adminToken: string;
  /** A code that enrolls without a team and lets people name theirs, like the first one an endpoint makes. */
  readonly enrollmentCode: string;
  /** Enrolls a device and returns its token. */
  enroll(displayName?: string, team?: string): Promise<string>;
  /** Rows of share_events read over a connection of their own, as a second process would see them. */
  rows(): Promise<EventRow[]>;
  readonly close: () => Promise<void>;
  /** After close: removes a PostgreSQL database now rather than at the end of the run. */
  readonly dropDatabase: () => Promise<void>;
}

/**
 * Starts on a free port, or on `port` to play the same endpoint coming back after a restart. Its
 * database belongs to `dir` (a file in it, or a PostgreSQL database named after it): a second start
 * on the same folder finds the first one's data. Its organisation's sites are TEST_POST_HOSTS unless
 * `options.postHosts` says otherwise.
 */
export async function startEndpoint(
  dir: string,
  port = 0,
  options: Omit<ServerOptions, 'db'> = {},
): Promise<TestEndpoint> {
  const { location, drop } = await testDatabaseFor(dir);
  const db = await openDatabase(location);
  const first = await ensureOrganisation(db);
  // On a restart the first secrets are gone (only hashes are kept): make new ones, as an admin would.
  const adminToken = first?.adminToken ?? (await rotateAdminToken(db));
  const enrollmentCode =
    first?.enrollmentCode ?? (await createEnrollmentCode(db, { team: null, expiresAt: null, teamChoice: true })).code;
  const app = await buildServer({ db, postHosts: TEST_POST_HOSTS, ...options });
  const address = await app.listen({ port, host: '127.0.0.1' });
  const url = `${address}/`;
  return {
    url,
    dir,
    location,
    db,
    adminToken,
    enrollmentCode,
    async enroll(displayName = 'Test person', team) {
      const response = await fetch(new URL('v1/enroll', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: enrollmentCode, displayName, ...(team === undefined ? {} : { team }) }),
      });
      if (!response.ok) throw new Error(`enroll answered ${String(response.status)}: ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    rows: () => readEventRows(location),
    async close() {
      await app.close();
      await db.destroy();
    },
    dropDatabase: drop,
  };
}

/**
 * A fresh endpoint (and database folder) for every test of the calling file. The returned object
 * stands for whichever endpoint the running test has, so tests read `endpoint.url` as usual.
 */
export function freshEndpointPerTest(options: Omit<ServerOptions, 'db'> = {}): TestEndpoint {
  let current: TestEndpoint | null = null;
  let removeDir: (() => Promise<void>) | null = null;
  beforeEach(async () => {
    const dir = await makeTempDir();
    removeDir = dir.remove;
    current = await startEndpoint(dir.path, 0, options);
  });
  afterEach(async () => {
    await current?.close();
    await current?.dropDatabase();
    await removeDir?.();
    current = null;
  });
  return new Proxy({} as TestEndpoint, {
    get(_target, key) {
      if (!current) throw new Error('the endpoint exists only while a test runs');
      return Reflect.get(current, key) as unknown;
    },
  });
}

/**
 * For tests that each start an endpoint with options of their own: `start(options)` inside a test; every
 * endpoint started is closed, and its folder and database removed, after that test.
 */
export function endpointsPerTest(): (options?: Omit<ServerOptions, 'db'>) => Promise<TestEndpoint> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async (options = {}) => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const endpoint = await startEndpoint(dir.path, 0, options);
    cleanups.push(endpoint.close, endpoint.dropDatabase);
    return endpoint;
  };
}
