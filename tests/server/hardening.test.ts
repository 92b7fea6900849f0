/** Body limit, rate limits, security headers and logs that never carry a secret. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { endpointsPerTest } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';

const start = endpointsPerTest();

describe('hardening', () => {
  it('refuses a body over 64 KiB with 413 and keeps serving', async () => {
    const endpoint = await start();
    const device = apiAs(endpoint.url, await endpoint.enroll());
    const answer = await device.post('v1/events', {
      events: [{ ...shareEvent(), postKey: `https://blog.example.com/${'a'.repeat(70_000)}` }],
    });
    expect(answer.status).toBe(413);
    expect((await device.get('v1/summary')).status).toBe(200);
  });

  it('sends security headers on API answers, errors and the dashboard', async () => {
    const endpoint = await start();
    for (const path of ['healthz', 'v1/summary', 'nowhere', 'dashboard/login']) {
      const response = await fetch(new URL(path, endpoint.url));
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('answers an unknown path with a 404 that says what was asked', async () => {
    const endpoint = await start();
    const answer = await apiAs(endpoint.url, null).get<{ message: string }>('v2/whatever?x=1');
    expect(answer.status).toBe(404);
    expect(answer.body.message).toBe('there is nothing at GET /v2/whatever');
  });

  it('limits requests per device token with 429 and Retry-After, without slowing other devices', async () => {
    const endpoint = await start({ rateLimits: { perDevice: 3 } });
    const busy = apiAs(endpoint.url, await endpoint.enroll('Busy'));
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await busy.get('v1/summary')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await busy.get('v1/summary');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await apiAs(endpoint.url, await endpoint.enroll('Calm')).get('v1/summary')).status).toBe(200);
  });

  it('limits enrollment attempts per IP address, so codes cannot be guessed quickly', async () => {
    const endpoint = await start({ rateLimits: { enrollPerIp: 2 } });
    const anonymous = apiAs(endpoint.url, null);
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push(
        (await anonymous.post('v1/enroll', { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', displayName: 'Guesser' })).status,
      );
    expect(statuses).toEqual([403, 403, 429, 429]);
  });

  it('limits all requests per IP address', async () => {
    const endpoint = await start({ rateLimits: { perIp: 5 } });
    const statuses = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await fetch(new URL('healthz', endpoint.url))).status);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('writes structured JSON logs with device ids, and never a token, cookie, code or IP address', async () => {
    const stream = new PassThrough();
    let log = '';
    stream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const endpoint = await start({ logger: { stream } });
    const token = await endpoint.enroll('Logged');
    const device = apiAs(endpoint.url, token);
    await device.post('v1/events', { events: [shareEvent()] });
    await device.get('v1/summary?token=leak');
    await apiAs(endpoint.url, 'wrong-token-value').get('v1/summary');
    await fetch(new URL('dashboard/login', endpoint.url), {
      headers: { cookie: 'advocate_session=secret-cookie-value' },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The server's own address is logged once when it starts listening; the test clients share it.
    const lines = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => !String(line['msg']).startsWith('Server listening'));
    log = lines.map((line) => JSON.stringify(line)).join('\n');
    expect(log).toContain('"path":"/v1/summary"');
    // One line per request, ours, written when it is answered; none of Fastify's own request lines.
    expect(lines.filter((line) => line['msg'] === 'answered').map((line) => line['path'])).toEqual([
      '/v1/enroll',
      '/v1/events',
      '/v1/summary',
      '/v1/summary',
      '/dashboard/login',
    ]);
    expect(lines.filter((line) => line['msg'] === 'incoming request' || line['msg'] === 'request completed')).toEqual(
      [],
    );
    expect(log).not.toContain('remoteAddress');
    expect(
      lines.some((line) => line['msg'] === 'events stored' && line['deviceId'] === 1 && line['created'] === 1),
    ).toBe(true);
    for (const secret of [
      token,
      endpoint.enrollmentCode,
      endpoint.adminToken,
      'wrong-token-value',
      'secret-cookie-value',
      'token=leak',
      '127.0.0.1',
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
