/**
 * The endpoint's four benchmarks, ours beside an anchor measured in the same run:
 *   1. single-event POST /v1/events: ours (Fastify + TypeBox + Kysely, token, standing counts, logs)
 *      vs a bare node:http + better-sqlite3 handler doing the same insert on the same settings;
 *   2. batches of 100: events per second, both, with synchronous=FULL;
 *   3. GET /v1/summary with 10,000 people and 1,000,000 events: ours vs aggregating on each request;
 *   4. GET /r/<code>: ours (lookup, bot check, counted click) vs a 302 from a map in memory.
 * Each server runs in its own process; this process only generates load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '../../common/uuid.ts';
import { openDatabase } from '../../server/database.ts';
import { runLoad, percentile, type LoadResult } from './load.ts';
import { bySize, runBenchmark, stepTo } from '../harness.ts';
import { killServers, startServerProcess, type ServerProcess } from './processes.ts';
import { seed } from './seed.ts';

const work = mkdtempSync(join(tmpdir(), 'advocate-bench-'));
const UNLIMITED = { ADVOCATE_RATE_PER_IP: '1000000000', ADVOCATE_RATE_PER_DEVICE: '1000000000' };
const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const SECONDS = bySize(Number(process.env['BENCH_SECONDS'] ?? 8), 0.5);
/** The organisation the reads run against: 10,000 people with 100 events each. */
const PEOPLE = bySize(10_000, 20);
const EVENTS_PER_PERSON = bySize(100, 5);
const SUMMARY_REQUESTS = bySize({ ours: 4000, anchor: 40 }, { ours: 20, anchor: 5 });

const ours = (dbPath: string, name: string): Promise<ServerProcess> =>
  startServerProcess(
    'server/cli.ts',
    ['--port', '0', '--db', dbPath, '--post-hosts', 'blog.example.com'],
    join(work, `${name}.log`),
    /Advocate endpoint: (\S+)/,
    UNLIMITED,
  );
const anchor = (dbPath: string, name: string): Promise<ServerProcess> =>
  startServerProcess(
    'bench/server/anchor-server.ts',
    ['--db', dbPath],
    join(work, `${name}.log`),
    /Anchor endpoint: (\S+)/,
  );

async function freshOrganisation(name: string): Promise<{ dbPath: string; token: string }> {
  const dbPath = join(work, `${name}.sqlite`);
  const db = await openDatabase(dbPath);
  const { tokens } = await seed(db, { people: 1, eventsPerPerson: 0, posts: 1, links: 0 });
  await db.destroy();
  return { dbPath, token: tokens[0] ?? '' };
}

const eventsBody = (count: number): string =>
  JSON.stringify({
    events: Array.from({ length: count }, (_, index) => ({
      id: uuidv7(),
      type: 'shared',
      postKey: `https://blog.example.com/posts/${String(index)}`,
      network: 'linkedin',
      at: new Date().toISOString(),
    })),
  });

