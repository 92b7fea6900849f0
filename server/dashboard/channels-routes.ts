/** The dashboard's Channels page and its forms (behind the session and CSRF checks of signed-in.ts). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { testPost } from '../channels/channel-post.ts';
import { addChannel, getChannel, listChannels, readTeamList, removeChannel } from '../channels/channel-store.ts';
import { sendToChannel } from '../channels/send-to-channel.ts';
import type { ServerContext } from '../context.ts';
import { ChannelFormSchema, CsrfOnlyFormSchema, IdParamsSchema } from './forms.ts';
import { EMPTY_CHANNEL_FORM, channelsPage, type ChannelsPageOptions } from './pages/channels.ts';
import { sendPage } from './reply.ts';
import { sessionOf } from './session.ts';

const CHANNEL_NOTICES = {
  added: 'Channel added. It gets every new post from now on.',
  removed: 'Channel removed. Nothing more is sent to it.',
  'not-there': 'That channel was already removed.',
} as const;
const ChannelsQuerySchema = Type.Object(
  { done: Type.Optional(Type.Enum(Object.keys(CHANNEL_NOTICES) as (keyof typeof CHANNEL_NOTICES)[])) },
  { additionalProperties: false },
);

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export function channelsRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    const { db } = context;
    const show = async (request: FastifyRequest, options: Omit<ChannelsPageOptions, 'csrfToken'>) =>
      channelsPage(await listChannels(db), { ...options, csrfToken: sessionOf(request).csrfToken });
    const plain = { notice: null, error: null, typed: EMPTY_CHANNEL_FORM, secret: null } as const;

    app.get('/dashboard/channels', { schema: { querystring: ChannelsQuerySchema } }, async (request, reply) => {
      const done = request.query.done;
      return sendPage(reply, 200, await show(request, { ...plain, notice: done ? CHANNEL_NOTICES[done] : null }));
    });

    // Answered with the page itself for a webhook: its signing key cannot travel in a link.
    app.post('/dashboard/channels', { schema: { body: ChannelFormSchema } }, async (request, reply) => {
      const { kind, name, url } = request.body;
      const typed = { kind, name, url, teams: request.body.teams ?? '' };
      const teams = readTeamList(typed.teams);
      const added =
        'problem' in teams
          ? { ok: false as const, reason: `The channel was not added: ${teams.problem}` }
          : await addChannel(
              db,
              { kind, name, url, teams: teams.teams },
              {
                allowLocal: context.allowLocalChannels,
                now: context.now(),
              },
            );
      if (!added.ok) return sendPage(reply, 422, await show(request, { ...plain, typed, error: `${added.reason}.` }));
      if (added.channel.secret === null) return reply.redirect('/dashboard/channels?done=added', 303);
      return sendPage(
        reply,
        200,
        await show(request, {
          ...plain,
          notice: CHANNEL_NOTICES.added,
          secret: { channel: added.channel.name, secret: added.channel.secret },
        }),
      );
    });

    app.post(
      '/dashboard/channels/:id/test',
      { schema: { params: IdParamsSchema, body: CsrfOnlyFormSchema } },
      async (request, reply) => {
        const channel = await getChannel(db, Number(request.params.id));
        if (channel === null) return reply.redirect('/dashboard/channels?done=not-there', 303);
        const answer = await sendToChannel(channel, testPost(new URL('dashboard/', context.publicUrl(request)).href), {
          now: context.now(),
          test: true,
        });
        const words = `Test to ${channel.name}: ${answer.words}.`;
        return sendPage(
          reply,
          answer.outcome === 'sent' ? 200 : 422,
          await show(
            request,
            answer.outcome === 'sent' ? { ...plain, notice: words } : { ...plain, error: capitalised(words) },
          ),
        );
      },
    );

    app.post(
      '/dashboard/channels/:id/remove',
      { schema: { params: IdParamsSchema, body: CsrfOnlyFormSchema } },
      async (request, reply) => {
        const removed = await removeChannel(db, Number(request.params.id));
        return reply.redirect(`/dashboard/channels?done=${removed ? 'removed' : 'not-there'}`, 303);
      },
    );
    return Promise.resolve();
  };
}
