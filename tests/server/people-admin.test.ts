/**
 * People managed by an admin (rename, team, deactivate, reactivate, merge), enrollment codes and
 * devices revoked, each logged; on SQLite and on PostgreSQL. After every change the standing counts
 * must equal what the share states say, recounted from scratch.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import type { Summary } from '../../common/protocol.ts';
import { weekOf } from '../../common/weeks.ts';
import { listActions } from '../../server/admin/action-log.ts';
import { listDevices } from '../../server/admin/devices.ts';
import { createCodeAs, revokeCodeAs, revokeDeviceAs } from '../../server/admin/logged-actions.ts';
import { mergePeople } from '../../server/admin/merge-people.ts';
import { changeTeam, listPeople, renamePerson, setPersonActive } from '../../server/admin/people.ts';
import type { Db, DbNumber } from '../../server/database.ts';
import { drawWinner } from '../../server/draws/contest-draw.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest();
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const POST_A = 'https://blog.example.com/a';
const POST_B = 'https://blog.example.com/b';

async function personId(name: string): Promise<number> {
  const person = (await listPeople(endpoint.db)).find((entry) => entry.displayName === name);
  if (!person) throw new Error(`no person named ${name}`);
  return person.id;
}

/** The standing counts, and the same recounted from the share states and people's current teams. */
async function counts(db: Db) {
  const states = await db
    .selectFrom('share_states')
    .innerJoin('people', 'people.id', 'share_states.person_id')
    .select(['share_states.person_id', 'post_key', 'shared_at', 'people.team_id'])
    .where('shared', '=', 1)
    .execute();
  const recounted = {
    people: {} as Record<number, number>,
    posts: {} as Record<string, { shares: number; people: Set<number> }>,
    weeks: {} as Record<string, number>,
  };
  for (const state of states) {
    recounted.people[state.person_id] = (recounted.people[state.person_id] ?? 0) + 1;
    const post = (recounted.posts[state.post_key] ??= { shares: 0, people: new Set() });
    post.shares += 1;
    post.people.add(state.person_id);
    const week = `${weekOf(state.shared_at ?? '')} ${String(state.team_id ?? 0)}`;
    recounted.weeks[week] = (recounted.weeks[week] ?? 0) + 1;
  }
  const people = await db.selectFrom('people').select(['id', 'shares']).execute();
  const posts = await db.selectFrom('post_stats').select(['post_key', 'shares', 'people']).execute();
  const weeks = await db.selectFrom('weekly_shares').select(['week', 'team_id', 'shares']).execute();
  return {
    stored: {
      people: Object.fromEntries(people.filter((row) => row.shares !== 0).map((row) => [row.id, row.shares])),
      posts: Object.fromEntries(
        posts
          .filter((row) => row.shares !== 0 || row.people !== 0)
          .map((row) => [row.post_key, [row.shares, row.people]]),
      ),
      weeks: Object.fromEntries(
        weeks.filter((row) => row.shares !== 0).map((row) => [`${row.week} ${String(row.team_id)}`, row.shares]),
      ),
    },
    recounted: {
      people: recounted.people,
      posts: Object.fromEntries(
        Object.entries(recounted.posts).map(([key, post]) => [key, [post.shares, post.people.size]]),
      ),
      weeks: recounted.weeks,
    },
  };
}

async function expectCountsExact(): Promise<void> {
  const { stored, recounted } = await counts(endpoint.db);
  expect(stored).toEqual(recounted);
}

async function clicksOf(id: number): Promise<number> {
  const row = await endpoint.db.selectFrom('people').select('clicks').where('id', '=', id).executeTakeFirst();
  return row?.clicks ?? -1;
}

async function linkFor(token: string, postKey: string, network: 'linkedin' | 'x') {
  const answer = await apiAs(endpoint.url, token).post<{ links: { code: string; url: string }[] }>('v1/links', {
    postKey,
    networks: [network],
  });
  const [link] = answer.body.links;
  if (!link) throw new Error('no link');
  return link;
}

const click = (url: string) => fetch(url, { redirect: 'manual', headers: { 'user-agent': BROWSER } });

