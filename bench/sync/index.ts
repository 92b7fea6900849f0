/**
 * The outbox's flush: 10,000 queued shares to a local endpoint, goal ≤ 5 s with zero duplicates.
 *   ours:   the desktop's EndpointSync over a ShareJournal holding 10,000 pending events: batches,
 *           each verdict fsynced to the journal, then the summary and kits pulled (what a flush does);
 *   anchor: a bare loop POSTing the same 100 batches of 100 with fetch, reading each answer, nothing else.
 * The endpoint is server/cli.ts as deployed (its own process, synchronous=FULL, default rate limits),
 * a fresh database for every measurement. Three rounds, alternating who goes first; medians reported.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { NETWORKS, type ShareEvent } from '../../common/domain.ts';
import { MAX_EVENTS_PER_BATCH, type EventResults } from '../../common/protocol.ts';
import { uuidv7 } from '../../common/uuid.ts';
import { assumeOnline, systemClock, type HttpFetch, type Logger } from '../../main/core/ports.ts';
import { openEndpointSync } from '../../main/sync/endpoint-sync.ts';
import { ShareJournal } from '../../main/sync/share-journal.ts';
import { memoryTokenStore } from '../../main/sync/token-stand-ins.ts';
import { openDatabase } from '../../server/database.ts';
import { seed } from '../server/seed.ts';
import { killServers, startServerProcess, type ServerProcess } from '../server/processes.ts';
import { plural } from '../../common/plural.ts';
import { bySize, goal, runBenchmark, stepTo } from '../harness.ts';

const EVENTS = bySize(10_000, 2 * MAX_EVENTS_PER_BATCH);
const ROUNDS = bySize(3, 1);
const work = mkdtempSync(join(tmpdir(), 'advocate-bench-sync-'));
const quiet: Logger = {
  info: () => undefined,
  warn: (message, details) => console.warn(message, details ?? ''),
  error: (message, details) => console.error(message, details ?? ''),
};

/** EVENTS distinct shares (10,000: 1,250 posts on each of the 8 networks), a second apart. */
function queuedEvents(): ShareEvent[] {
  const start = Date.now() - EVENTS * 1000;
  return Array.from({ length: EVENTS }, (_, n) => ({
    id: uuidv7(start + n * 1000),
    type: 'shared',
    postKey: `https://blog.example.com/posts/${String(Math.floor(n / NETWORKS.length))}`,
    network: NETWORKS[n % NETWORKS.length] ?? 'x',
    at: new Date(start + n * 1000).toISOString(),
  }));
}

interface Measured {
  readonly ms: number;
  readonly stored: number;
  readonly standing: number;
  readonly eventRequests: number;
  readonly duplicates: number;
}

async function withEndpoint(
  name: string,
  measure: (url: string, token: string) => Promise<{ ms: number; duplicates: number }>,
): Promise<Measured> {
  const dbPath = join(work, `${name}.sqlite`);
  const db = await openDatabase(dbPath);
  const { tokens } = await seed(db, { people: 1, eventsPerPerson: 0, posts: 1, links: 0 });
  await db.destroy();
  const logFile = join(work, `${name}.log`);
  const server: ServerProcess = await startServerProcess(
    'server/cli.ts',
    ['--port', '0', '--db', dbPath, '--post-hosts', 'blog.example.com'],
    logFile,
    /Advocate endpoint: (\S+)/,
  );
  let result: { ms: number; duplicates: number };
  try {
    result = await measure(server.url, tokens[0] ?? '');
  } finally {
    await server.stop();
  }
  const reader = new SQLite(dbPath, { readonly: true });
  const stored = (reader.prepare('select count(*) as n from share_events').get() as { n: number }).n;
  const standing = (reader.prepare('select count(*) as n from share_states where shared = 1').get() as { n: number }).n;
  reader.close();
  const eventRequests = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"path":"/v1/events"')).length;
  return { ...result, stored, standing, eventRequests };
}

