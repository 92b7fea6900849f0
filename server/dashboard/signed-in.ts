/**
 * Dashboard pages behind the session: results, settings, feeds, share kits, contest draws, CSV export,
 * sign-out; people, codes, enrollments and the action log in people-routes.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { setLeaderboardAnonymous, isLeaderboardAnonymous } from '../admin/organisation.ts';
import type { ServerContext } from '../context.ts';
import { drawWinner, listDraws } from '../draws/contest-draw.ts';
import { deleteKit, getKit, kitProblems, listKits, saveKit } from '../kits/kit-store.ts';
import { postTitles, recentPosts } from '../feeds/post-titles.ts';
import { exampleTrackedLink } from '../links/example-link.ts';
import { postsReport } from '../reports/posts-report.ts';
import { topPeople } from '../reports/standings.ts';
import { teamsReport } from '../reports/teams-report.ts';
import { peopleCount, totalShares, weeklyShares } from '../reports/weekly.ts';
import { sameSecret } from '../security/secrets.ts';
import { recentWeeks } from '../../common/weeks.ts';
import { exportRoutes } from './export.ts';
import { channelsRoutes } from './channels-routes.ts';
import { feedsRoutes } from './feeds-routes.ts';
import {
  CsrfOnlyFormSchema,
  DeleteKitFormSchema,
  DrawFormSchema,
  KitFormSchema,
  SettingsFormSchema,
  kitFormFromBody,
  kitFromForm,
} from './forms.ts';
import { drawsPage } from './pages/draws.ts';
import { EMPTY_KIT_FORM, kitToForm, kitsPage } from './pages/kits.ts';
import { sharesByVariant } from '../kits/variant-shares.ts';
import { overviewPage } from './pages/overview.ts';
import { pageShareCount } from '../share-page/page-shares.ts';
import { conversionTotal } from '../conversions/conversion-store.ts';
import { refusePage, sendPage } from './reply.ts';
import { endSession, findSession, sentCsrfToken, sessionOf } from './session.ts';
import { peopleRoutes } from './people-routes.ts';

/** Fixed texts for `?done=`: a link cannot put words of its own on the page. */
const NOTICES = {
  'settings-saved': 'Setting saved.',
  'kit-saved': 'Kit saved. Desktops pick it up on their next sync.',
  'kit-deleted': 'Kit deleted.',
  'draw-done': 'Draw recorded.',
} as const;
const DoneQuerySchema = Type.Object(
  { done: Type.Optional(Type.Enum(Object.keys(NOTICES) as (keyof typeof NOTICES)[])) },
  { additionalProperties: false },
);
const KitsQuerySchema = Type.Object(
  { done: DoneQuerySchema.properties.done, postKey: Type.Optional(Type.String({ maxLength: 2048 })) },
  { additionalProperties: false },
);

const notice = (done: keyof typeof NOTICES | undefined): string | null => (done === undefined ? null : NOTICES[done]);
const OVERVIEW_WEEKS = 12;
const KIT_EDITOR_POSTS = 200;

