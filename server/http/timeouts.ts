/**
 * How long a client may take. Without limits a body that declares 100 bytes and sends 2 held its
 * socket for good, and a few hundred such sockets would take the endpoint's connections.
 */
import type { FastifyInstance } from 'fastify';
import { TOO_SLOW, writeRawAnswer } from './client-errors.ts';

export interface Timeouts {
  /** The whole request, headers and body, must have arrived within this (a slow drip is cut too). */
  readonly requestMs: number;
  /** A connection on which nothing moves for this long is closed. */
  readonly idleMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { requestMs: 30_000, idleMs: 60_000 };

/** Fastify's options for them: Node's own request timeout covers the headers. */
export function timeoutOptions(timeouts: Timeouts) {
  return {
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    // Node looks for requests past their time on this interval (30 s by default, as long as the timeout
    // itself): a tenth of it cuts slow headers within 10 % of the limit.
    http: { connectionsCheckingInterval: Math.max(10, Math.min(30_000, Math.round(timeouts.requestMs / 10))) },
  };
}

/**
 * The body: Node stops timing a request once its headers are in, so a body still arriving when the
 * request's time is up is cut here, answered 408 and its connection ended.
 */
export function cutSlowBodies(app: FastifyInstance, timeouts: Timeouts): void {
  app.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw;
    if (!raw.complete) {
      const timer = setTimeout(() => {
        request.log.info({ method: request.method, path: request.url.split('?')[0] }, 'request body too slow, cut');
        writeRawAnswer(raw.socket, 408, TOO_SLOW, request.method === 'HEAD');
      }, timeouts.requestMs);
      const stop = (): void => clearTimeout(timer);
      raw.once('end', stop).once('close', stop);
      reply.raw.once('finish', stop).once('close', stop);
    }
    done();
  });
}
