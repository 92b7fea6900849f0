/**
 * The deployment guide's nginx and HAProxy files (resources/deploy/), run by Debian's nginx and HAProxy
 * (.ci/run installs them) in front of two real endpoint replicas on one PostgreSQL database: answers
 * come through over TLS from both replicas, the client's protocol reaches them (tracked links say
 * https), an event batch sent twice is counted once, a CMS ping's large body is not cut by the proxy,
 * and with one replica stopped every request is still answered.
 */
import { request } from 'node:https';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventResults, LinksResponse } from '../../common/protocol.ts';
import { shareEvent } from '../helpers/endpoint-api.ts';
import { startHaproxy, startNginx, type LoadBalancer } from '../helpers/load-balancer.ts';
import { organisationWithDevices, startReplica, type Replica } from '../helpers/replicas.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { testDatabaseFor } from '../helpers/test-database.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** One request through the balancer, trusting its throwaway certificate. */
function call(
  balancer: LoadBalancer,
  path: string,
  options: { method?: string; token?: string; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const outgoing = request(
      new URL(path, balancer.url),
      { method: options.method ?? 'GET', ca: balancer.certificate, headers, agent: false },
      (incoming) => {
        let text = '';
        incoming.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        incoming.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: the text itself
          }
          resolve({ status: incoming.statusCode ?? 0, body });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** Requests to `path` this replica answered, from its log (one JSON line per request). */
const answered = (replica: Replica, path: string): number =>
  replica.process
    .output()
    .split('\n')
    .filter((line) => line.includes('"msg":"answered"') && line.includes(`"path":"${path}"`)).length;

async function twoReplicas(): Promise<{ replicas: Replica[]; token: string; dir: string }> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const database = await testDatabaseFor(dir.path, 'postgres');
  cleanups.push(database.drop);
  const { db, tokens } = await organisationWithDevices(database.location, [{ displayName: 'Ana', team: 'Sales' }]);
  cleanups.push(() => db.destroy());
  // Behind a proxy on this machine: its address is the one to believe in X-Forwarded-*.
  const replicas = await Promise.all(
    [0, 1].map(() => startReplica(database.location, { ADVOCATE_TRUST_PROXY: '127.0.0.1' })),
  );
  for (const replica of replicas) cleanups.push(replica.process.stop);
  return { replicas, token: tokens[0] ?? '', dir: dir.path };
}

describe.each([
  ['nginx', startNginx],
  ['HAProxy', startHaproxy],
] as const)('two replicas behind %s, with the shipped configuration', (_name, start) => {
  it(
    'answers from both over TLS, forwards the protocol, counts a batch sent twice once, takes a large ping body, and survives a stopped replica',
    { timeout: 120_000 },
    async () => {
      const { replicas, token, dir } = await twoReplicas();
      const balancer = await start(
        dir,
        replicas.map((replica) => replica.url),
      );
      cleanups.push(balancer.stop);
      await vi.waitFor(async () => expect((await call(balancer, 'healthz')).status).toBe(200), {
        timeout: 30_000,
        interval: 100,
      });

      for (let round = 0; round < 6; round += 1)
        expect((await call(balancer, 'v1/summary', { token })).status).toBe(200);
      for (const replica of replicas) expect(answered(replica, '/v1/summary')).toBeGreaterThan(0);

      const links = await call(balancer, 'v1/links', {
        method: 'POST',
        token,
        body: JSON.stringify({ postKey: 'https://blog.example.com/a', networks: ['linkedin'] }),
      });
      expect(links.status).toBe(200);
      const link = new URL((links.body as LinksResponse).links[0]?.url ?? 'none:');
      expect([link.protocol, link.hostname]).toEqual(['https:', '127.0.0.1']);

      const batch = JSON.stringify({ events: [shareEvent()] });
      const first = await call(balancer, 'v1/events', { method: 'POST', token, body: batch });
      const again = await call(balancer, 'v1/events', { method: 'POST', token, body: batch });
      expect((first.body as EventResults).results.map((result) => result.status)).toEqual(['created']);
      expect((again.body as EventResults).results.map((result) => result.status)).toEqual(['duplicate']);

      // Ghost sends the whole post with its ping: the proxy passes it on, and the endpoint answers (no such secret).
      const ping = await call(balancer, `v1/feeds/ping?secret=${'A'.repeat(43)}`, {
        method: 'POST',
        body: JSON.stringify({ post: { current: { html: 'x'.repeat(300_000) } } }),
      });
      expect(ping.status).toBe(401);
      expect(ping.body).toMatchObject({ message: expect.stringContaining('ping secret') as unknown });

      await replicas[1]?.process.stop();
      for (let round = 0; round < 10; round += 1)
        expect((await call(balancer, 'v1/summary', { token })).status, balancer.output()).toBe(200);
    },
  );
});
