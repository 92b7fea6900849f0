/**
 * Endpoint replicas as operators run them: `server/cli.ts` processes on one PostgreSQL database,
 * each on its own port, with enrolled devices to talk to them.
 */
import { enroll } from '../../server/admin/enroll.ts';
import { ensureOrganisation } from '../../server/admin/organisation.ts';
import { openDatabase, type Db } from '../../server/database.ts';
import { TEST_POST_HOSTS_ENV } from './post-hosts.ts';
import { startTsx, type RunningCommand } from './spawn-command.ts';

export const UNLIMITED = { ADVOCATE_RATE_PER_IP: '100000000', ADVOCATE_RATE_PER_DEVICE: '100000000' };

export interface Replica {
  readonly url: string;
  /** Its holder id in job_leases. */
  readonly id: string;
  readonly process: RunningCommand;
  /**
   * What its log says about a job's lease, in order: each time it started (with the generation) or stopped holding it.
   */
  leaseChanges(job: string): LeaseChange[];
}

export async function startReplica(location: string, env: NodeJS.ProcessEnv = {}): Promise<Replica> {
  const process = await startTsx(
    'server/cli.ts',
    ['--port', '0', '--db', location],
    /Advocate endpoint: (\S+) \(database .*\)/,
    60_000,
    { ...UNLIMITED, ...TEST_POST_HOSTS_ENV, ...env },
  );
  const id = /replica (\S+)\)/.exec(process.output())?.[1];
  if (id === undefined) throw new Error(`no replica id in:\n${process.output()}`);
  return { url: process.captured, id, process, leaseChanges: (job) => leaseChangesIn(process.output(), job) };
}

export interface LeaseChange {
  readonly held: boolean;
  readonly generation?: number;
}

function leaseChangesIn(output: string, job: string): LeaseChange[] {
  const changes: LeaseChange[] = [];
  // The last piece may be a line still being written.
  for (const line of output.split('\n').slice(0, -1)) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; job?: string; held?: boolean; generation?: number };
    if (entry.msg !== 'job lease' || entry.job !== job || typeof entry.held !== 'boolean') continue;
    changes.push(
      entry.generation === undefined ? { held: entry.held } : { held: entry.held, generation: entry.generation },
    );
  }
  return changes;
}

export interface Person {
  readonly displayName: string;
  readonly team: string;
}

/** An organisation with one enrolled device per person; returns the database (for checks) and the device tokens. */
export async function organisationWithDevices(
  location: string,
  people: readonly Person[],
): Promise<{ db: Db; tokens: string[] }> {
  const db = await openDatabase(location);
  const first = await ensureOrganisation(db);
  const tokens: string[] = [];
  for (const person of people) {
    const enrolled = await enroll(db, { code: first?.enrollmentCode ?? '', ...person });
    if (!enrolled.ok) throw new Error(enrolled.reason);
    tokens.push(enrolled.answer.token);
  }
  return { db, tokens };
}
