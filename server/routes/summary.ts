/** GET /v1/summary: share counts per post (shares minus take-backs, never below zero). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { SummarySchema, type Summary } from '../../common/protocol.ts';
import type { Db } from '../database.ts';

export function summaryRoutes(db: Db): FastifyPluginAsyncTypebox {
  return (app) => {
    app.get('/v1/summary', { schema: { response: { 200: SummarySchema } } }, async (): Promise<Summary> => {
      const rows = await db
        .selectFrom('share_events')
        .select(['post_key', sql<number>`sum(case when type = 'shared' then 1 else -1 end)`.as('net')])
        .groupBy('post_key')
        .execute();
      return { posts: rows.map((row) => ({ postKey: row.post_key, shares: Math.max(0, row.net) })) };
    });
    return Promise.resolve();
  };
}
