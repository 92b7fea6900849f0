/** POST /v1/events: a batch of share events, stored insert-or-ignore so a retry never counts twice. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EventBatchSchema, EventResultsSchema, type EventResults } from '../../common/protocol.ts';
import type { Db } from '../database.ts';

export function eventsRoutes(db: Db): FastifyPluginAsyncTypebox {
  return (app) => {
    app.post(
      '/v1/events',
      { schema: { body: EventBatchSchema, response: { 200: EventResultsSchema } } },
      async (request): Promise<EventResults> => {
        const receivedAt = new Date().toISOString();
        const { events } = request.body;
        const created = await db.transaction().execute(async (trx) => {
          const inserted = await trx
            .insertInto('share_events')
            .values(events.map((event) => ({ id: event.id, type: event.type, post_key: event.postKey, network: event.network, at: event.at, received_at: receivedAt })))
            .onConflict((conflict) => conflict.column('id').doNothing())
            .returning('id')
            .execute();
          return new Set(inserted.map((row) => row.id));
        });
        return { results: events.map((event) => ({ id: event.id, status: created.has(event.id) ? 'created' : 'duplicate' })) };
      },
    );
    return Promise.resolve();
  };
}