describe('rename', () => {
  it('trims Unicode spaces, drops zero-width characters, refuses an empty, NBSP-only or bidi-control name with the reason, and logs the change', async () => {
    await endpoint.enroll('Ada');
    const id = await personId('Ada');
    expect(await renamePerson(endpoint.db, id, '\u3000 Ada  Love\u200blace\u00a0', 'dashboard')).toMatchObject({
      ok: true,
    });
    expect((await listPeople(endpoint.db))[0]?.displayName).toBe('Ada Lovelace');

    for (const [name, reason] of [
      ['\u00a0\u3000', 'The name is empty'],
      ['\u200b\u00a0', 'The name is empty'],
      ['Ada\u202e', 'change the direction of text'],
      ['x'.repeat(81), 'at most 80 characters'],
    ] as const) {
      const outcome = await renamePerson(endpoint.db, id, name, 'dashboard');
      expect(outcome.ok).toBe(false);
      expect(outcome.ok ? '' : outcome.reason).toContain(reason);
    }
    expect((await listPeople(endpoint.db))[0]?.displayName).toBe('Ada Lovelace');
    const actions = await listActions(endpoint.db, 10);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      actor: 'dashboard',
      action: 'rename',
      target: `person ${String(id)} (Ada)`,
      detail: 'name “Ada” → “Ada Lovelace”',
    });
  });

  it('renaming someone who does not exist says so and logs nothing', async () => {
    const outcome = await renamePerson(endpoint.db, 999, 'Ghost', 'command line');
    expect(outcome.ok ? '' : outcome.reason).toContain('There is no person 999');
    expect(outcome.ok).toBe(false);
    expect(await listActions(endpoint.db, 10)).toEqual([]);
  });
});

describe('change team', () => {
  it("moves the person's standing shares to the new team's weeks, keeps the totals, and logs it", async () => {
    const token = await endpoint.enroll('Ada', 'Sales');
    await apiAs(endpoint.url, token).post('v1/events', {
      events: [shareEvent({ postKey: POST_A }), shareEvent({ postKey: POST_B, network: 'x' })],
    });
    const id = await personId('Ada');
    expect(await changeTeam(endpoint.db, id, ' research\u00a0', 'command line')).toMatchObject({ ok: true });
    await expectCountsExact();
    const teams = await endpoint.db.selectFrom('teams').select(['id', 'name']).execute();
    const research = teams.find((team) => team.name === 'research');
    const weeks = await endpoint.db.selectFrom('weekly_shares').selectAll().where('shares', '!=', 0).execute();
    expect(weeks.map((row) => [row.team_id, row.shares])).toEqual([[research?.id, 2]]);
    const summary = (await apiAs(endpoint.url, token).get<Summary>('v1/summary')).body;
    expect(summary.me.team).toBe('research');
    expect(summary.team?.shares).toBe(2);

    expect(await changeTeam(endpoint.db, id, '', 'dashboard')).toMatchObject({ ok: true });
    await expectCountsExact();
    expect((await listPeople(endpoint.db))[0]?.team).toBeNull();
    expect((await changeTeam(endpoint.db, id, 'Sa\u2066les', 'dashboard')).ok).toBe(false);
    expect((await listActions(endpoint.db, 10)).map((action) => action.detail)).toEqual([
      'team research → none',
      'team Sales → research',
    ]);
  });
});