async function anchor(url: string, token: string): Promise<{ ms: number; duplicates: number }> {
  const events = queuedEvents();
  const bodies = Array.from({ length: EVENTS / MAX_EVENTS_PER_BATCH }, (_, n) =>
    JSON.stringify({ events: events.slice(n * MAX_EVENTS_PER_BATCH, (n + 1) * MAX_EVENTS_PER_BATCH) }),
  );
  let duplicates = 0;
  const started = performance.now();
  for (const body of bodies) {
    const response = await fetch(new URL('v1/events', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const { results } = (await response.json()) as EventResults;
    duplicates += results.filter((result) => result.status !== 'created').length;
  }
  return { ms: performance.now() - started, duplicates };
}

async function ours(url: string, token: string, round: number): Promise<{ ms: number; duplicates: number }> {
  const dataDir = join(work, `desktop-${String(round)}`);
  mkdirSync(dataDir);
  const journal = await ShareJournal.open(join(dataDir, 'shares.jsonl'));
  await Promise.all(queuedEvents().map((event) => journal.record(event)));
  if (journal.pendingCount() !== EVENTS)
    throw new Error(`the outbox holds ${String(journal.pendingCount())} events, not ${String(EVENTS)}`);
  let duplicates = 0;
  // Reads every verdict the endpoint gives, off the clock's critical path: a copy of each answer.
  const countingFetch: HttpFetch = async (input, init) => {
    const response = await fetch(input, init);
    if (input.endsWith('/v1/events') && response.ok) {
      const { results } = (await response.clone().json()) as EventResults;
      duplicates += results.filter((result) => result.status !== 'created').length;
    }
    return response;
  };
  const sync = await openEndpointSync({
    url,
    fetch: countingFetch,
    dataDir,
    journal,
    tokens: memoryTokenStore(token),
    enrollment: { current: () => ({ code: null, displayName: 'Bench', team: '' }), onChange: () => () => undefined },
    network: assumeOnline,
    clock: systemClock,
    random: Math.random,
    log: quiet,
    onChange: () => undefined,
  });
  const started = performance.now();
  await sync.flush();
  const ms = performance.now() - started;
  if (journal.pendingCount() !== 0)
    throw new Error(
      `${String(journal.pendingCount())} events still queued after the flush: ${JSON.stringify(sync.status())}`,
    );
  await sync.stop();
  await journal.close();
  return { ms, duplicates };
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

await runBenchmark(
  'sync',
  async () => {
    console.log(
      `Outbox flush: ${fmt(EVENTS)} queued events to a local endpoint (server/cli.ts, own process, fresh database each), ${plural(ROUNDS, 'round')}\n`,
    );
    const results: { anchor: Measured[]; ours: Measured[] } = { anchor: [], ours: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? (['anchor', 'ours'] as const) : (['ours', 'anchor'] as const);
      for (const side of order) {
        stepTo(`flushing round ${String(round + 1)}, ${side}`);
        const measured = await withEndpoint(
          `${side}-${String(round)}`,
          side === 'anchor' ? anchor : (url, token) => ours(url, token, round),
        );
        results[side].push(measured);
        console.log(
          `round ${String(round + 1)} ${side}: ${fmt(measured.ms)} ms, ${fmt(measured.stored)} stored, ${fmt(measured.standing)} standing, ${String(measured.eventRequests)} POSTs, ${String(measured.duplicates)} duplicates`,
        );
      }
    }

    const line = (side: 'anchor' | 'ours'): string => {
      const ms = median(results[side].map((measured) => measured.ms));
      const clean = results[side].every(
        (measured) =>
          measured.stored === EVENTS &&
          measured.standing === EVENTS &&
          measured.duplicates === 0 &&
          measured.eventRequests === EVENTS / MAX_EVENTS_PER_BATCH,
      );
      return `${fmt(ms)} ms (${fmt((EVENTS / ms) * 1000)} events/s), ${clean ? `every event stored and counted once, ${String(EVENTS / MAX_EVENTS_PER_BATCH)} POSTs, 0 duplicates` : 'NOT CLEAN: see the rounds above'}`;
    };
    const oursMs = median(results.ours.map((measured) => measured.ms));
    const clean = results.ours.every((measured) => measured.duplicates === 0 && measured.stored === EVENTS);
    console.log('\n| measurement | anchor (bare fetch loop) | ours (outbox flush) | goal |\n|---|---|---|---|');
    console.log(
      `| ${fmt(EVENTS)} queued events to a local endpoint, median of ${String(ROUNDS)} | ${line('anchor')} | ${line('ours')} | ≤ 5,000 ms, zero duplicates ${goal(oursMs <= 5000)} |`,
    );
    // Duplicates or a lost event fail even a smoke run: they are not a matter of speed.
    if (!clean) throw new Error('the outbox flush stored an event twice or lost one: see the rounds above');
  },
  () => {
    killServers();
    rmSync(work, { recursive: true, force: true });
  },
);
