/**
 * 1,500 generated bad bodies (broken JSON, wrong shapes, unknown fields, odd Unicode, deep nesting,
 * oversized, wrong content types) against every JSON route: each answer is a 4xx, never a 5xx, nothing
 * is stored, and the endpoint keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndpoint, type TestEndpoint } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { malformedEventBodies, type BadRequest } from './malformed-bodies.ts';

let endpoint: TestEndpoint;
let deviceToken: string;
let removeDir: () => Promise<void>;
const unlimited = { perIp: 1e9, perDevice: 1e9, enrollPerIp: 1e9, loginPerIp: 1e9 };

beforeAll(async () => {
  const dir = await makeTempDir();
  removeDir = dir.remove;
  endpoint = await startEndpoint(dir.path, 0, { rateLimits: unlimited });
  deviceToken = await endpoint.enroll('Fuzz target');
});

afterAll(async () => {
  await endpoint.close();
  await removeDir();
});

async function sendAll(
  method: string,
  path: string,
  token: string | null,
  requests: readonly BadRequest[],
): Promise<string[]> {
  const failures: string[] = [];
  const concurrency = 8;
  for (let start = 0; start < requests.length; start += concurrency) {
    await Promise.all(
      requests.slice(start, start + concurrency).map(async (request, offset) => {
        const headers: Record<string, string> = { 'content-type': request.contentType };
        if (token !== null) headers['authorization'] = `Bearer ${token}`;
        const response = await fetch(new URL(path, endpoint.url), { method, headers, body: request.body });
        await response.arrayBuffer();
        if (response.status < 400 || response.status >= 500)
          failures.push(`#${String(start + offset)} ${request.label}: ${String(response.status)}`);
      }),
    );
  }
  return failures;
}

describe('malformed bodies', () => {
  it('answers 1,200 bad event batches with a 4xx each and stores nothing', async () => {
    const failures = await sendAll('POST', 'v1/events', deviceToken, malformedEventBodies(1200, 20250601));
    expect(failures).toEqual([]);
    expect(await endpoint.rows()).toEqual([]);
    // 1,200 requests, each with a device lookup: seconds on a busy machine, more on PostgreSQL.
  }, 60_000);

  it('answers 400 bad bodies to enroll, me, links and kits with a 4xx each', async () => {
    const bodies = malformedEventBodies(100, 7);
    const people = await endpoint.db.selectFrom('people').select(['display_name', 'team_id']).execute();
    expect(await sendAll('POST', 'v1/enroll', null, bodies)).toEqual([]);
    expect(await sendAll('PATCH', 'v1/me', deviceToken, bodies)).toEqual([]);
    expect(await sendAll('POST', 'v1/links', deviceToken, bodies)).toEqual([]);
    expect(await sendAll('PUT', 'v1/kits', endpoint.adminToken, bodies)).toEqual([]);
    expect(await endpoint.db.selectFrom('devices').selectAll().execute()).toHaveLength(1);
    expect(await endpoint.db.selectFrom('people').select(['display_name', 'team_id']).execute()).toEqual(people);
  });

  it('keeps serving afterwards: health, and a good batch is counted', async () => {
    expect((await fetch(new URL('healthz', endpoint.url))).status).toBe(200);
    const event = shareEvent();
    const answer = await apiAs(endpoint.url, deviceToken).post('v1/events', { events: [event] });
    expect(answer.body).toEqual({ results: [{ id: event.id, status: 'created' }] });
  });
});