describe('deactivate and reactivate', () => {
  it("refuses the person's devices with a message in words, keeps their shares in the totals but off the leaderboard, and lets them back", async () => {
    const ada = await endpoint.enroll('Ada');
    const bob = await endpoint.enroll('Bob');
    await apiAs(endpoint.url, ada).post('v1/events', { events: [shareEvent({ postKey: POST_A })] });
    await apiAs(endpoint.url, bob).post('v1/events', {
      events: [shareEvent({ postKey: POST_A }), shareEvent({ postKey: POST_B })],
    });
    const bobId = await personId('Bob');
    expect(await setPersonActive(endpoint.db, bobId, false, 'dashboard')).toMatchObject({ ok: true });

    const refused = await apiAs(endpoint.url, bob).get<{ message: string }>('v1/summary');
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('was deactivated by the organisation');
    expect(refused.body.message).toContain('Ask your Advocate admin to reactivate you');
    const event = shareEvent({ postKey: 'https://blog.example.com/c' });
    expect((await apiAs(endpoint.url, bob).post('v1/events', { events: [event] })).status).toBe(401);

    const summary = (await apiAs(endpoint.url, ada).get<Summary>('v1/summary')).body;
    expect(summary.leaderboard.map((entry) => [entry.rank, entry.displayName])).toEqual([[1, 'Ada']]);
    expect(summary.me.rank).toBe(1);
    expect(summary.organisation.shares).toBe(3);
    await expectCountsExact();
    const today = new Date().toISOString().slice(0, 10);
    const draw = await drawWinner(endpoint.db, { from: today, to: today, seed: 'no leavers' });
    expect(draw).toMatchObject({ candidates: 1, winner: 'Ada' });

    expect(await setPersonActive(endpoint.db, bobId, true, 'command line')).toMatchObject({ ok: true });
    expect((await apiAs(endpoint.url, bob).post('v1/events', { events: [event] })).status).toBe(200);
    const back = (await apiAs(endpoint.url, ada).get<Summary>('v1/summary')).body;
    expect(back.leaderboard.map((entry) => [entry.rank, entry.displayName])).toEqual([
      [1, 'Bob'],
      [2, 'Ada'],
    ]);
    expect((await listActions(endpoint.db, 10)).map((action) => [action.actor, action.action])).toEqual([
      ['command line', 'reactivate'],
      ['dashboard', 'deactivate'],
    ]);
  });
});

