/**
 * POST /v1/links: the caller's tracked /r/ links for one post, one per network asked for. Only for a
 * post on one of the organisation's sites: a link on the company's domain must never lead elsewhere.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBodySchema, LinksRequestSchema, LinksResponseSchema, type LinksResponse } from '../../common/protocol.ts';
import type { ServerContext } from '../context.ts';
import { linkCodes } from '../links/tracked-links.ts';
import { readPostUrl } from '../posts/post-url.ts';
import { UNKNOWN_POST, unknownPostClaims } from '../shares/known-posts.ts';
import { deviceScope } from './device-scope.ts';

export function linksRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.post(
      '/v1/links',
      {
        ...deviceScope(app, context),
        schema: {
          body: LinksRequestSchema,
          response: { 200: LinksResponseSchema, 400: ErrorBodySchema, 422: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const caller = request.caller;
        if (!caller) throw new Error('device scope without a caller');
        const { networks } = request.body;
        const post = await readPostUrl('body.postKey', request.body.postKey, context.hosts);
        if ('problem' in post)
          return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: post.problem });
        const unknown = await unknownPostClaims(
          context.db,
          [{ personId: caller.personId, postKey: post.href, type: 'shared' }],
          context.allowOutsidePosts,
        );
        if (unknown.size > 0)
          return reply.code(422).send({
            statusCode: 422,
            error: 'Unprocessable Entity',
            message: `${UNKNOWN_POST}: ${post.href} is none of the organisation's feeds' posts`,
          });
        const codes = await linkCodes(context.db, caller.personId, post.href, networks, context.now());
        const base = context.publicUrl(request);
        const answer: LinksResponse = {
          links: networks.flatMap((network) => {
            const code = codes.get(network);
            return code === undefined ? [] : [{ network, code, url: new URL(`r/${code}`, base).href }];
          }),
        };
        return answer;
      },
    );
    return Promise.resolve();
  };
}
