/**
 * /p/<post>: the share page for people without the app (server/share-page/). A personal link carries a
 * signed, expiring token (`?t=`): "Mark shared" then counts for that person, as the app's would. Without
 * one (a link in a channel post) it counts as a share from the channels. Plain forms, answered with a
 * redirect back to the page (post/redirect/get), so a reload never marks twice.
 */
import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { NETWORKS, type Network } from '../../common/domain.ts';
import type { EndpointPost } from '../../common/protocol.ts';
import { shareIntent } from '../../common/share/intents.ts';
import { kitFromPost } from '../../common/share/kit.ts';
import { NETWORK_LABELS } from '../../common/share/network-labels.ts';
import { utmLink } from '../../common/share/utm.ts';
import { uuidv7 } from '../../common/uuid.ts';
import type { ServerContext } from '../context.ts';
import { html } from '../dashboard/html.ts';
import { page } from '../dashboard/layout.ts';
import { sendPage } from '../dashboard/reply.ts';
import { linkCodes } from '../links/tracked-links.ts';
import { personOfToken } from '../security/person-token.ts';
import { recordPageShare } from '../share-page/page-shares.ts';
import { sharePage } from '../share-page/share-page-html.ts';
import { POST_REF_PATTERN, sharePagePost } from '../share-page/share-page-post.ts';

/** The share page's images are the blog's, and Mastodon's form leads to the person's own server. */
const SHARE_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' https:",
  "form-action 'self' https:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The UTM tag of a share nobody is named for: the blog's analytics see it came through a channel. */
const CHANNEL_SHARE_CODE = 'from-channel';

const EXPIRED_LINK =
  'This personal link has expired or is not valid, so shares you mark here count as shares from the channel. Ask for a new link, or share from the Advocate app.';

const Params = Type.Object({ ref: Type.String({ pattern: POST_REF_PATTERN }) }, { additionalProperties: false });
const Token = Type.Optional(Type.String({ maxLength: 200 }));

interface Sharer {
  readonly personId: number;
  readonly teamId: number | null;
}

const isNetwork = (value: string | undefined): value is Network => NETWORKS.some((network) => network === value);

function notFound(reply: FastifyReply): FastifyReply {
  return sendPage(
    reply,
    404,
    page(
      {
        title: 'Post not found',
        error: 'This post is not known here: the link may be mistyped, or the post was removed.',
      },
      html``,
    ),
  );
}

export function sharePageRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  /** The person a token names, while they are enrolled and active; null for none or a token not valid now. */
  async function sharerOf(token: string | undefined): Promise<Sharer | null> {
    if (token === undefined || token === '') return null;
    const personId = await personOfToken(context.db, 'share page', token, context.now());
    if (personId === null) return null;
    const person = await context.db
      .selectFrom('people')
      .select(['id', 'team_id'])
      .where('id', '=', personId)
      .where('deactivated_at', 'is', null)
      .executeTakeFirst();
    return person ? { personId: person.id, teamId: person.team_id } : null;
  }

  async function linksFor(
    post: EndpointPost,
    sharer: Sharer | null,
    publicUrl: string,
  ): Promise<Record<Network, string>> {
    const postKey = post.item.link;
    if (sharer === null)
      return Object.fromEntries(
        NETWORKS.map((network) => [network, utmLink(postKey, network, CHANNEL_SHARE_CODE)]),
      ) as Record<Network, string>;
    const codes = await linkCodes(context.db, sharer.personId, postKey, NETWORKS, context.now());
    return Object.fromEntries(
      NETWORKS.map((network) => {
        const code = codes.get(network);
        return [
          network,
          code === undefined ? utmLink(postKey, network, CHANNEL_SHARE_CODE) : new URL(`r/${code}`, publicUrl).href,
        ];
      }),
    ) as Record<Network, string>;
  }

  const back = (path: string, token: string | null, more: Record<string, string>): string => {
    const query = new URLSearchParams({ ...(token === null ? {} : { t: token }), ...more });
    return `${path}?${query.toString()}`;
  };

  return async (app) => {
    await app.register(formbody);
    // A link cut short or a form changed by hand: a page in words, as the rest of the page speaks.
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status =
        error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'share page failed');
      return sendPage(
        reply,
        status,
        page(
          {
            title: 'This page cannot be shown',
            error:
              status === 404
                ? 'This link is not a share page: it may be cut short or mistyped.'
                : status === 500
                  ? 'The endpoint failed to answer; the error is in its log. Try again in a moment.'
                  : 'This link or form is not one the share page made: open the link you were sent again.',
          },
          html``,
        ),
      );
    });
    app.addHook('onSend', async (_request, reply) => {
      void reply.header('content-security-policy', SHARE_PAGE_CSP);
    });

    app.get(
      '/p/:ref',
      {
        schema: {
          params: Params,
          querystring: Type.Object({ t: Token, shared: Type.Optional(Type.String({ maxLength: 20 })) }),
        },
      },
      async (request, reply) => {
        const post = await sharePagePost(context.db, request.params.ref);
        if (post === null) return notFound(reply);
        const { t, shared } = request.query;
        const sharer = await sharerOf(t);
        const token = sharer === null ? null : (t ?? null);
        const path = `/p/${request.params.ref}`;
        const expired = sharer === null && t !== undefined && t !== '';
        return sendPage(
          reply,
          200,
          sharePage({
            post,
            path,
            links: await linksFor(post, sharer, context.publicUrl(request)),
            token,
            notice: isNetwork(shared) ? `Marked shared on ${NETWORK_LABELS[shared]}. Thank you!` : null,
            error: expired ? EXPIRED_LINK : null,
          }),
        );
      },
    );

    app.post(
      '/p/:ref/shared',
      {
        schema: {
          params: Params,
          body: Type.Object({ network: Type.String({ maxLength: 20 }), t: Token }),
        },
      },
      async (request, reply) => {
        const post = await sharePagePost(context.db, request.params.ref);
        if (post === null) return notFound(reply);
        const { network, t } = request.body;
        const path = `/p/${request.params.ref}`;
        if (!isNetwork(network))
          return reply
            .code(303)
            .header('location', back(path, t ?? null, {}))
            .send();
        const sharer = await sharerOf(t);
        const at = context.now();
        if (sharer === null) await recordPageShare(context.db, post.item.link, network, at);
        else
          await context.events.write({
            submitter: sharer,
            events: [
              { id: uuidv7(at.getTime()), type: 'shared', postKey: post.item.link, network, at: at.toISOString() },
            ],
          });
        return reply
          .code(303)
          .header('location', back(path, sharer === null ? null : (t ?? null), { shared: network }))
          .send();
      },
    );

    app.get(
      '/p/:ref/mastodon',
      {
        schema: {
          params: Params,
          querystring: Type.Object({ instance: Type.String({ maxLength: 300 }), t: Token }),
        },
      },
      async (request, reply) => {
        const post = await sharePagePost(context.db, request.params.ref);
        if (post === null) return notFound(reply);
        const { instance, t } = request.query;
        const sharer = await sharerOf(t);
        const links = await linksFor(post, sharer, context.publicUrl(request));
        const intent = shareIntent(
          'mastodon',
          { text: kitFromPost(post.item).messages.mastodon, link: links.mastodon },
          { mastodonInstance: instance },
        );
        if (intent.kind === 'open') return reply.code(303).header('location', intent.url).send();
        return sendPage(
          reply,
          400,
          sharePage({
            post,
            path: `/p/${request.params.ref}`,
            links,
            token: sharer === null ? null : (t ?? null),
            notice: null,
            error: intent.reason,
          }),
        );
      },
    );
  };
}
