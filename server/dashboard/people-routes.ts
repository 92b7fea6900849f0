/**
 * People, their devices, enrollment codes, new enrollments and the action log, behind the session
 * (signed-in.ts checks it and the CSRF token). Each change is logged as made from the dashboard.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { listActions, type Actor } from '../admin/action-log.ts';
import { listDevices } from '../admin/devices.ts';
import { listEnrollmentCodes } from '../admin/enrollment-codes.ts';
import { createCodeAs, revokeCodeAs, revokeDeviceAs } from '../admin/logged-actions.ts';
import { mergePeople } from '../admin/merge-people.ts';
import { changeTeam, listPeople, renamePerson, setPersonActive, type ChangeOutcome } from '../admin/people.ts';
import { checkName } from '../admin/person-name.ts';
import type { ServerContext } from '../context.ts';
import {
  CodeFormSchema,
  CsrfOnlyFormSchema,
  IdParamsSchema,
  MergeFormSchema,
  RenameFormSchema,
  TeamFormSchema,
} from './forms.ts';
import { actionLogPage } from './pages/action-log.ts';
import { codesPage } from './pages/codes.ts';
import { enrollmentsPage } from './pages/enrollments.ts';
import { peoplePage } from './pages/people.ts';
import { personPage } from './pages/person.ts';
import { refusePage, sendPage } from './reply.ts';
import { sessionOf } from './session.ts';

const ACTOR: Actor = 'dashboard';
const LIST_LIMIT = 200;

/** Fixed texts for `?done=`: a link cannot put words of its own on the page. */
const NOTICES = {
  renamed: 'Name saved.',
  'team-changed': 'Team saved. Their standing shares count for the new team.',
  deactivated:
    'Deactivated: their devices are refused and they left the leaderboard and the contest draw. Their shares stay in the totals.',
  reactivated: 'Reactivated: their devices work again and they are back on the leaderboard.',
  merged:
    'Merged: devices, shares, tracked links and clicks moved to the person kept. The action log says how many shares both had made (counted once now).',
  'device-revoked': 'Device revoked: its token is refused from now on. The shares it sent stay counted.',
  'code-revoked': 'Code revoked: no new enrollments with it. Devices enrolled with it keep working.',
} as const;
type Notice = keyof typeof NOTICES;
const DoneQuerySchema = Type.Object(
  { done: Type.Optional(Type.Enum(Object.keys(NOTICES) as Notice[])) },
  { additionalProperties: false },
);
const notice = (done: Notice | undefined): string | null => (done === undefined ? null : NOTICES[done]);

