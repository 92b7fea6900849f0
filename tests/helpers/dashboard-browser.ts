/** A browser without script signed in to a test endpoint's dashboard, as the dashboard tests use it. */
import { expect } from 'vitest';
import type { TestEndpoint } from './endpoint.ts';

const cookiesOf = (response: Response): string =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
const csrfIn = (page: string): string => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';

/** A signed-in browser: GET a page, POST a form (its CSRF token added unless `csrf` says otherwise). */
export async function signedInBrowser(endpoint: Pick<TestEndpoint, 'url' | 'adminToken'>) {
  const login = await fetch(new URL('dashboard/login', endpoint.url));
  const loginCookie = cookiesOf(login);
  const signedIn = await fetch(new URL('dashboard/login', endpoint.url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie },
    body: new URLSearchParams({ _csrf: csrfIn(await login.text()), token: endpoint.adminToken }),
  });
  expect(signedIn.status).toBe(303);
  const cookie = cookiesOf(signedIn)
    .split('; ')
    .filter((part) => part.startsWith('advocate_session='))
    .join('; ');
  const get = async (path: string) => {
    const response = await fetch(new URL(path, endpoint.url), { headers: { cookie }, redirect: 'manual' });
    return { status: response.status, text: await response.text() };
  };
  const csrf = csrfIn((await get('dashboard/people')).text);
  const post = async (path: string, form: Record<string, string>, withCsrf = true) => {
    const response = await fetch(new URL(path, endpoint.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams(withCsrf ? { _csrf: csrf, ...form } : form),
    });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  };
  return { get, post };
}
