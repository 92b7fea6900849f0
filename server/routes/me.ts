/** PATCH /v1/me: the calling person's display name and team, as changed in the desktop's settings. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBodySchema, MeSchema, MeUpdateSchema } from '../../common/protocol.ts';
import { updateProfile } from '../admin/profile.ts';
import type { ServerContext } from '../context.ts';
import { refuse } from './refuse.ts';
import { deviceScope } from './device-scope.ts';

export function meRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.patch(
      '/v1/me',
      {
        ...deviceScope(app, context),
        schema: { body: MeUpdateSchema, response: { 200: MeSchema, 400: ErrorBodySchema, 403: ErrorBodySchema } },
      },
      async (request, reply) => {
        const caller = request.caller;
        if (!caller) throw new Error('device scope without a caller');
        const outcome = await updateProfile(context.db, caller, request.body);
        if (!outcome.ok) return refuse(reply, outcome.status, outcome.reason);
        request.log.info({ device: caller.deviceId }, 'profile changed');
        return outcome.me;
      },
    );
    return Promise.resolve();
  };
}
