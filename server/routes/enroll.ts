/** POST /v1/enroll: an enrollment code for a device token. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EnrollRequestSchema, EnrollResponseSchema, ErrorBodySchema } from '../../common/protocol.ts';
import { enroll } from '../admin/enroll.ts';
import type { ServerContext } from '../context.ts';
import { refuse } from './refuse.ts';

export function enrollRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.post(
      '/v1/enroll',
      {
        schema: {
          body: EnrollRequestSchema,
          response: { 200: EnrollResponseSchema, 400: ErrorBodySchema, 403: ErrorBodySchema, 409: ErrorBodySchema },
        },
        config: { rateLimit: { max: context.rateLimits.enrollPerIp, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const outcome = await enroll(context.db, request.body, context.now());
        if (!outcome.ok) return refuse(reply, outcome.status, outcome.reason);
        // IT reading the log sees lost answers come back, not a second person.
        request.log.info(
          outcome.again ? 'device enrolled again (the answer to its first try was lost)' : 'device enrolled',
        );
        return outcome.answer;
      },
    );
    return Promise.resolve();
  };
}
