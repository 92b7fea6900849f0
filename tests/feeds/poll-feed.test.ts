/**
 * The engine as the endpoint drives it, through `feeds/index.ts` only: the state goes through JSON
 * between polls (as in a database column), time is a number the test sets, and a real feed server on
 * 127.0.0.1 answers. What is announced, what a same-bytes answer costs, and how failures back off.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  baseInterval,
  DEFAULT_LIMITS,
  feedStatus,
  newFeedState,
  pollFeed,
  readFeedState,
  type FeedState,
  type PollContext,
} from '../../feeds/index.ts';
import { MAX_DELAY_MS } from '../../feeds/schedule.ts';
import { startFeedServer, startLocalServer, type FeedItem, type LocalServer } from '../helpers/http-server.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
/** A fixed moment: nothing here depends on when the test runs. */
const START = Date.parse('2026-03-02T09:00:00Z');
const INTERVAL = baseInterval(undefined);

const context = (now: number, random = 0): PollContext => ({
  fetch,
  limits: DEFAULT_LIMITS,
  now,
  random: () => random,
  baseIntervalMs: INTERVAL,
});

const item = (slug: string, hoursBeforeStart: number): FeedItem => ({
  title: `Post ${slug}`,
  link: `https://blog.example.com/${slug}`,
  description: `About ${slug}.`,
  published: new Date(START - hoursBeforeStart * HOUR),
});

async function serve(handler: Parameters<typeof startLocalServer>[0]): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  cleanups.push(server.close);
  return server;
}

/** What the endpoint does between polls: the state written as JSON and read back, checked. */
function throughJson(state: FeedState): FeedState {
  const stored = readFeedState(JSON.parse(JSON.stringify(state)));
  if (stored === null) throw new Error('the state did not survive JSON');
  return stored;
}

describe('pollFeed, state in and state out', () => {
  it('keeps its state as plain JSON between polls, and announces each new item exactly once', async () => {
    const blog = await startFeedServer('Blog', [item('recent', 2), item('old', 24 * 7)]);
    cleanups.push(blog.close);
    let state = newFeedState(blog.feedUrl, START, INTERVAL);
    const announced: string[][] = [];
    const pollAt = async (now: number): Promise<void> => {
      const outcome = await pollFeed(throughJson(state), context(now));
      expect(throughJson(outcome.state)).toEqual(outcome.state);
      announced.push(outcome.fresh.map((entry) => entry.title));
      state = outcome.state;
    };
    // First poll: only the last 3 days count as news; the week-old post is marked seen quietly.
    await pollAt(START);
    expect(state).toMatchObject({ title: 'Blog', firstPollDone: true, failures: 0, nextPollAt: START + INTERVAL });
    await pollAt(START + INTERVAL);
    blog.setItems([item('new', 0), item('recent', 2), item('old', 24 * 7)]);
    await pollAt(START + 2 * INTERVAL);
    await pollAt(START + 3 * INTERVAL);
    expect(announced).toEqual([['Post recent'], [], ['Post new'], []]);
    expect(state.items.map((entry) => entry.title)).toEqual(['Post new', 'Post recent', 'Post old']);
    expect(feedStatus(state)).toEqual({
      state: 'ok',
      checkedAt: new Date(START + 3 * INTERVAL).toISOString(),
      nextCheckAt: new Date(START + 4 * INTERVAL).toISOString(),
    });
  });

  it('refuses a stored value that is not a feed state this version wrote', () => {
    const good = newFeedState('https://blog.example.com/feed', START, INTERVAL);
    expect(readFeedState(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(readFeedState({ ...good, version: 2 })).toBeNull();
    expect(readFeedState({ ...good, seen: { abc: 'yesterday' } })).toBeNull();
    expect(readFeedState('{"version":1}')).toBeNull();
    expect(readFeedState(null)).toBeNull();
  });

  it('skips the parse when a server that ignores validators sends the same bytes again', async () => {
    const blog = await startFeedServer('Blog', [item('a', 1)]);
    cleanups.push(blog.close);
    const bytes = await (await fetch(blog.feedUrl)).arrayBuffer();
    const state = {
      ...newFeedState(blog.feedUrl, START, INTERVAL),
      bodyHash: createHash('sha256').update(Buffer.from(bytes)).digest('hex'),
      firstPollDone: true,
    };
    // The stored items are empty: had the body been parsed, they would hold "Post a".
    const outcome = await pollFeed(state, context(START));
    expect(outcome.state.items).toEqual([]);
    expect(outcome.state.lastError).toBeNull();
  });
});

describe('pollFeed backing off from a failing server', () => {
  it('429 with Retry-After: waits exactly as asked (within a day) and holds the feed until then', async () => {
    const server = await serve((_request, response) => response.writeHead(429, { 'retry-after': '7200' }).end());
    const { state } = await pollFeed(newFeedState(server.url, START, INTERVAL), context(START, 0.5));
    expect(state).toMatchObject({ failures: 1, holdUntil: START + 2 * HOUR, nextPollAt: START + 2 * HOUR });
    expect(feedStatus(state)).toEqual({
      state: 'backing-off',
      message: 'the server says we asked too often (429)',
      checkedAt: new Date(START).toISOString(),
      until: new Date(START + 2 * HOUR).toISOString(),
    });
  });

  it('repeated 500s: the wait doubles from the interval, with jitter, and stops growing at 24 hours', async () => {
    const server = await serve((_request, response) => response.writeHead(500).end());
    let state = newFeedState(server.url, START, INTERVAL);
    let now = START;
    const waits: number[] = [];
    for (let poll = 0; poll < 10; poll += 1) {
      state = throughJson((await pollFeed(state, context(now, 0.5))).state);
      expect(state.lastError).toBe('the server had an internal error (500)');
      waits.push(state.nextPollAt - now);
      now = state.nextPollAt;
    }
    const minutes = waits.map((wait) => wait / MINUTE);
    // random() = 0.5 takes 5% off each wait: 30 min, then 1 h, 2 h… up to the 24 h cap.
    expect(minutes).toEqual([28.5, 57, 114, 228, 456, 912, 1368, 1368, 1368, 1368]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_DELAY_MS);
    expect(feedStatus(state)).toMatchObject({
      state: 'backing-off',
      message: 'the server had an internal error (500)',
    });
  });
});
