/** Route options for calls made by an enrolled device: the token first, then its own rate limit. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireDevice } from '../auth/device-auth.ts';
import type { ServerContext } from '../context.ts';

export function deviceScope(app: Pick<FastifyInstance, 'rateLimit'>, context: ServerContext) {
  return {
    onRequest: requireDevice(context.db),
    preHandler: app.rateLimit({
      max: context.rateLimits.perDevice,
      timeWindow: 60_000,
      keyGenerator: (request: FastifyRequest) => `device:${String(request.caller?.deviceId)}`,
    }),
  };
}
