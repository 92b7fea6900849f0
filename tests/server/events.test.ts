/**
 * The endpoint over real HTTP on 127.0.0.1 with a real SQLite file: what is tried, and what must hold.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../common/uuid.ts';
import { startEndpoint, type TestEndpoint } from '../helpers/endpoint.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let endpoint: TestEndpoint;
let removeDir: () => Promise<void>;

beforeEach(async () => {
  const dir = await makeTempDir();
  removeDir = dir.remove;
  endpoint = await startEndpoint(dir.path);
});

afterEach(async () => {
  await endpoint.close();
  await removeDir();
});

const shareEvent = (postKey = 'https://blog.example.com/a') => ({
  id: uuidv7(),
  type: 'shared',
  postKey,
  network: 'linkedin',
  at: new Date().toISOString(),
});

const post = (body: unknown) =>
  fetch(new URL('v1/events', endpoint.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /v1/events', () => {
  it('counts a batch sent three times exactly once, answering created then duplicate in request order', async () => {
    const batch = { events: [shareEvent(), shareEvent('https://blog.example.com/b')] };
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await (await post(batch)).json());
    expect(answers[0]).toEqual({ results: batch.events.map((event) => ({ id: event.id, status: 'created' })) });
    expect(answers[2]).toEqual({ results: batch.events.map((event) => ({ id: event.id, status: 'duplicate' })) });
    expect(endpoint.rows()).toHaveLength(2);
  });

  it('refuses an unknown field with a 400 that names it, and stores nothing', async () => {
    const response = await post({ events: [{ ...shareEvent(), displayName: 'Mallory' }] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('"displayName"');
    expect(endpoint.rows()).toHaveLength(0);
  });

  it('refuses a mistyped field instead of coercing it', async () => {
    const response = await post({ events: [{ ...shareEvent(), at: 1_700_000_000 }] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('body.events.0.at');
  });

  it('refuses more than 100 events in one batch', async () => {
    const events = Array.from({ length: 101 }, () => shareEvent());
    expect((await post({ events })).status).toBe(400);
    expect(endpoint.rows()).toHaveLength(0);
  });

  it('refuses a body that is not JSON with a 400, and keeps serving', async () => {
    const response = await fetch(new URL('v1/events', endpoint.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"events": [' });
    expect(response.status).toBe(400);
    expect((await fetch(new URL('healthz', endpoint.url))).status).toBe(200);
  });
});

describe('GET /v1/summary', () => {
  it('reports shares per post, net of take-backs', async () => {
    const key = 'https://blog.example.com/counted';
    const shared = shareEvent(key);
    await post({ events: [shared, shareEvent(key), { ...shareEvent(key), type: 'unshared' }] });
    const summary = (await (await fetch(new URL('v1/summary', endpoint.url))).json()) as { posts: { postKey: string; shares: number }[] };
    expect(summary.posts).toEqual([{ postKey: key, shares: 1 }]);
  });
});