describe('merge', () => {
  it('counts a post both shared on the same network once, keeps every other share, and the counts stay exact', async () => {
    const first = await endpoint.enroll('Ada', 'Research');
    const second = await endpoint.enroll('Ada L.', 'Sales');
    // Both shared A on LinkedIn (one share after the merge); A on X and B on LinkedIn by one each.
    await apiAs(endpoint.url, first).post('v1/events', {
      events: [shareEvent({ postKey: POST_A }), shareEvent({ postKey: POST_A, network: 'x' })],
    });
    await apiAs(endpoint.url, second).post('v1/events', {
      events: [shareEvent({ postKey: POST_A }), shareEvent({ postKey: POST_B })],
    });
    const keep = await personId('Ada');
    const remove = await personId('Ada L.');
    await expectCountsExact();

    const outcome = await mergePeople(endpoint.db, { keep, remove }, 'dashboard');
    expect(outcome.ok ? outcome.message : outcome.reason).toContain('1 share both had made is now counted once');
    await expectCountsExact();
    const people = await listPeople(endpoint.db);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ id: keep, displayName: 'Ada', team: 'Research', shares: 3, devices: 2 });
    const posts = await endpoint.db.selectFrom('post_stats').select(['post_key', 'shares', 'people']).execute();
    expect(Object.fromEntries(posts.map((post) => [post.post_key, [post.shares, post.people]]))).toEqual({
      [POST_A]: [2, 1],
      [POST_B]: [1, 1],
    });
    const summary = (await apiAs(endpoint.url, second).get<Summary>('v1/summary')).body;
    expect(summary.me).toMatchObject({ displayName: 'Ada', shares: 3 });
    expect(summary.organisation.shares).toBe(3);
    expect(summary.team).toMatchObject({ name: 'Research', shares: 3 });
    expect(await listActions(endpoint.db, 10)).toEqual([
      expect.objectContaining({
        action: 'merge',
        target: `person ${String(keep)} (Ada)`,
        detail: `merged person ${String(remove)} (Ada L.) into it; 1 share both had made now counted once`,
      }),
    ]);
  });

  it('lets the newest event of either person decide a post and network, so a later take-back by one wins', async () => {
    const first = await endpoint.enroll('Ada');
    const second = await endpoint.enroll('Ada twice');
    const earlier = new Date(Date.now() - 60_000);
    await apiAs(endpoint.url, first).post('v1/events', { events: [shareEvent({ postKey: POST_A, at: earlier })] });
    await apiAs(endpoint.url, second).post('v1/events', { events: [shareEvent({ postKey: POST_A, at: earlier })] });
    await apiAs(endpoint.url, second).post('v1/events', {
      events: [shareEvent({ postKey: POST_A, type: 'unshared' })],
    });
    expect(
      await mergePeople(endpoint.db, { keep: await personId('Ada'), remove: await personId('Ada twice') }, 'dashboard'),
    ).toMatchObject({ ok: true });
    await expectCountsExact();
    expect((await listPeople(endpoint.db))[0]?.shares).toBe(0);
  });

  it("moves devices, events and links: the merged person's old link still redirects and its clicks, old and new, count for the one kept", async () => {
    const first = await endpoint.enroll('Ada');
    const second = await endpoint.enroll('Ada again');
    const keptLink = await linkFor(first, POST_A, 'linkedin');
    const removedLink = await linkFor(second, POST_A, 'linkedin');
    const onlyRemoved = await linkFor(second, POST_B, 'x');
    await click(keptLink.url);
    await click(removedLink.url);
    await click(onlyRemoved.url);
    const keep = await personId('Ada');
    const remove = await personId('Ada again');
    await vi.waitFor(async () => expect((await clicksOf(keep)) + (await clicksOf(remove))).toBe(3));
    const retried = shareEvent({ postKey: POST_B });
    await apiAs(endpoint.url, second).post('v1/events', { events: [retried] });

    expect(await mergePeople(endpoint.db, { keep, remove }, 'command line')).toMatchObject({ ok: true });
    expect(await clicksOf(keep)).toBe(3);
    expect((await click(removedLink.url)).headers.get('location')).toContain(`utm_content=${removedLink.code}`);
    await click(onlyRemoved.url);
    await vi.waitFor(async () => expect(await clicksOf(keep)).toBe(5));
    await expectCountsExact();
    const byCode = await endpoint.db
      .selectFrom('clicks')
      .select(['code', (eb) => eb.fn.countAll<DbNumber>().as('n')])
      .groupBy('code')
      .orderBy('code')
      .execute();
    expect(Object.fromEntries(byCode.map((row) => [row.code, Number(row.n)]))).toEqual({
      [keptLink.code]: 3,
      [onlyRemoved.code]: 2,
    });
    // The second device is the kept person's now: a retry of its old event is a duplicate, a link the same.
    const again = await apiAs(endpoint.url, second).post<{ results: { status: string }[] }>('v1/events', {
      events: [retried],
    });
    expect(again.body.results).toEqual([{ id: retried.id, status: 'duplicate' }]);
    expect((await linkFor(second, POST_A, 'linkedin')).code).toBe(keptLink.code);
    expect((await listDevices(endpoint.db)).map((device) => device.personId)).toEqual([keep, keep]);
  });

  it('merging while both devices send shares loses no acknowledged share and keeps the counts exact', async () => {
    const first = apiAs(endpoint.url, await endpoint.enroll('Ada'));
    const second = apiAs(endpoint.url, await endpoint.enroll('Ada again'));
    const keep = await personId('Ada');
    const remove = await personId('Ada again');
    const batches = Array.from({ length: 8 }, (_, index) => [
      shareEvent({ postKey: `https://blog.example.com/p${String(index)}` }),
      shareEvent({ postKey: POST_A, network: index % 2 === 0 ? 'x' : 'linkedin' }),
    ]);
    /** Sends until the endpoint has an answer for every event: a batch caught by the merge is sent again. */
    const send = async (device: typeof first, events: ReturnType<typeof shareEvent>[]) => {
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const answer = await device.post<{ results: { status: string }[] }>('v1/events', { events });
        if (answer.status === 200) return answer.body.results.map((result) => result.status);
      }
      throw new Error('the endpoint never took the batch');
    };
    const [merged, ...answers] = await Promise.all([
      mergePeople(endpoint.db, { keep, remove }, 'dashboard'),
      ...batches.map((events, index) => send(index % 2 === 0 ? first : second, events)),
    ]);
    expect(merged.ok).toBe(true);
    expect(answers.flat().every((status) => status === 'created' || status === 'duplicate')).toBe(true);
    const stored = new Set((await endpoint.rows()).map((row) => row.id));
    for (const event of batches.flat()) expect(stored.has(event.id), event.id).toBe(true);
    await expectCountsExact();
    // p0..p7 once each, A on X and on LinkedIn once each, whoever sent them.
    expect((await listPeople(endpoint.db))[0]).toMatchObject({ id: keep, shares: 10 });
  });

  it('a batch whose device was checked just before its person was merged away is answered 503 and stored once sent again', async () => {
    const token = await endpoint.enroll('Ada again');
    await endpoint.enroll('Ada');
    const remove = await personId('Ada again');
    const keep = await personId('Ada');
    const body = JSON.stringify({ events: [shareEvent({ postKey: POST_A })] });
    const request = httpRequest(new URL('v1/events', endpoint.url), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
    });
    request.flushHeaders();
    // The token is checked as soon as the headers arrive (its "last seen" is written then), before the body.
    await vi.waitFor(async () => {
      const device = await endpoint.db
        .selectFrom('devices')
        .select('last_seen_at')
        .where('person_id', '=', remove)
        .executeTakeFirst();
      expect(device?.last_seen_at).not.toBeNull();
    });
    expect((await mergePeople(endpoint.db, { keep, remove }, 'dashboard')).ok).toBe(true);
    request.end(body);
    const refused = await answer;
    expect(refused.status).toBe(503);
    expect(refused.text).toContain('merged into another one just now; nothing was stored, send it again');
    expect(await endpoint.rows()).toEqual([]);
    const again = await apiAs(endpoint.url, token).post<{ results: { status: string }[] }>('v1/events', body);
    expect(again.body.results.map((result) => result.status)).toEqual(['created']);
    expect((await listPeople(endpoint.db))[0]).toMatchObject({ id: keep, shares: 1 });
    await expectCountsExact();
  });

  it('refuses to merge a person into themselves or into someone unknown, changing nothing', async () => {
    await endpoint.enroll('Ada');
    const id = await personId('Ada');
    expect((await mergePeople(endpoint.db, { keep: id, remove: id }, 'dashboard')).ok).toBe(false);
    const unknown = await mergePeople(endpoint.db, { keep: id, remove: 999 }, 'dashboard');
    expect(unknown.ok ? '' : unknown.reason).toContain('There is no person 999');
    expect(await listPeople(endpoint.db)).toHaveLength(1);
    expect(await listActions(endpoint.db, 10)).toEqual([]);
  });
});

