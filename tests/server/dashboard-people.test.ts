/**
 * The dashboard's people, codes, enrollments and action-log pages over HTTP, as a browser without
 * script uses them: signed in, every form with the session's CSRF token; on SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { listActions } from '../../server/admin/action-log.ts';
import { listPeople } from '../../server/admin/people.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';
import { signedInBrowser } from '../helpers/dashboard-browser.ts';

const endpoint = freshEndpointPerTest();

const signIn = () => signedInBrowser(endpoint);

async function idOf(name: string): Promise<number> {
  return (await listPeople(endpoint.db)).find((person) => person.displayName === name)?.id ?? -1;
}

describe('dashboard: people', () => {
  it('lists people with names as text, renames, changes team, deactivates and reactivates, each on the action log', async () => {
    await endpoint.enroll('<img src=x onerror=alert(1)>', 'Sales');
    const id = await idOf('<img src=x onerror=alert(1)>');
    const browser = await signIn();
    const list = await browser.get('dashboard/people');
    expect(list.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(list.text).not.toContain('<img src=x');

    const renamed = await browser.post(`dashboard/people/${String(id)}/rename`, { name: ' Ada ' });
    expect(renamed).toMatchObject({ status: 303, location: `/dashboard/people/${String(id)}?done=renamed` });
    expect((await browser.get(renamed.location ?? '')).text).toContain('Name saved.');
    expect(await browser.post(`dashboard/people/${String(id)}/team`, { team: 'Research' })).toMatchObject({
      status: 303,
    });
    expect(await browser.post(`dashboard/people/${String(id)}/deactivate`, {})).toMatchObject({ status: 303 });
    const page = await browser.get(`dashboard/people/${String(id)}`);
    expect(page.text).toContain('Deactivated since');
    expect(page.text).toContain('>Reactivate</button>');
    expect(await browser.post(`dashboard/people/${String(id)}/reactivate`, {})).toMatchObject({ status: 303 });
    expect((await listPeople(endpoint.db))[0]).toMatchObject({
      displayName: 'Ada',
      team: 'Research',
      deactivatedAt: null,
    });

    const log = await browser.get('dashboard/log');
    for (const action of ['rename', 'change team', 'deactivate', 'reactivate'])
      expect(log.text).toContain(`<td>${action}</td>`);
    expect(log.text).toContain('name “&lt;img src=x onerror=alert(1)&gt;” → “Ada”');
    expect((await listActions(endpoint.db, 10)).every((action) => action.actor === 'dashboard')).toBe(true);
  });

  it('a rename to a name with a direction control is refused on the page with the reason and the text typed, and changes nothing', async () => {
    await endpoint.enroll('Ada');
    const id = await idOf('Ada');
    const browser = await signIn();
    const refused = await browser.post(`dashboard/people/${String(id)}/rename`, { name: 'Ad\u202ea' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('The name contains invisible characters that change the direction of text');
    expect(refused.text).toContain('value="Ad\u202ea"');
    expect((await listPeople(endpoint.db))[0]?.displayName).toBe('Ada');
    expect(await listActions(endpoint.db, 10)).toEqual([]);
  });

  it('merges two people from the form, counting a post both shared on one network once', async () => {
    const first = await endpoint.enroll('Ada');
    const second = await endpoint.enroll('Ada (laptop)');
    for (const token of [first, second])
      await apiAs(endpoint.url, token).post('v1/events', {
        events: [shareEvent({ postKey: 'https://blog.example.com/a' })],
      });
    const browser = await signIn();
    const merged = await browser.post('dashboard/people/merge', {
      keep: String(await idOf('Ada')),
      remove: String(await idOf('Ada (laptop)')),
    });
    expect(merged).toMatchObject({ status: 303, location: '/dashboard/people?done=merged' });
    expect(await listPeople(endpoint.db)).toEqual([
      expect.objectContaining({ displayName: 'Ada', shares: 1, devices: 2 }),
    ]);
    expect((await browser.get('dashboard/log')).text).toContain('1 share both had made now counted once');
  });

  it('a merge form posted without the CSRF token, or with ids that are not numbers, is refused and merges nobody', async () => {
    await endpoint.enroll('Ada');
    await endpoint.enroll('Bob');
    const browser = await signIn();
    const forged = await browser.post('dashboard/people/merge', { keep: '1', remove: '2' }, false);
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('security token is missing or wrong');
    const bad = await browser.post('dashboard/people/merge', { keep: '1', remove: '2 or 1=1' });
    expect(bad.status).toBe(400);
    const self = await browser.post('dashboard/people/merge', { keep: '1', remove: '1' });
    expect(self.status).toBe(422);
    expect(self.text).toContain('Both choices are the same person');
    expect(await listPeople(endpoint.db)).toHaveLength(2);
  });

  it('a person that does not exist gets a page saying so', async () => {
    const browser = await signIn();
    const missing = await browser.get('dashboard/people/424242');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('There is no person 424242');
  });
});

describe('dashboard: codes, devices and enrollments', () => {
  it('creates a code shown once that enrolls, lists it with its uses, revokes it, and lists the enrollment it made', async () => {
    const browser = await signIn();
    const created = await browser.post('dashboard/codes', { team: 'Field sales', expiresInDays: '30' });
    expect(created.status).toBe(200);
    const code = /<code class="secret">([^<]+)<\/code>/.exec(created.text)?.[1] ?? '';
    const id = /New code #(\d+)/.exec(created.text)?.[1] ?? '';
    const enrolled = await apiAs(endpoint.url, null).post<{ team: string }>('v1/enroll', { code, displayName: 'Sam' });
    expect(enrolled.body.team).toBe('Field sales');
    expect((await browser.get('dashboard/codes')).text).not.toContain(code);

    const enrollments = await browser.get('dashboard/enrollments');
    expect(enrollments.text).toMatch(new RegExp(`Sam</a></td>\\s*<td>Field sales</td>\\s*<td>#${id}</td>`));
    expect(await browser.post(`dashboard/codes/${id}/revoke`, {})).toMatchObject({
      status: 303,
      location: '/dashboard/codes?done=code-revoked',
    });
    const again = await browser.post(`dashboard/codes/${id}/revoke`, {});
    expect(again.status).toBe(404);
    expect(again.text).toContain('Nothing was changed');
    const refused = await apiAs(endpoint.url, null).post('v1/enroll', { code, displayName: 'Late' });
    expect(refused.status).toBe(403);
    expect((await listActions(endpoint.db, 10)).map((action) => action.action)).toEqual(['revoke code', 'create code']);
  });

  it('refuses a code whose team has a bidi control or whose expiry is 0 days, saying which, and makes none', async () => {
    const browser = await signIn();
    const before = (await browser.get('dashboard/codes')).text.match(/Revoke code/g)?.length ?? 0;
    const bidi = await browser.post('dashboard/codes', { team: 'Sales\u202e', expiresInDays: '' });
    expect(bidi.status).toBe(422);
    expect(bidi.text).toContain('The team contains invisible characters that change the direction of text');
    const zero = await browser.post('dashboard/codes', { team: '', expiresInDays: '0' });
    expect(zero.status).toBe(422);
    expect(zero.text).toContain('give between 1 and 3650');
    expect((await browser.get('dashboard/codes')).text.match(/Revoke code/g)?.length ?? 0).toBe(before);
  });

  it("revokes one device from the person's page: that device is refused, the other keeps working", async () => {
    const laptop = await endpoint.enroll('Ada');
    const phone = await endpoint.enroll('Ada phone');
    const browser = await signIn();
    const id = await idOf('Ada');
    await browser.post('dashboard/people/merge', { keep: String(id), remove: String(await idOf('Ada phone')) });
    const page = await browser.get(`dashboard/people/${String(id)}`);
    expect(page.text.match(/Revoke device #/g)).toHaveLength(2);
    const device = /Revoke device #(\d+)/.exec(page.text)?.[1] ?? '';
    const revoked = await browser.post(`dashboard/devices/${device}/revoke`, {});
    expect(revoked).toMatchObject({ status: 303, location: `/dashboard/people/${String(id)}?done=device-revoked` });
    expect((await apiAs(endpoint.url, laptop).get('v1/summary')).status).toBe(401);
    expect((await apiAs(endpoint.url, phone).get('v1/summary')).status).toBe(200);
    expect((await browser.get(revoked.location ?? '')).text).toContain('Device revoked');
    expect((await listActions(endpoint.db, 1))[0]).toMatchObject({ actor: 'dashboard', action: 'revoke device' });
  });
});
