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
import { deleteKit, kitProblems, kitsVersion, listKits, readKitUrls, saveKit } from '../kits/kit-store.ts';
import { listBlockTerms } from '../compliance/block-list-store.ts';
import { withoutVariants } from '../kits/kit-variants.ts';
import { exampleTrackedLink } from '../links/example-link.ts';
import { readWebUrl } from '../posts/post-url.ts';
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
        const included = new Set(request.query.include?.split(',') ?? []);
        const withBlockList = included.has('blockList');
        const withVariants = included.has('variants');
        // Every answer moves with one version (a block-list change bumps it too), but each shape has its own tag.
        const version = `kits-${String(await kitsVersion(context.db))}${withBlockList ? '-blocklist' : ''}${withVariants ? '-variants' : ''}`;
        if (notModified(request, reply, etagOf(version))) return reply;
        const stored = await listKits(context.db);
        const kits = withVariants ? stored : stored.map(withoutVariants);
        return withBlockList ? { kits, blockList: await listBlockTerms(context.db) } : { kits };
      },
    );

    app.put(
      '/v1/kits',
      {
        onRequest: requireAdmin(context.db),
        schema: {
          body: ShareKitInputSchema,
          response: { 200: ShareKitSchema, 400: ErrorBodySchema, 422: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const read = readKitUrls(request.body, { postKey: 'body.postKey', imageUrl: 'body.imageUrl' });
        if ('problem' in read)
          return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: read.problem });
        const problems = kitProblems(read.kit, exampleTrackedLink(context.publicUrl(request)));
        if (problems.length > 0)
          return reply.code(422).send({ statusCode: 422, error: 'Unprocessable Entity', message: problems.join('; ') });
        // Answered in the shape written: with the variants only to a writer that sent some.
        const saved = await saveKit(context.db, read.kit, context.now());
        return read.kit.variants === undefined ? withoutVariants(saved) : saved;
      },
    );

    app.delete(
      '/v1/kits',
      { onRequest: requireAdmin(context.db), schema: { querystring: KitKeyQuerySchema } },
      async (request, reply) => {
        const post = readWebUrl('querystring.postKey', request.query.postKey);
        if ('problem' in post)
          return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: post.problem });
        const deleted = await deleteKit(context.db, post.href);
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
