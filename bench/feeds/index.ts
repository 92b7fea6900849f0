/**
 * The feed engine's four benchmarks, each printing ours beside its anchor measured in the same run:
 *   1. bytes for 100 polls of an unchanged 100 KB feed (server honours validators) vs rss-parser parseURL
 *   2. CPU of an unchanged poll with the body-hash skip vs a full parse (server ignores validators)
 *   3. time of the full pipeline on giantbomb-podcast.rss vs bare rss-parser parseString (FEED_CORPUS_DIR)
 *   4. memory: 50 feeds × 200 items held by the engine vs rss-parser's outputs; a 50 MB hostile body
 * The feed server runs in its own process (feed-server.ts), so only the client side is measured.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { fetchFeedBytes } from '../../feeds/http-get.ts';
import {
  DEFAULT_LIMITS,
  newFeedState,
  pollFeed,
  type FeedState,
  type HttpFetch,
  type PollContext,
} from '../../feeds/index.ts';
import { readFeed } from '../../feeds/read-feed.ts';
import { systemClock, type Logger } from '../../main/core/ports.ts';
import { FeedEngine } from '../../main/feeds/feed-engine.ts';
import { bySize, notChecked, report, runBenchmark, SMOKE, stepTo } from '../harness.ts';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const MB = 1024 * 1024;
const POLLS = bySize(100, 5);
const WARM_POLLS = bySize(20, 1);
const PIPELINE_RUNS = bySize({ warm: 3, measured: 11 }, { warm: 0, measured: 1 });
const MEMORY_FEEDS = bySize(50, 3);

async function startServer(): Promise<{ base: string; feedBytes: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'feed-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const { stdout } = child;
  if (!stdout) throw new Error('no pipe to the feed server');
  const line = await new Promise<string>((resolve, reject) => {
    stdout.on('data', (chunk: Buffer) => resolve(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`feed server exited with ${String(code)}`)));
  });
  const [, port, bytes] = /port (\d+) bytes (\d+)/.exec(line) ?? [];
  return { base: `http://127.0.0.1:${String(port)}/`, feedBytes: Number(bytes), stop: () => child.kill() };
}

const context = (client: HttpFetch = fetch): PollContext => ({
  fetch: client,
  limits: DEFAULT_LIMITS,
  now: Date.now(),
  random: Math.random,
  baseIntervalMs: 30 * 60 * 1000,
});

async function bytesForPolls(base: string, feedBytes: number): Promise<void> {
  const url = `${base}feed?validators=yes`;
  const sent = async (): Promise<number> => ((await (await fetch(`${base}stats`)).json()) as { sent: number }).sent;
  await fetch(`${base}reset`);
  let state: FeedState = newFeedState(url, Date.now(), 30 * 60 * 1000);
  for (let poll = 0; poll < POLLS; poll += 1) state = (await pollFeed(state, context())).state;
  const ours = await sent();
  await fetch(`${base}reset`);
  const parser = new Parser();
  for (let poll = 0; poll < POLLS; poll += 1) await parser.parseURL(url);
  const anchor = await sent();
  const ratio = anchor / ours;
  report(
    `1. ${String(POLLS)} polls of an unchanged ${(feedBytes / 1024).toFixed(0)} KB feed, server honours validators (bytes received, headers included)`,
    `${(ours / 1024).toFixed(1)} KB (one full fetch, then ${String(POLLS - 1)} × 304)`,
    `${(anchor / 1024).toFixed(1)} KB (rss-parser parseURL: no conditional GET)`,
    `${ratio.toFixed(0)}× fewer bytes; goal ≥ 50×`,
    ratio >= 50,
  );
}

async function cpuPerPoll(client: HttpFetch, state: FeedState, keepHash: boolean): Promise<number> {
  const polls = POLLS;
  let current = state;
  // Warm the path first, then measure.
  for (let poll = 0; poll < WARM_POLLS; poll += 1) await pollFeed(state, context(client));
  const start = process.cpuUsage();
  for (let poll = 0; poll < polls; poll += 1) {
    current = (await pollFeed(keepHash ? current : { ...current, bodyHash: null }, context(client))).state;
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / polls;
}

async function cpuOfUnchangedPoll(base: string): Promise<void> {
  const url = `${base}feed?validators=no`;
  const primed = (await pollFeed(newFeedState(url, Date.now(), 30 * 60 * 1000), context())).state;
  const body = await (await fetch(url)).arrayBuffer();
  // The same answer from memory: what the engine itself spends once the bytes have arrived.
  const fromMemory: HttpFetch = () =>
    Promise.resolve(new Response(body.slice(0), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } }));
  const skip = await cpuPerPoll(fromMemory, primed, true);
  const full = await cpuPerPoll(fromMemory, { ...primed, bodyHash: null }, false);
  const skipOverHttp = await cpuPerPoll(fetch, primed, true);
  const fullOverHttp = await cpuPerPoll(fetch, { ...primed, bodyHash: null }, false);
  const share = (skip / full) * 100;
  report(
    "2. CPU per unchanged poll, server ignores validators (the engine's work once the bytes are in)",
    `${skip.toFixed(2)} ms per poll (body hash equals the last one: parse skipped); over local HTTP with Node's fetch ${skipOverHttp.toFixed(2)} ms`,
    `${full.toFixed(2)} ms per poll (same poll, full decode + parse + normalize); over local HTTP ${fullOverHttp.toFixed(2)} ms`,
    `${share.toFixed(1)}% of a full parse (${((skipOverHttp / fullOverHttp) * 100).toFixed(0)}% with the HTTP client's own CPU, the same for both); goal ≤ 5%`,
    share <= 5,
  );
}

async function median(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? NaN;
}

async function pipelineOnGiantbomb(): Promise<void> {
  const corpus = process.env['FEED_CORPUS_DIR'];
  if (!corpus) {
    console.log('3. full pipeline on giantbomb-podcast.rss: did not run, set FEED_CORPUS_DIR to the feed corpus');
    notChecked();
    return;
  }
  const bytes = readFileSync(join(corpus, 'rss-parser/giantbomb-podcast.rss'));
  const parser = new Parser();
  const ours = (): Promise<unknown> =>
    readFeed(bytes, {
      contentType: 'application/rss+xml; charset=utf-8',
      url: 'https://www.giantbomb.com/podcast-xml/giant-bombcast/',
    });
  const anchor = (): Promise<unknown> => parser.parseString(bytes.toString('utf8'));
  await median(PIPELINE_RUNS.warm, ours);
  await median(PIPELINE_RUNS.warm, anchor);
  const oursMs = await median(PIPELINE_RUNS.measured, ours);
  const anchorMs = await median(PIPELINE_RUNS.measured, anchor);
  const ratio = oursMs / anchorMs;
  report(
    `3. Full pipeline on giantbomb-podcast.rss (${(bytes.length / MB).toFixed(1)} MB, 730 items), median of ${String(PIPELINE_RUNS.measured)}`,
    `${oursMs.toFixed(0)} ms (decode + repair + parseString + normalize)`,
    `${anchorMs.toFixed(0)} ms (bare rss-parser parseString)`,
    `${ratio.toFixed(2)}× its time; goal ≤ 1.5×`,
    ratio <= 1.5,
  );
}

async function heapGrowth(task: () => Promise<unknown>): Promise<{ growth: number; kept: unknown }> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = await task();
  gc();
  return { growth: process.memoryUsage().heapUsed - before, kept };
}

async function peakRssGrowth(task: () => Promise<unknown>): Promise<number> {
  gc();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2);
  await task().catch(() => undefined);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return peak - before;
}

async function memory(base: string): Promise<void> {
  const urls = Array.from({ length: MEMORY_FEEDS }, (_, index) => `${base}blog/${String(index)}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'advocate-bench-'));
  try {
    const ours = await heapGrowth(async () => {
      const engine = await FeedEngine.open({ fetch, dataDir, clock: systemClock, log: quietLog }, urls);
      await engine.poll();
      await engine.stop();
      return engine;
    });
    const items = (ours.kept as FeedEngine).snapshot().reduce((sum, update) => sum + update.items.length, 0);
    const parser = new Parser();
    const anchor = await heapGrowth(() => Promise.all(urls.map((url) => parser.parseURL(url))));
    report(
      `4a. Heap held for ${String(MEMORY_FEEDS)} feeds × 200 items (${String(items)} items), after GC`,
      `${(ours.growth / MB).toFixed(1)} MB (the engine: states with normalized items)`,
      `${(anchor.growth / MB).toFixed(1)} MB (rss-parser parseURL outputs kept)`,
      `goal ≤ 40 MB`,
      ours.growth <= 40 * MB,
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const oursRss = await peakRssGrowth(() => fetchFeedBytes(fetch, `${base}hostile`));
  const anchorRss = await peakRssGrowth(() => new Parser().parseURL(`${base}hostile`));
  report(
    '4b. Peak RSS growth while a server sends a 50 MB body',
    `${(oursRss / MB).toFixed(1)} MB (stops reading at the 10 MiB cap)`,
    `${(anchorRss / MB).toFixed(1)} MB (rss-parser parseURL reads it all)`,
    'goal ≤ 30 MB',
    oursRss <= 30 * MB,
  );
}

let server: Awaited<ReturnType<typeof startServer>> | undefined;
await runBenchmark(
  'feeds',
  async () => {
    stepTo('starting the feed server');
    server = await startServer();
    stepTo('polling an unchanged feed');
    await bytesForPolls(server.base, server.feedBytes);
    stepTo('measuring the CPU of unchanged polls');
    await cpuOfUnchangedPoll(server.base);
    stepTo('reading giantbomb-podcast.rss');
    await pipelineOnGiantbomb();
    stepTo(SMOKE ? 'holding a few feeds, then a 50 MB body' : 'holding 50 feeds, then a 50 MB body');
    await memory(server.base);
  },
  () => server?.stop(),
);
