/**
 * Every test layer of docs/architecture.md, as vitest projects. `npm test` builds first: the preload
 * bundle test and the end-to-end test exercise the built output, not the sources.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { mainDefines } from './vite.config.ts';

const electronFake = fileURLToPath(new URL('tests/mocks/electron.ts', import.meta.url));
// electron-store imports 'electron' itself; inlining lets the alias reach it.
const electronFakeDeps = { server: { deps: { inline: ['electron-store'] } } };

export default defineConfig({
  test: {
    projects: [
      {
        // Core, adapters (through the Electron fake), preload, server: plain Node.
        resolve: { alias: { electron: electronFake } },
        define: mainDefines(),
        test: {
          name: 'node',
          include: ['tests/{common,feeds,main,preload,server}/**/*.test.ts'],
          environment: 'node',
          ...electronFakeDeps,
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
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
