/**
 * Clients that hold a socket or send what Node cannot read (issue 16, holes 6 and 8), over raw TCP
 * sockets: each test waits for the endpoint to close the connection ('close'), never for a time.
 */
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { endpointsPerTest, type TestEndpoint } from '../helpers/endpoint.ts';
import { captureEndpointLog } from '../helpers/endpoint-log.ts';

const start = endpointsPerTest();

/** Everything the endpoint sends on one connection until it closes it; `talk` writes (and may close). */
function exchange(endpoint: TestEndpoint, talk: (socket: Socket) => void): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(endpoint.url).port), '127.0.0.1', () => talk(socket));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    // A reset is one of the ways the endpoint may end the connection; 'close' follows it.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

const enrollHead = (declaredLength: number): string =>
  `POST /v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${String(declaredLength)}\r\n\r\n`;

const devices = (endpoint: TestEndpoint) => endpoint.db.selectFrom('devices').selectAll().execute();

describe('slow clients', () => {
  it('a body that declares Content-Length: 100 and sends 2 bytes is cut at the request timeout, in words', async () => {
    const endpoint = await start({ timeouts: { requestMs: 300, idleMs: 60_000 } });
    const received = await exchange(endpoint, (socket) => socket.write(`${enrollHead(100)}{"`));
    expect(received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(received).toContain('the request took too long to arrive, so nothing was done; send it again');
    expect(await devices(endpoint)).toEqual([]);
  });

  it('a body dripped a byte at a time, never idle, is cut at the request timeout all the same', async () => {
    const endpoint = await start({ timeouts: { requestMs: 300, idleMs: 60_000 } });
    let drip: NodeJS.Timeout | undefined;
    const received = await exchange(endpoint, (socket) => {
      socket.write(`${enrollHead(60_000)}{"code":"`);
      drip = setInterval(() => socket.write('A'), 10);
    });
    clearInterval(drip);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(await devices(endpoint)).toEqual([]);
  });

  it('a connection that never sends a byte is closed once idle for the idle timeout', async () => {
    const endpoint = await start({ timeouts: { requestMs: 60_000, idleMs: 300 } });
    expect(await exchange(endpoint, () => undefined)).toBe('');
  });
});

describe('requests Node cannot read', () => {
  it('a HEAD that fails to parse gets its status line and headers, and no body', async () => {
    const endpoint = await start();
    const received = await exchange(endpoint, (socket) =>
      socket.write('HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n'),
    );
    expect(received).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(received).toContain('x-content-type-options: nosniff\r\n');
    expect(received.endsWith('\r\n\r\n')).toBe(true);
  });

  it('the same GET gets a body that says what happened', async () => {
    const endpoint = await start();
    const received = await exchange(endpoint, (socket) =>
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n'),
    );
    const body = JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4)) as { message: string };
    expect(body.message).toBe('the request is not well-formed HTTP, so nothing was done');
  });
});

describe('clients that go away', () => {
  it('a request aborted mid-body, or right after its headers, is one info line: no warning, no stack trace', async () => {
    const log = captureEndpointLog();
    const endpoint = await start({ logger: { stream: log.stream } });
    await exchange(endpoint, (socket) => {
      socket.write(`${enrollHead(100)}{"code"`, () => socket.destroy());
    });
    await exchange(endpoint, (socket) => {
      socket.write('GET /v1/summary HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', () => socket.destroy());
    });
    await expect.poll(() => log.lines().some((line) => line['msg'] === 'client went away')).toBe(true);
    // A request after them is answered, so both aborted ones have been dealt with.
    expect((await fetch(new URL('healthz', endpoint.url))).status).toBe(200);
    await expect.poll(() => log.answered('GET', '/healthz').length).toBe(1);
    const loud = log.lines().filter((line) => Number(line['level']) >= 40 || JSON.stringify(line).includes('stack'));
    expect(loud).toEqual([]);
    expect(await devices(endpoint)).toEqual([]);
  });
});
