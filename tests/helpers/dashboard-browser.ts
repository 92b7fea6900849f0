/** A browser's part against a test endpoint's dashboard: cookies kept between requests, the page's CSRF token read from its forms. */
import { expect } from 'vitest';

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