describe('codes and devices', () => {
  it('logs a code created and revoked, and a device revoked, naming what they were done to', async () => {
    const { id } = await createCodeAs(endpoint.db, { team: 'Sales', expiresAt: null }, 'dashboard');
    expect(await revokeCodeAs(endpoint.db, id, 'command line')).toBe(true);
    expect(await revokeCodeAs(endpoint.db, id, 'command line')).toBe(false);
    await endpoint.enroll('Ada');
    const [device] = await listDevices(endpoint.db);
    expect(await revokeDeviceAs(endpoint.db, device?.id ?? 0, 'dashboard')).toBe(device?.personId);
    expect(await revokeDeviceAs(endpoint.db, device?.id ?? 0, 'dashboard')).toBeNull();
    expect(await revokeDeviceAs(endpoint.db, 999, 'dashboard')).toBeNull();
    expect(
      (await listActions(endpoint.db, 10)).map((action) => [action.actor, action.action, action.target, action.detail]),
    ).toEqual([
      [
        'dashboard',
        'revoke device',
        `device ${String(device?.id)} of person ${String(device?.personId)} (Ada)`,
        'its token is refused from now on',
      ],
      [
        'command line',
        'revoke code',
        `code ${String(id)}`,
        'no new enrollments; devices enrolled with it keep working',
      ],
      ['dashboard', 'create code', `code ${String(id)}`, 'team Sales; its team holds; no limit of uses; no expiry'],
    ]);
  });

  it('lists each person with devices, last seen, and when and with which code they enrolled', async () => {
    const token = await endpoint.enroll('Ada');
    await apiAs(endpoint.url, token).get('v1/summary');
    const [ada] = await listPeople(endpoint.db);
    const [code] = await endpoint.db.selectFrom('enrollment_codes').select('id').execute();
    expect(ada).toMatchObject({ devices: 1, revokedDevices: 0, enrolledWithCode: code?.id, deactivatedAt: null });
    expect(Date.parse(ada?.lastSeenAt ?? '')).toBeGreaterThanOrEqual(Date.parse(ada?.enrolledAt ?? ''));
  });
});
