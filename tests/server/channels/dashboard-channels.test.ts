/**
 * The dashboard's Channels page over HTTP with a signed-in session: addresses refused at save with the
 * reason, what was typed kept and nothing stored; a local receiver refused unless the endpoint was
 * started with the test-only option; a webhook's signing key shown once; "Send a test" showing the
 * receiver's answer in words, taken or refused; removal.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver } from '../../helpers/channel-receivers.ts';
import { dashboardBrowser } from '../../helpers/dashboard-browser.ts';
import { endpointsPerTest } from '../../helpers/endpoint.ts';

const start = endpointsPerTest();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const channelCount = async (endpoint: Awaited<ReturnType<typeof start>>) =>
  (await endpoint.db.selectFrom('channels').select('id').execute()).length;

describe('the dashboard’s Channels page', { timeout: 60_000 }, () => {
  it('refuses addresses that are not https or not the receiver’s, saying why and keeping what was typed', async () => {
    const endpoint = await start();
    const page = dashboardBrowser(endpoint);
    await page.signIn();
    expect((await page.get('dashboard/channels')).text).toContain('No channels yet.');
    const tries = [
      { kind: 'webhook', url: 'http://hooks.example.com/advocate', reason: 'the address must start with https://' },
      {
        kind: 'slack',
        url: 'https://hooks.slack.com.evil.example/services/T/B/x',
        reason: 'a Slack incoming-webhook address starts with https://hooks.slack.com/services/',
      },
      { kind: 'slack', url: 'http://hooks.slack.com/services/T/B/x', reason: 'the address must start with https://' },
      {
        kind: 'teams',
        url: 'https://outlook.office.com/webhook/abc',
        reason: 'a Teams Workflows webhook address is on logic.azure.com or powerplatform.com',
      },
      {
        kind: 'teams',
        url: 'https://logic.azure.com.example.net/workflows/1',
        reason: 'a Teams Workflows webhook address is on logic.azure.com or powerplatform.com',
      },
      { kind: 'webhook', url: 'not an address', reason: 'the address is not a web address' },
      {
        kind: 'webhook',
        url: 'https://user:pass@hooks.example.com/',
        reason: 'the address carries a user name or password',
      },
      // The test-only option is off: a receiver on this machine is refused like any http address.
      { kind: 'webhook', url: 'http://127.0.0.1:9/hook', reason: 'the address must start with https://' },
    ];
    for (const attempt of tries) {
      const answer = await page.post('dashboard/channels', {
        kind: attempt.kind,
        name: 'Marketing',
        url: attempt.url,
        teams: '',
      });
      expect(answer.status, attempt.url).toBe(422);
      expect(answer.text, attempt.url).toContain(`The channel was not added: ${attempt.reason}`);
      expect(answer.text, attempt.url).toContain(`value="${attempt.url.replace(/&/g, '&amp;')}"`);
    }
    const badTeam = await page.post('dashboard/channels', {
      kind: 'slack',
      name: 'Sales news',
      url: 'https://hooks.slack.com/services/T0/B0/abc',
      teams: 'Sales, \u202eselaS',
    });
    expect(badTeam.status).toBe(422);
    expect(badTeam.text).toContain('The channel was not added: team “\u202eselaS” contains invisible characters');
    expect(await channelCount(endpoint)).toBe(0);

    // The receivers' own addresses are taken.
    for (const [kind, url] of [
      ['slack', 'https://hooks.slack.com/services/T0/B0/abc'],
      ['teams', 'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=x'],
      [
        'teams',
        'https://default1234.ab.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/1',
      ],
    ] as const) {
      const added = await page.post('dashboard/channels', { kind, name: `${kind} news`, url, teams: '' });
      expect(added.status, url).toBe(303);
    }
    const list = await page.get('dashboard/channels');
    expect(list.text).toContain('slack news (Slack)');
    expect(list.text).toContain('https://hooks.slack.com/…');
    // The key in the address's path is not shown.
    expect(list.text).not.toContain('B0/abc');
    expect(await channelCount(endpoint)).toBe(3);
  });

  it('with the test-only option: a local webhook, its key shown once, a test taken and a test refused in words, removal', async () => {
    const endpoint = await start({ allowLocalChannels: true });
    const receiver = await startReceiver('webhook');
    cleanups.push(receiver.close);
    const page = dashboardBrowser(endpoint);
    await page.signIn();

    const added = await page.post('dashboard/channels', {
      kind: 'webhook',
      name: 'Intranet',
      url: `${receiver.url}in`,
      teams: '',
    });
    expect(added.status).toBe(200);
    const secret = /<code class="secret">([A-Za-z0-9_-]{43})<\/code>/.exec(added.text)?.[1] ?? '';
    expect(secret).not.toBe('');
    receiver.setSecret(secret);
    expect((await page.get('dashboard/channels')).text).not.toContain(secret);
    const id = /\/dashboard\/channels\/(\d+)\/test/.exec(added.text)?.[1] ?? '';

    const taken = await page.post(`dashboard/channels/${id}/test`, {});
    expect(taken.status).toBe(200);
    expect(taken.text).toContain('Test to Intranet: the receiver took the post: “ok”.');
    expect(receiver.problems).toEqual([]);
    expect(receiver.delivered).toMatchObject([{ type: 'test', post: { title: 'A test from Advocate' } }]);

    receiver.script({ status: 400, body: 'unknown channel' });
    const refused = await page.post(`dashboard/channels/${id}/test`, {});
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Test to Intranet: the receiver refused the post: “unknown channel”.');
    expect(refused.text).not.toMatch(/\b400\b/);

    const removed = await page.post(`dashboard/channels/${id}/remove`, {});
    expect(removed.location).toBe('/dashboard/channels?done=removed');
    expect((await page.get('dashboard/channels?done=removed')).text).toContain('Channel removed.');
    expect(await channelCount(endpoint)).toBe(0);
  });
});
