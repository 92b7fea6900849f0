/** Conditional GET: answer 304 when the client already holds this version. */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const etagOf = (text: string): string =>
  `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;

/** True when a 304 was sent; otherwise the ETag is set and the caller sends the body. */
export function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  // Private: the answer depends on the caller; no-cache: always revalidate, which is what the ETag is for.
  void reply.header('etag', etag).header('cache-control', 'private, no-cache');
  const sent = request.headers['if-none-match'];
  if (sent === undefined || !sent.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return false;
  void reply.code(304).send();
  return true;
}
