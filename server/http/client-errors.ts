/**
 * Answers written straight to the socket, for requests Fastify cannot answer itself: those Node cannot
 * read as HTTP (Fastify's own answer says "Client Error" and gives a HEAD a body, which a client then
 * reads as the start of its next answer), and those that took too long to arrive. Each says what
 * happened, carries the usual security headers, has no body for a HEAD, and ends the connection.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SECURITY_HEADERS } from '../security/headers.ts';

interface ClientError extends Error {
  readonly code?: string;
  /** The bytes Node read before it gave up, on parse errors (a Buffer). */
  readonly rawPacket?: unknown;
}

export const TOO_SLOW = 'the request took too long to arrive, so nothing was done; send it again';

export function writeRawAnswer(socket: Socket, status: number, message: string, isHead: boolean): void {
  if (socket.writable) {
    const reason = STATUS_CODES[status] ?? 'Error';
    const body = JSON.stringify({ statusCode: status, error: reason, message });
    const headers = {
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`HTTP/1.1 ${String(status)} ${reason}\r\n${head}\r\n${isHead ? '' : body}`);
  }
  socket.destroySoon();
}

function answerFor(error: ClientError): { readonly status: number; readonly message: string } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, message: TOO_SLOW };
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, message: 'the request headers are too large, so nothing was done' };
  return { status: 400, message: 'the request is not well-formed HTTP, so nothing was done' };
}

/** Fastify's `clientErrorHandler`. */
export function answerClientError(this: FastifyInstance, error: ClientError, socket: Socket): void {
  // A connection reset has nothing left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  this.log.debug({ code: error.code }, 'unreadable request');
  const { status, message } = answerFor(error);
  const isHead = Buffer.isBuffer(error.rawPacket) && error.rawPacket.subarray(0, 5).toString('latin1') === 'HEAD ';
  writeRawAnswer(socket, status, message, isHead);
}
