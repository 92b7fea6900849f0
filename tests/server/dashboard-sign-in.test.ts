/**
 * The dashboard's sign-in over HTTP against planted cookies (issue 16, hole 8): the sign-in form's
 * token and the session are minted by the endpoint, never taken from what the browser sends.
 */
import { describe, expect, it } from 'vitest';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';

let clock = Date.parse('2026-03-02T09:00:00Z');
const endpoint = freshEndpointPerTest({ now: () => new Date(clock) });

const PLANTED = 'A'.repeat(43);

function cookiesOf(response: Response): Record<string, string> {
  return Object.fromEntries(
    response.headers.getSetCookie().map((line) => {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

const formToken = (page: string): string => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';

async function openLogin(cookie?: string): Promise<{ token: string; cookie: string | undefined }> {
  const response = await fetch(new URL('dashboard/login', endpoint.url), {
    headers: cookie === undefined ? {} : { cookie },
  });
  return { token: formToken(await response.text()), cookie: cookiesOf(response)['advocate_login'] };
}

const signIn = (cookie: string, csrf: string, token = endpoint.adminToken) =>
  fetch(new URL('dashboard/login', endpoint.url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ _csrf: csrf, token }).toString(),
  });

const sessions = () => endpoint.db.selectFrom('admin_sessions').selectAll().execute();

describe('planted sign-in cookies', () => {
  it('a pre-set advocate_login cookie is not adopted: the page mints a token of its own and sets it', async () => {
    const page = await openLogin(`advocate_login=${PLANTED}`);
    expect(page.token).not.toBe(PLANTED);
    expect(page.cookie).toBe(page.token);
  });

  it('signing in with a planted cookie and the same value in the form is refused as a forgery, right token or not', async () => {
    const answer = await signIn(`advocate_login=${PLANTED}`, PLANTED);
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('This sign-in form did not come from this dashboard');
    expect(cookiesOf(answer)['advocate_session']).toBeUndefined();
    expect(await sessions()).toEqual([]);
  });

  it('a token written in the endpoint’s shape but not signed by it is refused', async () => {
    const { token } = await openLogin();
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'B'.repeat(43)}`;
    expect((await signIn(`advocate_login=${forged}`, forged)).status).toBe(403);
    expect(await sessions()).toEqual([]);
  });

  it('a sign-in form older than an hour is refused; a fresh one then signs in', async () => {
    const old = await openLogin();
    clock += 61 * 60 * 1000;
    expect((await signIn(`advocate_login=${old.token}`, old.token)).status).toBe(403);
    const fresh = await openLogin(`advocate_login=${old.token}`);
    expect(fresh.token).not.toBe(old.token);
    expect((await signIn(`advocate_login=${fresh.token}`, fresh.token)).status).toBe(303);
  });

  it('the endpoint’s own token signs in, and the session is minted on sign-in, never a planted session cookie', async () => {
    const { token } = await openLogin();
    const planted = 'C'.repeat(43);
    const answer = await signIn(`advocate_login=${token}; advocate_session=${planted}`, token);
    expect(answer.status).toBe(303);
    const session = cookiesOf(answer)['advocate_session'];
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).not.toBe(planted);
    expect(await sessions()).toHaveLength(1);
    const asPlanted = await fetch(new URL('dashboard/', endpoint.url), {
      redirect: 'manual',
      headers: { cookie: `advocate_session=${planted}` },
    });
    expect(asPlanted.status).not.toBe(200);
    const asMinted = await fetch(new URL('dashboard/', endpoint.url), {
      headers: { cookie: `advocate_session=${session ?? ''}` },
    });
    expect(asMinted.status).toBe(200);
  });
});
