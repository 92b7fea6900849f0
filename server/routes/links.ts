/** POST /v1/links: the caller's tracked /r/ links for one post, one per network asked for. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LinksRequestSchema, LinksResponseSchema, type LinksResponse } from '../../common/protocol.ts';
import type { ServerContext } from '../context.ts';
import { linkCodes } from '../links/tracked-links.ts';
import { deviceScope } from './device-scope.ts';

export function linksRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.post(
      '/v1/links',
      { ...deviceScope(app, context), schema: { body: LinksRequestSchema, response: { 200: LinksResponseSchema } } },
      async (request): Promise<LinksResponse> => {
        const caller = request.caller;
        if (!caller) throw new Error('device scope without a caller');
        const { postKey, networks } = request.body;
        const codes = await linkCodes(context.db, caller.personId, postKey, networks, context.now());
        const base = context.publicUrl(request);
        return {
          links: networks.flatMap((network) => {
            const code = codes.get(network);
            return code === undefined ? [] : [{ network, code, url: new URL(`r/${code}`, base).href }];
          }),
        };
      },
    );
    return Promise.resolve();
  };
}
