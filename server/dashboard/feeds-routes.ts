/** The dashboard's Feeds page and its forms (behind the session and CSRF checks of signed-in.ts). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { checkFeed } from '../../feeds/index.ts';
import type { ServerContext } from '../context.ts';
import { addFeed, listFeeds, removeFeed, renewPingSecret } from '../feeds/feed-catalogue.ts';
import { subscriptionsByFeed } from '../websub/subscriptions.ts';
import { FeedUrlFormSchema } from './forms.ts';
import { feedsPage, type FeedsPageOptions } from './pages/feeds.ts';
import { sendPage } from './reply.ts';
import { sessionOf } from './session.ts';

const FEED_NOTICES = {
  removed: 'Feed removed. Its posts are no longer served; shares already counted stay counted.',
  'not-there': 'That feed was already removed.',
} as const;
const FeedsQuerySchema = Type.Object(
  { done: Type.Optional(Type.Enum(Object.keys(FEED_NOTICES) as (keyof typeof FEED_NOTICES)[])) },
  { additionalProperties: false },
);

export function feedsRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    const { db } = context;
    const pingUrl = (request: FastifyRequest, secret: string): string =>
      new URL(`v1/feeds/ping?secret=${secret}`, context.publicUrl(request)).href;
    const show = async (request: FastifyRequest, options: Omit<FeedsPageOptions, 'csrfToken'>) =>
      feedsPage(
        await listFeeds(db),
        { subscriptions: await subscriptionsByFeed(db), subscribing: context.webSub.subscribing },
        { ...options, csrfToken: sessionOf(request).csrfToken },
      );
    const plain = { notice: null, error: null, typed: '', pingUrl: null } as const;

    app.get('/dashboard/feeds', { schema: { querystring: FeedsQuerySchema } }, async (request, reply) => {
      const done = request.query.done;
      return sendPage(reply, 200, await show(request, { ...plain, notice: done ? FEED_NOTICES[done] : null }));
    });

    // Answered with the page itself, not a redirect: the ping URL cannot travel in a link.
    app.post('/dashboard/feeds', { schema: { body: FeedUrlFormSchema } }, async (request, reply) => {
      const typed = request.body.url.trim();
      const added = await addFeed(db, await checkFeed(fetch, typed), context.now());
      if (!added.ok) return sendPage(reply, 422, await show(request, { ...plain, typed, error: `${added.reason}.` }));
      context.feedPoller?.wake();
      const found = added.discoveredFrom === null ? '' : ` (found behind ${added.discoveredFrom})`;
      return sendPage(
        reply,
        200,
        await show(request, {
          ...plain,
          notice: `Added ${added.feed.title || added.feed.url}${found}. The endpoint reads it within seconds.`,
          pingUrl: { feed: added.feed.title || added.feed.url, url: pingUrl(request, added.pingSecret) },
        }),
      );
    });

    app.post('/dashboard/feeds/ping-url', { schema: { body: FeedUrlFormSchema } }, async (request, reply) => {
      const secret = await renewPingSecret(db, request.body.url);
      if (secret === null) return reply.redirect('/dashboard/feeds?done=not-there', 303);
      return sendPage(
        reply,
        200,
        await show(request, {
          ...plain,
          notice: 'A new ping URL was made; the old one no longer works.',
          pingUrl: { feed: request.body.url, url: pingUrl(request, secret) },
        }),
      );
    });

    app.post('/dashboard/feeds/remove', { schema: { body: FeedUrlFormSchema } }, async (request, reply) => {
      const removed = await removeFeed(db, request.body.url, context.now());
      return reply.redirect(`/dashboard/feeds?done=${removed ? 'removed' : 'not-there'}`, 303);
    });
    return Promise.resolve();
  };
}
