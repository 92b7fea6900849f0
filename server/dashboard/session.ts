/**
 * Dashboard sign-in: the admin token, once, for an HttpOnly SameSite=Strict session cookie. Every form
 * carries the session's CSRF token. The sign-in form itself is protected by a double-submit token,
 * so no other site can sign a browser in to an account of its choosing.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database.ts';
import { hashSecret, newToken, sameSecret } from '../security/secrets.ts';

export const SESSION_COOKIE = 'advocate_session';
export const LOGIN_COOKIE = 'advocate_login';
const SESSION_HOURS = 8;

export interface AdminSession {
  readonly idHash: string;
  readonly csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    adminSession: AdminSession | null;
  }
}

function cookieOptions(request: FastifyRequest, maxAgeSeconds: number) {
  return {
    path: '/dashboard',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  } as const;
}

/** The sign-in form's token, set as a cookie too; the form must send it back unchanged. */
export function loginToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[LOGIN_COOKIE];
  if (existing !== undefined && existing.length === 43) return existing;
  const token = newToken();
  void reply.setCookie(LOGIN_COOKIE, token, cookieOptions(request, 60 * 60));
  return token;
}

export function loginTokenMatches(request: FastifyRequest, sent: string): boolean {
  const expected = request.cookies[LOGIN_COOKIE];
  return expected !== undefined && sameSecret(expected, sent);
}

export async function startSession(db: Db, request: FastifyRequest, reply: FastifyReply, now: Date): Promise<void> {
  const id = newToken();
  await db.deleteFrom('admin_sessions').where('expires_at', '<=', now.toISOString()).execute();
  await db
    .insertInto('admin_sessions')
    .values({
      id_hash: hashSecret(id),
      csrf_token: newToken(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    })
    .execute();
  void reply
    .setCookie(SESSION_COOKIE, id, cookieOptions(request, SESSION_HOURS * 3600))
    .clearCookie(LOGIN_COOKIE, { path: '/dashboard' });
}

export async function findSession(db: Db, request: FastifyRequest, now: Date): Promise<AdminSession | null> {
  const id = request.cookies[SESSION_COOKIE];
  if (id === undefined) return null;
  const row = await db
    .selectFrom('admin_sessions')
    .select(['id_hash', 'csrf_token'])
    .where('id_hash', '=', hashSecret(id))
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ? { idHash: row.id_hash, csrfToken: row.csrf_token } : null;
}

export async function endSession(db: Db, session: AdminSession, reply: FastifyReply): Promise<void> {
  await db.deleteFrom('admin_sessions').where('id_hash', '=', session.idHash).execute();
  void reply.clearCookie(SESSION_COOKIE, { path: '/dashboard' });
}

/** The `_csrf` field of a parsed form body, if there is one. */
export function sentCsrfToken(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const token = (body as { _csrf?: unknown })._csrf;
  return typeof token === 'string' ? token : null;
}

/** The session of a request behind signed-in.ts's check (which turns away requests without one). */
export function sessionOf(request: { adminSession: AdminSession | null }): AdminSession {
  if (!request.adminSession) throw new Error('signed-in route without a session');
  return request.adminSession;
}