function check(result: LoadResult, okStatus: number, label: string): void {
  const bad = [...result.statuses].filter(([status]) => status !== okStatus);
  if (bad.length > 0) throw new Error(`${label}: unexpected answers ${JSON.stringify(bad)}`);
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const rows: string[][] = [];
const row = (...cells: string[]): void => {
  rows.push(cells);
  console.log(cells.join(' | '));
};

async function postThroughput(
  eventsPerRequest: number,
  connections: number,
): Promise<{ anchor: number; ours: number }> {
  const results: Record<string, number> = {};
  for (const side of ['anchor', 'ours'] as const) {
    const { dbPath, token } = await freshOrganisation(`post-${String(eventsPerRequest)}-${side}`);
    const server =
      side === 'ours'
        ? await ours(dbPath, `post-${String(eventsPerRequest)}-ours`)
        : await anchor(dbPath, `post-${String(eventsPerRequest)}-anchor`);
    try {
      const result = await runLoad({
        url: server.url,
        connections,
        pipelining: 1,
        durationMs: SECONDS * 1000,
        request: () => ({
          method: 'POST',
          path: '/v1/events',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: eventsBody(eventsPerRequest),
        }),
      });
      check(result, 200, `${side} POST`);
      results[side] = result.perSecond * eventsPerRequest;
    } finally {
      await server.stop();
    }
  }
  return { anchor: results['anchor'] ?? 0, ours: results['ours'] ?? 0 };
}

await runBenchmark(
  'server',
  async () => {
    console.log(
      `Endpoint benchmarks (${String(SECONDS)} s per measurement, load from this process, each server in its own)\n`,
    );

    stepTo('posting single events');
    const single = await postThroughput(1, 16);
    row(
      'single-event POST /v1/events, 16 connections',
      `anchor ${fmt(single.anchor)} req/s`,
      `ours ${fmt(single.ours)} req/s`,
      `ratio ${(single.ours / single.anchor).toFixed(2)} (goal ≥ 0.80)`,
    );

    stepTo('posting batches of 100');
    const batched = await postThroughput(100, 8);
    row(
      'batched POST, 100 events per request, 8 connections',
      `anchor ${fmt(batched.anchor)} events/s`,
      `ours ${fmt(batched.ours)} events/s`,
      'goal ≥ 30,000 events/s',
    );

    // A seeded organisation for the reads: 10,000 people, 1,000,000 events, tracked links to redirect.
    const organisation = `${fmt(PEOPLE)} people, ${fmt(PEOPLE * EVENTS_PER_PERSON)} events`;
    stepTo(`seeding ${organisation}`);
    const seededPath = join(work, 'seeded.sqlite');
    const seedStart = performance.now();
    const seededDb = await openDatabase(seededPath);
    const seeded = await seed(seededDb, {
      people: PEOPLE,
      eventsPerPerson: EVENTS_PER_PERSON,
      posts: bySize(2_000, 10),
      links: bySize(2_000, 10),
    });
    await seededDb.destroy();
    console.log(`(seeded ${organisation} in ${((performance.now() - seedStart) / 1000).toFixed(0)} s)`);

    async function summaryLatency(
      server: ServerProcess,
      requests: number,
      path: (n: number) => string,
      token: (n: number) => string,
    ): Promise<LoadResult> {
      const result = await runLoad({
        url: server.url,
        connections: 4,
        pipelining: 1,
        requests,
        request: (n) => ({ method: 'GET', path: path(n), headers: { authorization: `Bearer ${token(n)}` } }),
      });
      check(result, 200, 'summary');
      return result;
    }
    const tokenOf = (n: number): string => seeded.tokens[(n * 7919) % seeded.tokens.length] ?? '';
    {
      stepTo('reading summaries');
      const server = await ours(seededPath, 'summary-ours');
      const result = await summaryLatency(server, SUMMARY_REQUESTS.ours, () => '/v1/summary', tokenOf);
      await server.stop();
      const base = await anchor(seededPath, 'summary-anchor');
      const naive = await summaryLatency(
        base,
        SUMMARY_REQUESTS.anchor,
        (n) => `/v1/summary?person=${String(1 + ((n * 7919) % PEOPLE))}`,
        tokenOf,
      );
      await base.stop();
      const ms = (r: LoadResult, p: number) => `${percentile(r.latenciesMs, p).toFixed(1)} ms`;
      row(
        `GET /v1/summary, ${organisation}, 4 connections`,
        `anchor p50 ${ms(naive, 50)}, p99 ${ms(naive, 99)} (${String(naive.answers)} requests)`,
        `ours p50 ${ms(result, 50)}, p99 ${ms(result, 99)} (${String(result.answers)} requests)`,
        'goal p99 ≤ 20 ms',
      );
    }

    {
      stepTo('following tracked links');
      const redirects: Record<string, number> = {};
      for (const side of ['anchor', 'ours'] as const) {
        const server =
          side === 'ours' ? await ours(seededPath, 'redirect-ours') : await anchor(seededPath, 'redirect-anchor');
        const result = await runLoad({
          url: server.url,
          connections: 32,
          pipelining: 1,
          durationMs: SECONDS * 1000,
          request: (n) => ({
            method: 'GET',
            path: `/r/${seeded.codes[n % seeded.codes.length] ?? ''}`,
            headers: { 'user-agent': BROWSER },
          }),
        });
        await server.stop();
        check(result, 302, `${side} redirect`);
        redirects[side] = result.perSecond;
      }
      row(
        'GET /r/<code>, 32 connections, every click counted',
        `anchor ${fmt(redirects['anchor'] ?? 0)} /s`,
        `ours ${fmt(redirects['ours'] ?? 0)} /s`,
        'goal ≥ 10,000 /s',
      );
    }

    console.log('\n| measurement | anchor | ours | goal |\n|---|---|---|---|');
    for (const cells of rows)
      console.log(
        `| ${cells[0] ?? ''} | ${(cells[1] ?? '').replace(/^anchor /, '')} | ${(cells[2] ?? '').replace(/^ours /, '')} | ${cells[3] ?? ''} |`,
      );
  },
  () => {
    killServers();
    rmSync(work, { recursive: true, force: true });
  },
);
