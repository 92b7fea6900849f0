/**
 * The dashboard at /dashboard/: server-rendered pages and plain HTML forms, so it works the same with
 * JavaScript on or off. Sign-in and sign-out live here; everything else needs a session (signed-in.ts).
 */
import { readFile } from 'node:fs/promises';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError } from 'fastify';
import { isAdminToken } from '../admin/organisation.ts';
import type { ServerContext } from '../context.ts';
import { LoginFormSchema } from './forms.ts';
import { loginPage } from './pages/login.ts';
import { refusePage, sendPage } from './reply.ts';
import { loginToken, loginTokenMatches, sentCsrfToken, startSession } from './session.ts';
import { signedInRoutes } from './signed-in.ts';

export function dashboardRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(formbody);
    const css = await readFile(new URL('dashboard.css', import.meta.url), 'utf8');
    const icon = await readFile(new URL('icon.svg', import.meta.url), 'utf8');

    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status =
        error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'dashboard request failed');
      return refusePage(
        reply,
        status,
        status === 500 ? 'Something went wrong' : 'That did not work',
        status === 500 ? 'The endpoint failed to answer; the error is in its log.' : error.message,
      );
    });

    app.get('/dashboard/assets/dashboard.css', (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
    );
    app.get('/dashboard/assets/icon.svg', (_request, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(icon),
    );
    app.get('/dashboard', (_request, reply) => reply.redirect('/dashboard/', 301));
    app.get('/dashboard/login', async (request, reply) =>
      sendPage(reply, 200, loginPage(await loginToken(context.db, request, reply, context.now()))),
    );

    app.post(
      '/dashboard/login',
      {
        schema: { body: LoginFormSchema },
        config: { rateLimit: { max: context.rateLimits.loginPerIp, timeWindow: 60_000 } },
        // Before validation, so a form without the token is refused as a forgery, not as a typo.
        preValidation: async (request, reply) => {
          const sent = sentCsrfToken(request.body);
          if (sent === null || !(await loginTokenMatches(context.db, request, sent, context.now()))) {
            await refusePage(
              reply,
              403,
              'Sign-in refused',
              'This sign-in form did not come from this dashboard, or it expired. Open the sign-in page again.',
            );
          }
        },
      },
      async (request, reply) => {
        if (!(await isAdminToken(context.db, request.body.token))) {
          request.log.warn('dashboard sign-in with a wrong token');
          const again = await loginToken(context.db, request, reply, context.now());
          return sendPage(reply, 401, loginPage(again, 'That is not the admin token.'));
        }
        await startSession(context.db, request, reply, context.now());
        return reply.redirect('/dashboard/', 303);
      },
    );

    await app.register(signedInRoutes(context));
  };
}
