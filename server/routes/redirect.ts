/**
 * GET /r/<code>: 302 to the post with UTM tags, counting the click. Not counted: HEAD requests,
 * link-preview bots and crawlers (isbot), and requests without a user agent. No IP address is stored.
 * A link is followed only to one of the organisation's sites, checked at every visit: links made before
 * the check existed may point anywhere.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SHARE_CODE_PATTERN, utmLink } from '../../common/share/utm.ts';
import type { ServerContext } from '../context.ts';
import { isHumanClick } from '../links/human-click.ts';
import { readPostUrl } from '../posts/post-url.ts';

const page = (title: string, text: string): string =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><p>${text}</p></html>`;
const NOT_FOUND_PAGE = page('Link not found', 'This link is not known here. It may have been mistyped.');
const NOT_FOLLOWED_PAGE = page(
  'Link not followed',
  "This link does not lead to one of the organisation's sites, so it is not followed.",
);

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
        const post = await readPostUrl('the post', target.postKey, context.hosts);
        if ('problem' in post) {
          request.log.warn({ reason: post.problem }, 'tracked link not followed');
          return reply.code(403).type('text/html; charset=utf-8').send(NOT_FOLLOWED_PAGE);
        }
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
        return reply
          .code(302)
          .header('cache-control', 'no-store')
          .header('location', utmLink(post.href, target.network, code))
          .send();
      },
    );
    return Promise.resolve();
  };
}
