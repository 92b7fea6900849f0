/** GET /v1/summary: one person's results among their team and organisation; ETag and 304. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Summary } from '../../common/protocol.ts';
import { setLeaderboardAnonymous } from '../../server/admin/organisation.ts';
import { recentWeeks } from '../../common/weeks.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest();
// The shares must fall in the week the summary counts: Date stands still on a Wednesday noon (UTC), days from a
// week's edge, instead of running over Monday 00:00 between a share and the summary read.
beforeEach(() => {
  vi.setSystemTime(new Date('2026-11-25T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const DAY = 86_400_000;
const post = (slug: string) => `https://blog.example.com/${slug}`;

async function person(name: string, team?: string) {
  return apiAs(endpoint.url, await endpoint.enroll(name, team));
}

describe('GET /v1/summary', () => {
  it("reports my totals, my team's, the organisation's, the leaderboard with my rank, and per-post counts", async () => {
    const ada = await person('Ada', 'Research');
    const bob = await person('Bob', 'Research');
    const cy = await person('Cy', 'Sales');
    await ada.post('v1/events', {
      events: [
        shareEvent({ postKey: post('a') }),
        shareEvent({ postKey: post('a'), network: 'x' }),
        shareEvent({ postKey: post('b') }),
      ],
    });
    await bob.post('v1/events', { events: [shareEvent({ postKey: post('a') })] });
    await cy.post('v1/events', {
      events: [
        shareEvent({ postKey: post('a') }),
        shareEvent({ postKey: post('c') }),
        shareEvent({ postKey: post('d'), at: new Date(Date.now() - 14 * DAY) }),
      ],
    });

    const { status, body } = await bob.get<Summary>('v1/summary');
    expect(status).toBe(200);
    expect(body.me).toMatchObject({
      displayName: 'Bob',
      team: 'Research',
      shares: 1,
      sharesThisWeek: 1,
      clicks: 0,
      rank: 3,
      streakWeeks: 1,
    });
    expect(body.me.weekly).toHaveLength(9);
    expect(body.me.weekly.at(-1)).toEqual({ week: recentWeeks(new Date(), 1)[0], shares: 1 });
    expect(body.team).toMatchObject({ name: 'Research', people: 2, shares: 4 });
    expect(body.organisation).toMatchObject({ people: 3, shares: 7 });
    expect(body.organisation.weekly.reduce((sum, week) => sum + week.shares, 0)).toBe(7);
    expect(body.leaderboard).toEqual([
      { rank: 1, displayName: 'Ada', shares: 3, me: false },
      { rank: 1, displayName: 'Cy', shares: 3, me: false },
      { rank: 3, displayName: 'Bob', shares: 1, me: true },
    ]);
    expect(body.posts.find((entry) => entry.postKey === post('a'))).toEqual({
      postKey: post('a'),
      shares: 4,
      people: 3,
      clicks: 0,
    });
    expect(body.anonymous).toBe(false);
  });

  it('counts as people only those with a share standing: one enrolled who never shared, one who took theirs back', async () => {
    const ada = await person('Ada', 'Research');
    await person('Idle', 'Research');
    const bob = await person('Bob', 'Research');
    await ada.post('v1/events', { events: [shareEvent({ postKey: post('a') })] });
    await bob.post('v1/events', { events: [shareEvent({ postKey: post('a') })] });
    await bob.post('v1/events', {
      events: [shareEvent({ postKey: post('a'), type: 'unshared', at: new Date(Date.now() + 1000) })],
    });
    const { body } = await ada.get<Summary>('v1/summary');
    expect(body.team).toMatchObject({ name: 'Research', people: 1, shares: 1 });
    expect(body.organisation).toMatchObject({ people: 1, shares: 1 });
  });

  it("hides other people's names when the organisation makes the leaderboard anonymous, but not mine", async () => {
    const ada = await person('Ada');
    const bob = await person('Bob');
    await ada.post('v1/events', { events: [shareEvent(), shareEvent({ network: 'x' })] });
    await bob.post('v1/events', { events: [shareEvent()] });
    await setLeaderboardAnonymous(endpoint.db, true);
    const { body } = await bob.get<Summary>('v1/summary');
    expect(body.anonymous).toBe(true);
    expect(body.leaderboard).toEqual([
      { rank: 1, displayName: null, shares: 2, me: false },
      { rank: 2, displayName: 'Bob', shares: 1, me: true },
    ]);
    expect(JSON.stringify(body)).not.toContain('Ada');
  });

  it('counts a take-back: the newest event per post and network decides', async () => {
    const ada = await person('Ada');
    // The take-back a second later: its UUIDv7 is newer, which is what decides (not the order sent).
    const undo = shareEvent({ postKey: post('undo'), type: 'unshared', at: new Date(Date.now() + 1000) });
    const share = shareEvent({ postKey: post('undo') });
    await ada.post('v1/events', { events: [share] });
    expect((await ada.get<Summary>('v1/summary')).body.me.shares).toBe(1);
    await ada.post('v1/events', { events: [undo, share] });
    const { body } = await ada.get<Summary>('v1/summary');
    expect(body.me.shares).toBe(0);
    expect(body.posts.find((entry) => entry.postKey === post('undo'))).toMatchObject({ shares: 0, people: 0 });
  });

  it('answers 304 to the same ETag, and a new ETag once something changed', async () => {
    const ada = await person('Ada');
    const first = await ada.get('v1/summary');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await ada.get('v1/summary', { 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    await ada.post('v1/events', { events: [shareEvent()] });
    const changed = await ada.get('v1/summary', { 'if-none-match': etag ?? '' });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});
