/**
 * JSON is UTF-8 (RFC 8259) and so are our forms. A body that says it is in another charset would be
 * read as UTF-8 anyway and mean something else than its sender meant: refuse it with 415 instead.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export async function refuseOtherCharsets(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset === undefined || charset.toLowerCase() === 'utf-8' || charset.toLowerCase() === 'utf8') return;
  await reply
    .code(415)
    .send({ statusCode: 415, error: 'Unsupported Media Type', message: `bodies must be UTF-8, not ${charset}` });
}
