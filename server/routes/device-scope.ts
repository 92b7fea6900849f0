/** Route options for calls made by an enrolled device: the token first, then the device's own rate limit. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireDevice } from '../auth/device-auth.ts';
import type { ServerContext } from '../context.ts';

export function deviceScope(app: Pick<FastifyInstance, 'createRateLimit'>, context: ServerContext) {
  // createRateLimit, not rateLimit(): the plugin runs only one of its hooks per request, and the
  // per-IP limit has already run by now.
  const limit = app.createRateLimit({
    max: context.rateLimits.perDevice,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `device:${String(request.caller?.deviceId)}`,
  });
  return {
    onRequest: requireDevice(context.db),
    preHandler: async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const verdict = await limit(request);
      if (verdict.isAllowed || !verdict.isExceeded) return;
      await reply
        .code(429)
        .header('retry-after', String(verdict.ttlInSeconds))
        .send({
          statusCode: 429,
          error: 'Too Many Requests',
          message: `this device sent more than ${String(verdict.max)} requests in a minute; retry in ${String(verdict.ttlInSeconds)} s`,
        });
    },
  };
}
