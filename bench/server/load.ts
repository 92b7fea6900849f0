/**
 * A small HTTP/1.1 load generator on raw sockets with keep-alive and optional pipelining, so the
 * client is not what limits the figure (Node's fetch and http client top out below the servers here).
 * Answers are read by Content-Length; the servers measured always send one.
 */
import { connect, type Socket } from 'node:net';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  /** Requests in flight per connection. */
  readonly pipelining: number;
  /** Stop after this many answers, or after `durationMs`, whichever comes first. */
  readonly requests?: number;
  readonly durationMs?: number;
  /** Builds request number `n` (method, path, headers, body). */
  readonly request: (n: number) => { method: string; path: string; headers?: Record<string, string>; body?: string };
}

export interface LoadResult {
  readonly answers: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly statuses: ReadonlyMap<number, number>;
  readonly latenciesMs: readonly number[];
}

function encode(host: string, request: ReturnType<LoadOptions['request']>): Buffer {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers = {
    host,
    connection: 'keep-alive',
    ...request.headers,
    ...(body ? { 'content-length': String(body.length) } : {}),
  };
  const head = `${request.method} ${request.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n')}\r\n\r\n`;
  return body ? Buffer.concat([Buffer.from(head), body]) : Buffer.from(head);
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const limit = options.requests ?? Number.POSITIVE_INFINITY;
  const deadline = performance.now() + (options.durationMs ?? Number.POSITIVE_INFINITY);
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  let issued = 0;
  let answered = 0;
  const started = performance.now();

  const drive = (socket: Socket): Promise<void> =>
    new Promise((resolve, reject) => {
      const sentAt: number[] = [];
      let buffer: Buffer = Buffer.alloc(0);
      const more = (): boolean => issued < limit && performance.now() < deadline;
      const send = (): void => {
        while (sentAt.length < options.pipelining && more()) {
          const n = issued;
          issued += 1;
          sentAt.push(performance.now());
          socket.write(encode(target.host, options.request(n)));
        }
        if (sentAt.length === 0) {
          socket.end();
          resolve();
        }
      };
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        for (;;) {
          const headEnd = buffer.indexOf('\r\n\r\n');
          if (headEnd < 0) break;
          const head = buffer.subarray(0, headEnd).toString('latin1');
          const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
          if (buffer.length < headEnd + 4 + length) break;
          const status = Number(head.slice(9, 12));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          latencies.push(performance.now() - (sentAt.shift() ?? 0));
          answered += 1;
          buffer = buffer.subarray(headEnd + 4 + length);
        }
        send();
      });
      socket.on('error', reject);
      send();
    });

  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const socket = connect(Number(target.port), target.hostname);
      socket.setNoDelay(true);
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      await drive(socket);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    answers: answered,
    seconds,
    perSecond: answered / seconds,
    statuses,
    latenciesMs: latencies.sort((a, b) => a - b),
  };
}