export function signedInRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { db } = context;
    /** The posts the kit editor offers, and the titles of the kits' posts. */
    const kitChoices = async (kits: readonly { postKey: string }[]) => ({
      posts: await recentPosts(db, KIT_EDITOR_POSTS),
      titles: await postTitles(
        db,
        kits.map((kit) => kit.postKey),
      ),
    });
    app.decorateRequest('adminSession', null);
    app.addHook('onRequest', async (request, reply) => {
      request.adminSession = await findSession(db, request, context.now());
      if (request.adminSession) return;
      if (request.method === 'GET' || request.method === 'HEAD') await reply.redirect('/dashboard/login', 303);
      else
        await refusePage(
          reply,
          403,
          'Signed out',
          'Your session has ended. Sign in again, then repeat what you were doing.',
        );
    });
    app.addHook('preValidation', async (request, reply) => {
      if (request.method !== 'POST') return;
      const sent = sentCsrfToken(request.body);
      if (sent === null || !sameSecret(sent, sessionOf(request).csrfToken)) {
        request.log.warn('dashboard form without a valid CSRF token');
        await refusePage(
          reply,
          403,
          'Form refused',
          'This form did not come from this dashboard (its security token is missing or wrong). Reload the page and try again.',
        );
      }
    });

    app.get('/dashboard/', { schema: { querystring: DoneQuerySchema } }, async (request, reply) => {
      const weeks = recentWeeks(context.now(), OVERVIEW_WEEKS);
      const teams = await teamsReport(db);
      const data = {
        people: await peopleCount(db),
        shares: await totalShares(db),
        clicks: teams.reduce((sum, team) => sum + team.clicks, 0),
        pageShares: await pageShareCount(db),
        conversions: await conversionTotal(db),
        weekly: await weeklyShares(db, weeks),
        leaders: await topPeople(db, 20),
        teams,
        posts: await postsReport(db, 50),
        anonymous: await isLeaderboardAnonymous(db),
      };
      return sendPage(reply, 200, overviewPage(data, sessionOf(request).csrfToken, notice(request.query.done)));
    });

    app.post('/dashboard/settings', { schema: { body: SettingsFormSchema } }, async (request, reply) => {
      await setLeaderboardAnonymous(db, request.body.anonymous === 'on');
      return reply.redirect('/dashboard/?done=settings-saved', 303);
    });

    app.get('/dashboard/kits', { schema: { querystring: KitsQuerySchema } }, async (request, reply) => {
      const editing = request.query.postKey === undefined ? null : await getKit(db, request.query.postKey);
      const kits = await listKits(db);
      const options = {
        ...(await kitChoices(kits)),
        ...(editing === null ? {} : { variantShares: await sharesByVariant(db, editing.postKey) }),
        csrfToken: sessionOf(request).csrfToken,
        exampleLink: exampleTrackedLink(context.publicUrl(request)),
        notice: notice(request.query.done),
        errors: [],
      };
      return sendPage(
        reply,
        200,
        kitsPage(
          kits,
          editing ? kitToForm(editing) : { ...EMPTY_KIT_FORM, postKey: request.query.postKey ?? '' },
          options,
        ),
      );
    });

    app.post('/dashboard/kits', { schema: { body: KitFormSchema } }, async (request, reply) => {
      const form = kitFormFromBody(request.body);
      const exampleLink = exampleTrackedLink(context.publicUrl(request));
      const parsed = kitFromForm(form);
      const errors = 'errors' in parsed ? parsed.errors : kitProblems(parsed.kit, exampleLink);
      if ('kit' in parsed && errors.length === 0) {
        await saveKit(db, parsed.kit, context.now());
        return reply.redirect(`/dashboard/kits?done=kit-saved&postKey=${encodeURIComponent(parsed.kit.postKey)}`, 303);
      }
      const kits = await listKits(db);
      return sendPage(
        reply,
        422,
        kitsPage(kits, form, {
          ...(await kitChoices(kits)),
          csrfToken: sessionOf(request).csrfToken,
          exampleLink,
          notice: null,
          errors,
        }),
      );
    });

    app.post('/dashboard/kits/delete', { schema: { body: DeleteKitFormSchema } }, async (request, reply) => {
      await deleteKit(db, request.body.postKey);
      return reply.redirect('/dashboard/kits?done=kit-deleted', 303);
    });

    app.get('/dashboard/draws', { schema: { querystring: DoneQuerySchema } }, async (request, reply) => {
      const options = {
        csrfToken: sessionOf(request).csrfToken,
        notice: notice(request.query.done),
        error: null,
        today: context.now().toISOString().slice(0, 10),
      };
      return sendPage(reply, 200, drawsPage(await listDraws(db), options));
    });

    app.post('/dashboard/draws', { schema: { body: DrawFormSchema } }, async (request, reply) => {
      const { from, to, seed } = request.body;
      if (from > to) {
        const options = {
          csrfToken: sessionOf(request).csrfToken,
          notice: null,
          error: `"From" (${from}) is after "To" (${to}).`,
          today: context.now().toISOString().slice(0, 10),
        };
        return sendPage(reply, 400, drawsPage(await listDraws(db), options));
      }
      await drawWinner(db, { from, to, ...(seed === undefined ? {} : { seed }) }, context.now());
      return reply.redirect('/dashboard/draws?done=draw-done', 303);
    });

    app.post('/dashboard/logout', { schema: { body: CsrfOnlyFormSchema } }, async (request, reply) => {
      await endSession(db, sessionOf(request), reply);
      return reply.redirect('/dashboard/login', 303);
    });

    await app.register(exportRoutes(context));
    await app.register(peopleRoutes(context));
    await app.register(feedsRoutes(context));
    await app.register(channelsRoutes(context));
  };
}
