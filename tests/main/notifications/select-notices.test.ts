/** Which notifications a poll's new posts deserve: one each, a summary from three on, never a flood on a first poll. */
import { describe, expect, it } from 'vitest';
import { NOTICE_BODY_MAX_LENGTH, selectNotices } from '../../../main/notifications/select-notices.ts';
import { testPost } from '../../helpers/posts.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const HOUR = 60 * 60 * 1000;
const post = (id: string, hoursAgo: number | null, pitch?: string) =>
  testPost(
    id,
    hoursAgo === null ? null : new Date(NOW.getTime() - hoursAgo * HOUR),
    pitch === undefined ? {} : { pitch },
  );

describe('selectNotices', () => {
  it('gives one notification per new post: title is the post title, body its pitch', () => {
    expect(selectNotices([post('a', 1), post('b', 2)], { firstPoll: false, now: NOW })).toEqual([
      { title: 'Post a', body: 'About a.', postId: 'a' },
      { title: 'Post b', body: 'About b.', postId: 'b' },
    ]);
  });

  it('shortens a long pitch at a word boundary', () => {
    const pitch = `${'word '.repeat(40)}end.`;
    const [notice] = selectNotices([post('a', 1, pitch)], { firstPoll: false, now: NOW });
    expect(notice?.body.length).toBeLessThanOrEqual(NOTICE_BODY_MAX_LENGTH);
    expect(notice?.body).toMatch(/word…$/);
  });

  it('sums three or more new posts up in one notification that opens no single post', () => {
    expect(selectNotices([post('a', 3), post('b', 1), post('c', 2)], { firstPoll: false, now: NOW })).toEqual([
      { title: '3 new posts to share', body: 'Post b · Post c and more', postId: null },
    ]);
  });

  it("on a feed's first poll, tells about the newest recent post only, and about no old one", () => {
    const firstRun = [post('old', 24 * 10), post('recent', 30), post('newest', 2), post('undated', null)];
    expect(selectNotices(firstRun, { firstPoll: true, now: NOW })).toEqual([
      { title: 'Post newest', body: 'About newest.', postId: 'newest' },
    ]);
    expect(selectNotices([post('old', 24 * 10)], { firstPoll: true, now: NOW })).toEqual([]);
  });
});
