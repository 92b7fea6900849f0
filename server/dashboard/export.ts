/** CSV downloads: people (name, team, shares, clicks) and posts (title, shares and clicks per network). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NETWORKS } from '../../common/domain.ts';
import type { ServerContext } from '../context.ts';
import { postsReport } from '../reports/posts-report.ts';
import { toCsv } from './csv.ts';

const MAX_ROWS = 100_000;

export function exportRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    const download = (name: string) =>
      `attachment; filename="advocate-${name}-${context.now().toISOString().slice(0, 10)}.csv"`;

    app.get('/dashboard/export/people.csv', async (_request, reply) => {
      const people = await context.db
        .selectFrom('people')
        .leftJoin('teams', 'teams.id', 'people.team_id')
        .select(['people.display_name', 'teams.name as team', 'people.shares', 'people.clicks', 'people.created_at'])
        .orderBy('people.shares', 'desc')
        .orderBy('people.id')
        .limit(MAX_ROWS)
        .execute();
      const csv = toCsv(
        ['name', 'team', 'shares', 'clicks', 'enrolled'],
        people.map((person) => [
          person.display_name,
          person.team ?? '',
          person.shares,
          person.clicks,
          person.created_at,
        ]),
      );
      return reply.type('text/csv; charset=utf-8').header('content-disposition', download('people')).send(csv);
    });

    app.get('/dashboard/export/posts.csv', async (_request, reply) => {
      const posts = await postsReport(context.db, MAX_ROWS);
      const header = [
        'post',
        'title',
        'people',
        'shares',
        'clicks',
        'unique_visitors',
        ...NETWORKS.flatMap((network) => [`${network}_shares`, `${network}_clicks`]),
      ];
      const rows = posts.map((post) => [
        post.postKey,
        post.title ?? '',
        post.people,
        post.shares,
        post.clicks,
        post.uniqueVisitors,
        ...NETWORKS.flatMap((network) => [post.sharesBy.get(network) ?? 0, post.clicksBy.get(network) ?? 0]),
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', download('posts'))
        .send(toCsv(header, rows));
    });
    return Promise.resolve();
  };
}
