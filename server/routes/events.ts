/** POST /v1/events: a batch of share events from one device, each answered created, duplicate or rejected. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EventBatchSchema, EventResultsSchema, type EventResults } from '../../common/protocol.ts';
import type { ServerContext } from '../context.ts';
import { deviceScope } from './device-scope.ts';

export function eventsRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.post(
      '/v1/events',
      { ...deviceScope(app, context), schema: { body: EventBatchSchema, response: { 200: EventResultsSchema } } },
      async (request): Promise<EventResults> => {
        const caller = request.caller;
        if (!caller) throw new Error('device scope without a caller');
        const results = await context.events.write({ submitter: caller, events: request.body.events });
        request.log.info(
          {
            deviceId: caller.deviceId,
            events: results.length,
            created: results.filter((result) => result.status === 'created').length,
          },
          'events stored',
        );
        return { results };
      },
    );
    return Promise.resolve();
  };
}
