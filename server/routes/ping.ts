/**
 * POST /v1/feeds/ping: "read this feed now", from a CMS on publish. The feed's own ping secret in the
 * query (a webhook URL is all most CMSs let you set), or the admin token with the feed's address. The
 * body is whatever the CMS sends (Ghost sends the whole post, WordPress plugins a form): it is read
 * and ignored, in any content type.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isAdminToken } from '../admin/organisation.ts';
import { bearerToken } from '../auth/device-auth.ts';
import type { ServerContext } from '../context.ts';
import { pingFeed } from '../feeds/feed-catalogue.ts';

const PING_BODY_LIMIT = 1024 * 1024;

const PingQuerySchema = Type.Object(
  {
    secret: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' })),
    url: Type.Optional(Type.String({ minLength: 8, maxLength: 2048 })),
  },
  { additionalProperties: false },
);

const unauthorized = {
  statusCode: 401,
  error: 'Unauthorized',
  message:
    'this needs the feed\'s ping secret (?secret=…, shown when the feed was added) or the admin token ("Authorization: Bearer <admin token>") with ?url=<feed address>',
};

export function pingRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    // This plugin only: every body is taken as bytes and dropped.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: PING_BODY_LIMIT }, (_request, _body, done) => {
      done(null, undefined);
    });
    app.post(
      '/v1/feeds/ping',
      { bodyLimit: PING_BODY_LIMIT, schema: { querystring: PingQuerySchema } },
      async (request, reply) => {
        const { secret, url } = request.query;
        const token = bearerToken(request);
        let by: { secret: string } | { url: string };
        if (secret !== undefined) by = { secret };
        else if (token !== null && (await isAdminToken(context.db, token))) {
          if (url === undefined)
            return reply.code(400).send({
              statusCode: 400,
              error: 'Bad Request',
              message: 'name the feed to read: ?url=<the feed address, as list-feeds shows it>',
            });
          by = { url };
        } else return reply.code(401).send(unauthorized);
        const at = context.now();
        const answer = await pingFeed(context.db, by, at);
        if (answer === null)
          return 'secret' in by
            ? reply.code(401).send({
                ...unauthorized,
                message: 'this ping secret belongs to none of the feeds (it may have been renewed)',
              })
            : reply.code(404).send({
                statusCode: 404,
                error: 'Not Found',
                message: `${by.url} is not one of the organisation's feeds`,
              });
        context.feedPoller?.wake();
        request.log.info({ feed: answer.feed }, 'feed pinged');
        return reply.code(202).send({
          ...answer,
          message:
            answer.readAt === at.toISOString()
              ? 'the feed is read within seconds; desktops get new posts on their next poll'
              : `the feed's server asked us to wait; it is read at ${answer.readAt}`,
        });
      },
    );
    return Promise.resolve();
  };
}