export function peopleRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    const { db } = context;
    const state = (request: FastifyRequest, extra: { notice?: string | null; error?: string | null } = {}) => ({
      csrfToken: sessionOf(request).csrfToken,
      notice: extra.notice ?? null,
      error: extra.error ?? null,
    });
    const findPerson = async (id: number) => (await listPeople(db, id))[0];
    const noPerson = (reply: FastifyReply, id: number) =>
      refusePage(
        reply,
        404,
        'No such person',
        `There is no person ${String(id)}: they may have been merged into someone else. Pick one from the People page.`,
      );

    /** After a change to one person: back to their page with the notice, or the page again with the reason. */
    async function afterPersonChange(
      request: FastifyRequest,
      reply: FastifyReply,
      id: number,
      outcome: ChangeOutcome,
      done: Notice,
      typed: { name?: string; team?: string } = {},
    ) {
      if (outcome.ok) return reply.redirect(`/dashboard/people/${String(id)}?done=${done}`, 303);
      const person = await findPerson(id);
      if (!person) return noPerson(reply, id);
      const page = personPage(
        person,
        await listDevices(db, { personId: id }),
        state(request, { error: outcome.reason }),
        typed,
      );
      return sendPage(reply, 422, page);
    }

    app.get('/dashboard/people', { schema: { querystring: DoneQuerySchema } }, async (request, reply) =>
      sendPage(reply, 200, peoplePage(await listPeople(db), state(request, { notice: notice(request.query.done) }))),
    );

    app.get(
      '/dashboard/people/:id',
      { schema: { params: IdParamsSchema, querystring: DoneQuerySchema } },
      async (request, reply) => {
        const id = Number(request.params.id);
        const person = await findPerson(id);
        if (!person) return noPerson(reply, id);
        const devices = await listDevices(db, { personId: id });
        return sendPage(
          reply,
          200,
          personPage(person, devices, state(request, { notice: notice(request.query.done) })),
        );
      },
    );

    app.post(
      '/dashboard/people/:id/rename',
      { schema: { params: IdParamsSchema, body: RenameFormSchema } },
      async (request, reply) => {
        const id = Number(request.params.id);
        const outcome = await renamePerson(db, id, request.body.name, ACTOR, context.now());
        return afterPersonChange(request, reply, id, outcome, 'renamed', { name: request.body.name });
      },
    );

    app.post(
      '/dashboard/people/:id/team',
      { schema: { params: IdParamsSchema, body: TeamFormSchema } },
      async (request, reply) => {
        const id = Number(request.params.id);
        const outcome = await changeTeam(db, id, request.body.team, ACTOR, context.now());
        return afterPersonChange(request, reply, id, outcome, 'team-changed', { team: request.body.team });
      },
    );

    for (const [path, active, done] of [
      ['deactivate', false, 'deactivated'],
      ['reactivate', true, 'reactivated'],
    ] as const)
      app.post(
        `/dashboard/people/:id/${path}`,
        { schema: { params: IdParamsSchema, body: CsrfOnlyFormSchema } },
        async (request, reply) => {
          const id = Number(request.params.id);
          const outcome = await setPersonActive(db, id, active, ACTOR, context.now());
          return afterPersonChange(request, reply, id, outcome, done);
        },
      );

    app.post('/dashboard/people/merge', { schema: { body: MergeFormSchema } }, async (request, reply) => {
      const ids = { keep: Number(request.body.keep), remove: Number(request.body.remove) };
      const outcome = await mergePeople(db, ids, ACTOR, context.now());
      if (outcome.ok) return reply.redirect('/dashboard/people?done=merged', 303);
      return sendPage(reply, 422, peoplePage(await listPeople(db), state(request, { error: outcome.reason })));
    });

    app.post(
      '/dashboard/devices/:id/revoke',
      { schema: { params: IdParamsSchema, body: CsrfOnlyFormSchema } },
      async (request, reply) => {
        const id = Number(request.params.id);
        const owner = await revokeDeviceAs(db, id, ACTOR, context.now());
        if (owner === null)
          return refusePage(
            reply,
            404,
            'Device not revoked',
            `Device #${String(id)} is not known here, or it was revoked already. Nothing was changed.`,
          );
        return reply.redirect(`/dashboard/people/${String(owner)}?done=device-revoked`, 303);
      },
    );

    app.get('/dashboard/codes', { schema: { querystring: DoneQuerySchema } }, async (request, reply) =>
      sendPage(
        reply,
        200,
        codesPage(await listEnrollmentCodes(db), state(request, { notice: notice(request.query.done) }), context.now()),
      ),
    );

    app.post('/dashboard/codes', { schema: { body: CodeFormSchema } }, async (request, reply) => {
      const { team, expiresInDays, maxUses: maxUsesText, teamChoice } = request.body;
      const blank = team === undefined || team.replace(/\s+/gu, '') === '';
      const checked = blank ? null : checkName(team, 'The team');
      const days = expiresInDays ? Number(expiresInDays) : null;
      const maxUses = maxUsesText ? Number(maxUsesText) : null;
      const error =
        checked && !checked.ok
          ? checked.reason
          : days !== null && (days < 1 || days > 3650)
            ? `"Expires after" is ${String(days)} days: give between 1 and 3650, or leave it empty for no expiry.`
            : maxUses !== null && maxUses < 1
              ? '"Maximum enrollments" is 0: give at least 1, or leave it empty for no limit.'
              : null;
      const now = context.now();
      if (error !== null)
        return sendPage(reply, 422, codesPage(await listEnrollmentCodes(db), state(request, { error }), now));
      const expiresAt = days === null ? null : new Date(now.getTime() + days * 86_400_000);
      const codeTeam = checked?.ok ? checked.value : null;
      // Without a team the code cannot fix one: people name theirs, as with the command line's codes.
      const options = { team: codeTeam, expiresAt, maxUses, teamChoice: codeTeam === null || teamChoice === 'on' };
      const newCode = await createCodeAs(db, options, ACTOR, now);
      // Shown here once, not through a redirect: only its hash is stored, and a URL must not carry it.
      return sendPage(reply, 200, codesPage(await listEnrollmentCodes(db), { ...state(request), newCode }, now));
    });

    app.post(
      '/dashboard/codes/:id/revoke',
      { schema: { params: IdParamsSchema, body: CsrfOnlyFormSchema } },
      async (request, reply) => {
        const id = Number(request.params.id);
        if (!(await revokeCodeAs(db, id, ACTOR, context.now())))
          return refusePage(
            reply,
            404,
            'Code not revoked',
            `Code #${String(id)} is not known here, or it was revoked already. Nothing was changed.`,
          );
        return reply.redirect('/dashboard/codes?done=code-revoked', 303);
      },
    );

    app.get('/dashboard/enrollments', async (request, reply) =>
      sendPage(
        reply,
        200,
        enrollmentsPage(await listDevices(db, { newestFirst: true, limit: LIST_LIMIT }), LIST_LIMIT, state(request)),
      ),
    );

    app.get('/dashboard/log', async (request, reply) =>
      sendPage(reply, 200, actionLogPage(await listActions(db, LIST_LIMIT), LIST_LIMIT, state(request))),
    );
    return Promise.resolve();
  };
}
