/**
 * A throwaway PostgreSQL cluster in a temp folder on a free local port, from the machine's own
 * binaries (Debian's /usr/lib/postgresql/<major>/bin, newest first, else initdb on the PATH).
 * PostgreSQL refuses to run as root: as root it runs as the `postgres` user the package made (else
 * `nobody`), who owns the folder. It can be stopped and started again on the same port, to play a
 * database that goes away and comes back.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The folder holding initdb and pg_ctl: the newest Debian PostgreSQL, else the first on the PATH; null if none. */
export function findPostgresBinaries(): string | null {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const majors = readdirSync(debian)
      .filter((name) => existsSync(join(debian, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0] !== undefined) return join(debian, majors[0], 'bin');
  }
  const onPath = (process.env['PATH'] ?? '').split(delimiter).find((dir) => dir && existsSync(join(dir, 'initdb')));
  return onPath ?? null;
}

/** Who runs the server when we are root: PostgreSQL's own account where the package made one. */
async function unprivilegedUser(): Promise<{ name: string; uid: number }> {
  for (const name of ['postgres', 'nobody']) {
    const uid = await run('id', ['-u', name]).then(
      ({ stdout }) => Number(stdout.trim()),
      () => null,
    );
    if (uid !== null) return { name, uid };
  }
  throw new Error('running as root, and neither a postgres nor a nobody account exists to run PostgreSQL as');
}

/** A port free on 127.0.0.1 right now (for a server whose address must be known before it starts). */
export function freePort(): Promise<number> {
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
  const user = process.getuid?.() === 0 ? await unprivilegedUser() : null;
  const as = (command: string, args: string[]) =>
    user ? run('runuser', ['-u', user.name, '--', command, ...args]) : run(command, args);
  if (user) await chown(dir, user.uid, 0);
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
