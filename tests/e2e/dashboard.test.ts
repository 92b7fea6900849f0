/**
 * The dashboard in real Chromium, once with JavaScript on and once with it off: sign in with the admin
 * token, see results, edit a share kit (a too-long message is refused with the reason), download CSV,
 * run a contest draw, and have a form post without the CSRF token, or from another site, refused.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { KitsResponse } from '../../common/protocol.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { startEndpoint, type TestEndpoint } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';
import { startLocalServer } from '../helpers/http-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let browser: Browser;
let endpoint: TestEndpoint;
let device: ReturnType<typeof apiAs>;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  // A public address with a domain, as deployed: X counts a link to a bare IP address in full (twitter-text's rules).
  endpoint = await startEndpoint(dir.path, 0, { publicUrl: 'https://advocate.example.com/' });
  cleanups.push(endpoint.close);
  device = apiAs(endpoint.url, await endpoint.enroll('Ada <b>Lovelace</b>', 'Research'));
  await device.post('v1/events', {
    events: [
      shareEvent({ postKey: 'https://blog.example.com/ship-small' }),
      shareEvent({ postKey: 'https://blog.example.com/ship-small', network: 'x' }),
    ],
  });
  await apiAs(endpoint.url, await endpoint.enroll('=cmd|calc', 'Sales')).post('v1/events', {
    events: [shareEvent({ postKey: 'https://blog.example.com/ship-small' })],
  });
  browser = await launchChromium();
  cleanups.push(() => browser.close());
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function signIn(page: Page): Promise<void> {
  await page.goto(new URL('dashboard/', endpoint.url).href);
  expect(new URL(page.url()).pathname).toBe('/dashboard/login');
  await page.getByLabel('Admin token').fill(endpoint.adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Results', level: 1 }).waitFor();
}

describe.each([{ javaScript: true }, { javaScript: false }])(
  'dashboard in Chromium, JavaScript $javaScript',
  ({ javaScript }) => {
    let context: BrowserContext;
    let page: Page;
    const problems: string[] = [];

    beforeAll(async () => {
      context = await browser.newContext({ javaScriptEnabled: javaScript, acceptDownloads: true });
      page = await context.newPage();
      page.on('console', (message) => {
        // The wrong token (401) and the refused kit (422) are answered on purpose; anything else is a problem.
        const expected = /^Failed to load resource: the server responded with a status of (401|422) /.test(
          message.text(),
        );
        if (message.type() === 'error' && !expected) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
    });
    afterAll(() => context.close());

    it('refuses a wrong admin token, then signs in with the right one to an HttpOnly SameSite=Strict cookie', async () => {
      await page.goto(new URL('dashboard/login', endpoint.url).href);
      await page.getByLabel('Admin token').fill('not-the-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('That is not the admin token.').waitFor();
      await signIn(page);
      const session = (await context.cookies()).find((cookie) => cookie.name === 'advocate_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/dashboard' });
    });

    it('shows the leaderboard, teams and per-post counts, with names as text, never markup', async () => {
      await page.goto(new URL('dashboard/', endpoint.url).href);
      expect(await page.locator('table').first().textContent()).toContain('Ada <b>Lovelace</b>');
      expect(await page.locator('b', { hasText: 'Lovelace' }).count()).toBe(0);
      expect(await page.getByRole('cell', { name: 'Research' }).count()).toBeGreaterThan(0);
      expect(await page.getByRole('cell', { name: 'https://blog.example.com/ship-small' }).isVisible()).toBe(true);
      expect(await page.getByRole('img', { name: 'Shares per week, last 12 weeks' }).isVisible()).toBe(true);
    });

    it('saves a share kit that devices then receive, and refuses one too long for X, saying why', async () => {
      const postKey = `https://blog.example.com/kit-${String(javaScript)}`;
      await page.getByRole('link', { name: 'Share kits' }).click();
      await page.getByLabel('Post URL').fill(postKey);
      await page.getByRole('textbox', { name: /^Pitch/ }).fill('We halved our release time.');
      await page.getByLabel('X message').fill('Half the release time, twice the calm.');
      await page.getByRole('textbox', { name: /^Hashtags/ }).fill('#devops shipping');
      await page.getByRole('button', { name: 'Save kit' }).click();
      await page.getByText('Kit saved.').waitFor();
      const kits = (await device.get<KitsResponse>('v1/kits')).body.kits;
      expect(kits.find((kit) => kit.postKey === postKey)).toMatchObject({
        pitch: 'We halved our release time.',
        messages: { x: 'Half the release time, twice the calm.' },
        hashtags: ['devops', 'shipping'],
      });

      await page.getByLabel('X message').fill('a'.repeat(270));
      await page.getByRole('button', { name: 'Save kit' }).click();
      await page.getByText('The kit was not saved:').waitFor();
      expect(await page.locator('ul.error').textContent()).toContain(
        'messages.x: 294 characters with the link, the limit is 280',
      );
      expect(await page.getByLabel('X message').inputValue()).toBe('a'.repeat(270));
      const unchanged = (await device.get<KitsResponse>('v1/kits')).body.kits.find((kit) => kit.postKey === postKey);
      expect(unchanged?.messages.x).toBe('Half the release time, twice the calm.');

      await page.getByLabel('X message').fill('Short again.');
      await page.getByRole('textbox', { name: /^Hashtags/ }).fill('#dev-ops');
      await page.getByLabel('Image URL').fill('http://blog.example.com/image.png');
      await page.getByRole('button', { name: 'Save kit' }).click();
      await page.getByText('The kit was not saved:').waitFor();
      const errors = await page.locator('ul.error').textContent();
      expect(errors).toContain('Hashtags: "#dev-ops" may only have letters, digits and _');
    });

    it('downloads the people CSV, with a formula-like name made harmless', async () => {
      await page.goto(new URL('dashboard/', endpoint.url).href);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download people (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^advocate-people-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv.split('\r\n')[0]).toBe('name,team,shares,clicks,enrolled');
      expect(csv).toContain('Ada <b>Lovelace</b>,Research,2,0,');
      expect(csv).toContain("'=cmd|calc,Sales,1,0,");
    });

    it('runs a contest draw and records it', async () => {
      await page.getByRole('link', { name: 'Contest draw' }).click();
      await page.getByLabel('Seed').fill(`seed-${String(javaScript)}`);
      await page.getByRole('button', { name: 'Draw a winner' }).click();
      await page.getByText('Draw recorded.').waitFor();
      const row = await page.locator('tbody tr').first().textContent();
      expect(row).toMatch(/Ada <b>Lovelace<\/b>|=cmd\|calc/);
      expect(row).toContain(`seed-${String(javaScript)}`);
    });

    it('refuses a form post without the CSRF token, even with the session cookie, and changes nothing', async () => {
      const forged = await context.request.post(new URL('dashboard/settings', endpoint.url).href, {
        form: { anonymous: 'on' },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
      expect(await forged.text()).toContain('security token is missing or wrong');
      const wrong = await context.request.post(new URL('dashboard/settings', endpoint.url).href, {
        form: { anonymous: 'on', _csrf: 'guess' },
        maxRedirects: 0,
      });
      expect(wrong.status()).toBe(403);
      const row = await endpoint.db
        .selectFrom('organisation')
        .select('anonymous_leaderboard')
        .executeTakeFirstOrThrow();
      expect(row.anonymous_leaderboard).toBe(0);
    });

    it('saves the anonymous-leaderboard setting through its own form, and signs out', async () => {
      await page.goto(new URL('dashboard/', endpoint.url).href);
      await page.getByLabel('Anonymous leaderboard').check();
      await page.getByRole('button', { name: 'Save setting' }).click();
      await page.getByText('Setting saved.').waitFor();
      expect(
        (await endpoint.db.selectFrom('organisation').select('anonymous_leaderboard').executeTakeFirstOrThrow())
          .anonymous_leaderboard,
      ).toBe(1);
      await page.getByLabel('Anonymous leaderboard').uncheck();
      await page.getByRole('button', { name: 'Save setting' }).click();
      await page.getByText('Setting saved.').waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.goto(new URL('dashboard/', endpoint.url).href);
      expect(new URL(page.url()).pathname).toBe('/dashboard/login');
    });

    it('ran without page errors or CSP violations', () => {
      expect(problems).toEqual([]);
    });
  },
);

describe('a form on another site', () => {
  it('cannot act on the dashboard: the SameSite=Strict cookie is not sent, so the post is refused', async () => {
    const context = await browser.newContext();
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await signIn(page);
    const target = new URL('dashboard/settings', endpoint.url).href;
    // 127.0.0.1 and localhost are different sites to the browser.
    const evil = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        `<form id="f" method="post" action="${target}"><input name="anonymous" value="on"><input name="_csrf" value="guess"></form><script>document.getElementById('f').submit()</script>`,
      );
    });
    cleanups.push(evil.close);
    const answer = page.waitForResponse((response) => response.url() === target);
    await page.goto(evil.url.replace('127.0.0.1', 'localhost'));
    expect((await answer).status()).toBe(403);
    expect(
      (await endpoint.db.selectFrom('organisation').select('anonymous_leaderboard').executeTakeFirstOrThrow())
        .anonymous_leaderboard,
    ).toBe(0);
  });
});
