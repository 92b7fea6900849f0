/** GET /v1/posts: the organisation's posts for desktops, by `since` cursor, with an ETag that costs one row. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBodySchema, PostsQuerySchema, PostsResponseSchema } from '../../common/protocol.ts';
import type { ServerContext } from '../context.ts';
import { postsPage, readCursor } from '../feeds/posts-page.ts';
import { postsVersion } from '../feeds/posts-version.ts';
import { etagOf, notModified } from '../http/etag.ts';
import { deviceScope } from './device-scope.ts';

export function postsRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.get(
      '/v1/posts',
      {
        ...deviceScope(app, context),
        schema: { querystring: PostsQuerySchema, response: { 200: PostsResponseSchema, 400: ErrorBodySchema } },
      },
      async (request, reply) => {
        const after = readCursor(request.query.since);
        if (after === null)
          return reply.code(400).send({
            statusCode: 400,
            error: 'Bad Request',
            message: 'querystring.since must be the cursor of an earlier answer (digits)',
          });
        const version = await postsVersion(context.db);
        if (notModified(request, reply, etagOf(`posts-${String(version)}-${request.query.since ?? ''}`))) return reply;
        return postsPage(context.db, after, version);
      },
    );
    return Promise.resolve();
  };
}
