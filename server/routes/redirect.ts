/**
 * GET /r/<code>: 302 to the post with UTM tags, counting the click. Not counted: HEAD requests,
 * link-preview bots and crawlers (isbot), and requests without a user agent. No IP address is stored.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SHARE_CODE_PATTERN } from '../../common/share/utm.ts';
import type { ServerContext } from '../context.ts';
import { isHumanClick } from '../links/human-click.ts';

const NOT_FOUND_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Link not found</title><p>This link is not known here. It may have been mistyped.</p></html>';

export function redirectRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.get(
      '/r/:code',
      {
        schema: {
          params: Type.Object({ code: Type.String({ pattern: SHARE_CODE_PATTERN }) }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const { code } = request.params;
        const target = await context.links.resolve(code);
        if (!target) return reply.code(404).type('text/html; charset=utf-8').send(NOT_FOUND_PAGE);
        const userAgent = request.headers['user-agent'];
        if (isHumanClick(request.method, userAgent)) {
          const now = context.now();
          context.clicks.record({
            code,
            postKey: target.postKey,
            clickedAt: now.toISOString(),
            visitor: await context.visitors.hash(request.ip, userAgent ?? '', now),
          });
        }
        // no-store: every click must reach us to be counted, not be answered by a cache on the way.
        return reply.code(302).header('cache-control', 'no-store').header('location', target.location).send();
      },
    );
    return Promise.resolve();
  };
}
