/** A browser's part against a test endpoint's dashboard: cookies kept between requests, the page's CSRF token read from its forms. */
import { expect } from 'vitest';
import type { TestEndpoint } from './endpoint.ts';

export function dashboardBrowser(endpoint: { readonly url: string; readonly adminToken: string }) {
  const cookies = new Map<string, string>();
  let csrf = '';
  async function request(
    path: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; text: string; location: string | null }> {
    const response = await fetch(new URL(path, endpoint.url), {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams({ _csrf: csrf, ...form }).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) cookies.set(name, value.join('='));
    }
    const text = await response.text();
    csrf = /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? csrf;
    return { status: response.status, text, location: response.headers.get('location') };
  }
  return {
    get: (path: string) => request(path),
    post: (path: string, form: Record<string, string>) => request(path, form),
    async signIn() {
      await request('dashboard/login');
      expect((await request('dashboard/login', { token: endpoint.adminToken })).status).toBe(303);
      // As a browser follows the redirect: a signed-in page, whose forms carry the session's token.
      expect((await request('dashboard/')).status).toBe(200);
    },
  };
}

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
