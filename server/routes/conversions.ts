/**
 * POST /v1/conversions: a landing page reports a conversion (a sign-up, a demo request) against the share
 * code its visitor arrived with (utm_content of a tracked link). Called from the organisation's own pages,
 * so it answers CORS for them; the body may come as JSON or as text (navigator.sendBeacon sends text,
 * which needs no preflight). The site key is write-only and works only from its origins; personal data
 * is refused before anything is read further.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConversionRequestSchema } from '../../common/protocol.ts';
import type { ServerContext } from '../context.ts';
import { recordConversion } from '../conversions/conversion-store.ts';
import { personalDataIn } from '../conversions/personal-data.ts';
import { activeSiteKey } from '../conversions/site-keys.ts';
import { refuse } from './refuse.ts';

const CONVERSION_BODY_LIMIT = 2048;
/** Per address: a page reports once per visitor action; more than this is not a person. */
const CONVERSIONS_PER_IP = 120;
/** Fields that are codes by their pattern: random letters and digits, never a person's data. */
const CODE_FIELDS = new Set(['siteKey', 'code']);

class RefusedBody extends Error {
  readonly statusCode: number;
  constructor(statusCode: number, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

/** Parses the body and refuses it whole when any text in it (but the codes) is an email address or phone number. */
function readBody(text: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RefusedBody(400, 'the body is not JSON: send {"siteKey", "code", "kind", "value"}');
  }
  const texts =
    body !== null && typeof body === 'object'
      ? Object.entries(body as Record<string, unknown>)
          .filter(([field]) => !CODE_FIELDS.has(field))
          .map(([, value]) => JSON.stringify(value))
      : [];
  for (const value of texts) {
    const found = personalDataIn(value);
    if (found !== null)
      throw new RefusedBody(
        422,
        `conversions carry no personal data, and this one carries ${found}: send only the share code, a kind and a value`,
      );
  }
  return body;
}

function allowOrigin(request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (origin !== undefined) void reply.header('access-control-allow-origin', origin).header('vary', 'origin');
}

export function conversionsRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      ['application/json', 'text/plain'],
      { parseAs: 'string', bodyLimit: CONVERSION_BODY_LIMIT },
      (_request, body, done) => {
        try {
          done(null, readBody(String(body)));
        } catch (error) {
          done(error as RefusedBody, undefined);
        }
      },
    );
    // Any page may ask; only a key's own origins get a conversion counted.
    app.options('/v1/conversions', (request, reply) => {
      allowOrigin(request, reply);
      return reply
        .code(204)
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '600')
        .send();
    });
    app.post(
      '/v1/conversions',
      {
        bodyLimit: CONVERSION_BODY_LIMIT,
        config: { rateLimit: { max: CONVERSIONS_PER_IP, timeWindow: 60_000 } },
        schema: { body: ConversionRequestSchema },
        onRequest: (request, reply, done) => {
          allowOrigin(request, reply);
          done();
        },
      },
      async (request, reply) => {
        const { siteKey, code, kind, value } = request.body;
        const key = await activeSiteKey(context.db, siteKey);
        if (key === null)
          return refuse(
            reply,
            401,
            'this site key is not one of this endpoint, or was revoked: ask the Advocate admin',
          );
        const origin = request.headers.origin;
        if (origin === undefined || !key.origins.includes(origin))
          return refuse(
            reply,
            403,
            `this site key works only on pages of ${key.origins.join(', ')}${origin === undefined ? '' : `, not ${origin}`}`,
          );
        const recorded = await recordConversion(
          context.db,
          { code, kind, value: value ?? null, siteKeyId: key.id },
          context.now(),
        );
        if (!recorded)
          return refuse(reply, 404, 'this share code is not one of this endpoint’s tracked links; nothing was counted');
        return reply.code(204).send();
      },
    );
    return Promise.resolve();
  };
}
