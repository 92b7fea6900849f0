/**
 * Every test layer of docs/architecture.md, as vitest projects. `npm test` builds first: the preload
 * bundle test and the end-to-end test exercise the built output, not the sources. The endpoint's tests
 * run twice: on SQLite, and in the *-postgres projects on PostgreSQL (a server from
 * ADVOCATE_TEST_DATABASE_URL, else a throwaway one: tests/helpers/postgres-global-setup.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { mainDefines } from './vite.config.ts';

const electronFake = fileURLToPath(new URL('tests/mocks/electron.ts', import.meta.url));
// electron-store imports 'electron' itself; inlining lets the alias reach it.
const electronFakeDeps = { server: { deps: { inline: ['electron-store'] } } };
const onSqlite = { provide: { databaseBackend: 'sqlite' as const } };
const onPostgres = { provide: { databaseBackend: 'postgres' as const } };
// What talks to the endpoint: its own tests, and the desktop's sync against it.
const endpointTests = ['tests/server/**/*.test.ts', 'tests/main/sync/**/*.test.ts', 'tests/main/app-core.test.ts'];
const e2e = {
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // One Chromium at a time: these machines have two cores.
  fileParallelism: false,
} as const;

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/postgres-global-setup.ts'],
    projects: [
      {
        // Core, adapters (through the Electron fake), preload, server: plain Node.
        resolve: { alias: { electron: electronFake } },
        define: mainDefines(),
        test: {
          name: 'node',
          include: ['tests/{common,feeds,main,preload,server}/**/*.test.ts'],
          // Replicas and outages: only PostgreSQL has them.
          exclude: ['**/*.postgres.test.ts'],
          environment: 'node',
          // Tests wait for conditions, never for clocks; the limit only stops a hung test. Two endpoints and a
          // desktop on two busy cores take longer than vitest's default 5 s.
          testTimeout: 30_000,
          ...electronFakeDeps,
          ...onSqlite,
        },
      },
      {
        resolve: { alias: { electron: electronFake } },
        define: mainDefines(),
        test: {
          name: 'node-postgres',
          include: endpointTests,
          // Pure logic with no endpoint, which the sqlite run covers, and what only SQLite files have (upgrades).
          exclude: [
            'tests/server/share-ledger.test.ts',
            'tests/server/merge-ledger.test.ts',
            'tests/server/organisation-hosts.test.ts',
            '**/*.sqlite.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
          ...electronFakeDeps,
          ...onPostgres,
        },
      },
      {
        // electron-builder.yml, the MSI hook, and a real `--dir` build whose main bundle boots on the fake.
        resolve: { alias: { electron: electronFake } },
        test: {
          name: 'packaging',
          include: ['tests/packaging/**/*.test.ts'],
          environment: 'node',
          ...electronFakeDeps,
          hookTimeout: 120_000,
          testTimeout: 30_000,
        },
      },
      {
        // The app on the real Electron binary (release CI); skipped, saying why, where it is not installed.
        test: {
          name: 'electron',
          include: ['tests/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
      {
        // Every benchmark in its smoke mode (one of them drives Chromium), and how a failing one ends.
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], ...e2e, ...onSqlite },
      },
      {
        // The main flows through the window and the dashboard, with the endpoint on PostgreSQL.
        test: {
          name: 'e2e-postgres',
          include: ['tests/e2e/preview.test.ts', 'tests/e2e/dashboard.test.ts', 'tests/e2e/dashboard-people.test.ts'],
          ...e2e,
          ...onPostgres,
        },
      },
    ],
  },
});
