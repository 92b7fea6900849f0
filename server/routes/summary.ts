/** GET /v1/summary: the caller's results, the team's, the leaderboard and per-post counts; ETag and 304. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SummarySchema } from '../../common/protocol.ts';
import type { ServerContext } from '../context.ts';
import { etagOf, notModified } from '../http/etag.ts';
import { buildSummary } from '../summary/build-summary.ts';
import { deviceScope } from './device-scope.ts';

export function summaryRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.get(
      '/v1/summary',
      {
        ...deviceScope(app, context),
        schema: {
          // Open: a desktop newer than this endpoint may ask for parts it does not have yet.
          querystring: Type.Object({ include: Type.Optional(Type.String({ maxLength: 200 })) }),
          response: { 200: SummarySchema },
        },
      },
      async (request, reply) => {
        const caller = request.caller;
        if (!caller) throw new Error('device scope without a caller');
        const parts = new Set((request.query.include ?? '').split(','));
        const summary = await buildSummary(context.db, caller, context.now(), {
          withConversions: parts.has('conversions'),
        });
        if (notModified(request, reply, etagOf(JSON.stringify(summary)))) return reply;
        return summary;
      },
    );
    return Promise.resolve();
  };
}
