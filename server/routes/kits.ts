/**
 * Share kits over the API: devices read them (GET, ETag), marketing writes them with the admin token
 * (PUT to save one, DELETE to remove one). The dashboard's editor uses the same store.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBodySchema,
  KitKeyQuerySchema,
  KitsQuerySchema,
  KitsResponseSchema,
  ShareKitInputSchema,
  ShareKitSchema,
} from '../../common/protocol.ts';
import { requireAdmin } from '../auth/admin-auth.ts';
import type { ServerContext } from '../context.ts';
import { etagOf, notModified } from '../http/etag.ts';
import { deleteKit, kitProblems, kitsVersion, listKits, saveKit } from '../kits/kit-store.ts';
import { listBlockTerms } from '../compliance/block-list-store.ts';
import { exampleTrackedLink } from '../links/example-link.ts';
import { deviceScope } from './device-scope.ts';

export function kitsRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.get(
      '/v1/kits',
      {
        ...deviceScope(app, context),
        schema: { querystring: KitsQuerySchema, response: { 200: KitsResponseSchema } },
      },
      async (request, reply) => {
        const withBlockList = request.query.include === 'blockList';
        // Both answers move with one version (a block-list change bumps it too), but are told apart.
        const version = `kits-${String(await kitsVersion(context.db))}${withBlockList ? '-blocklist' : ''}`;
        if (notModified(request, reply, etagOf(version))) return reply;
        const kits = await listKits(context.db);
        return withBlockList ? { kits, blockList: await listBlockTerms(context.db) } : { kits };
      },
    );

    app.put(
      '/v1/kits',
      {
        onRequest: requireAdmin(context.db),
        schema: { body: ShareKitInputSchema, response: { 200: ShareKitSchema, 422: ErrorBodySchema } },
      },
      async (request, reply) => {
        const problems = kitProblems(request.body, exampleTrackedLink(context.publicUrl(request)));
        if (problems.length > 0)
          return reply.code(422).send({ statusCode: 422, error: 'Unprocessable Entity', message: problems.join('; ') });
        return saveKit(context.db, request.body, context.now());
      },
    );

    app.delete(
      '/v1/kits',
      { onRequest: requireAdmin(context.db), schema: { querystring: KitKeyQuerySchema } },
      async (request, reply) => {
        const deleted = await deleteKit(context.db, request.query.postKey);
        return reply
          .code(deleted ? 204 : 404)
          .send(
            deleted ? undefined : { statusCode: 404, error: 'Not Found', message: 'there is no kit for this post' },
          );
      },
    );
    return Promise.resolve();
  };
}
