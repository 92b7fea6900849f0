/** POST /v1/events: a batch of share events from one device, each answered created, duplicate or rejected. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EventBatchSchema, EventResultsSchema, type EventResults } from '../../common/protocol.ts';
import type { ServerContext } from '../context.ts';
import { screenEvents } from '../shares/screen-events.ts';
import { deviceScope } from './device-scope.ts';

export function eventsRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.post(
      '/v1/events',
      { ...deviceScope(app, context), schema: { body: EventBatchSchema, response: { 200: EventResultsSchema } } },
      async (request): Promise<EventResults> => {
        const caller = request.caller;
        if (!caller) throw new Error('device scope without a caller');
        const batch = await screenEvents(request.body.events, context.hosts);
        const stored =
          batch.toStore.length === 0 ? [] : await context.events.write({ submitter: caller, events: batch.toStore });
        const results = batch.answers(stored);
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
