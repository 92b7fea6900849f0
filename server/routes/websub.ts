/**
 * The WebSub callback, `/v1/feeds/websub/<token>`: the hub's verification GETs and its content
 * notifications (POST, signed with the subscription's secret). A notification whose signature holds
 * is a ping of its feed (the poller reads it within seconds); the pushed body itself is not trusted
 * as the feed: the feed is read from its own address, with everything the engine checks.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DEFAULT_LIMITS } from '../../feeds/index.ts';
import type { ServerContext } from '../context.ts';
import { pingFeed } from '../feeds/feed-catalogue.ts';
import { checkSignature } from '../websub/signature.ts';
import { notificationTarget } from '../websub/subscriptions.ts';
import { answerVerification } from '../websub/verification.ts';

const ParamsSchema = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) });
const optional = Type.Optional(Type.String({ maxLength: 4096 }));
// Hubs may add parameters of their own (WebSub 5.3): those are allowed and ignored.
const VerificationQuerySchema = Type.Object(
  {
    'hub.mode': optional,
    'hub.topic': optional,
    'hub.challenge': optional,
    'hub.lease_seconds': optional,
    'hub.reason': optional,
  },
  { additionalProperties: true },
);

const gone = {
  statusCode: 410,
  error: 'Gone',
  message: 'this endpoint no longer follows that feed: end the subscription',
};

export function webSubRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    // This plugin only: a notification's body is kept as bytes, whatever its type, for the signature.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: DEFAULT_LIMITS.maxBytes }, (_request, body, done) => {
      done(null, body);
    });
    app.get(
      '/v1/feeds/websub/:token',
      { schema: { params: ParamsSchema, querystring: VerificationQuerySchema } },
      async (request, reply) => {
        const answer = await answerVerification(
          context.db,
          request.params.token,
          request.query,
          context.webSub.askedLeaseSeconds,
          context.now(),
        );
        request.log.info({ mode: request.query['hub.mode'], answer: answer.kind }, 'websub verification');
        if (answer.kind === 'challenge')
          return reply.code(200).type('text/plain; charset=utf-8').send(answer.challenge);
        if (answer.kind === 'noted') return reply.code(200).send();
        return reply.code(404).send({
          statusCode: 404,
          error: 'Not Found',
          message: 'this endpoint asked for no such subscription',
        });
      },
    );
    app.post(
      '/v1/feeds/websub/:token',
      { bodyLimit: DEFAULT_LIMITS.maxBytes, schema: { params: ParamsSchema } },
      async (request, reply) => {
        const target = await notificationTarget(context.db, request.params.token);
        if (target === undefined || target.feedUrl === null) return reply.code(410).send(gone);
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signature = request.headers['x-hub-signature'];
        const check = checkSignature(typeof signature === 'string' ? signature : undefined, body, target.secret);
        if (!check.ok) {
          request.log.warn({ feed: target.feedUrl, reason: check.reason }, 'websub notification refused');
          return reply.code(403).send({
            statusCode: 403,
            error: 'Forbidden',
            message: `${check.reason}: the feed is not read for it`,
          });
        }
        const ping = await pingFeed(context.db, { url: target.feedUrl }, context.now());
        if (ping === null) return reply.code(410).send(gone);
        context.feedPoller?.wake();
        request.log.info({ feed: ping.feed }, 'websub notification');
        return reply.code(202).send({ feed: ping.feed, readAt: ping.readAt });
      },
    );
    return Promise.resolve();
  };
}
