/**
 * Decides which notifications a poll's new posts deserve. Pure, so every rule is testable in isolation.
 * A feed's first poll never floods: only posts from the last few days count, and at most one notifies.
 */
import type { Post } from '../../common/domain.ts';
import type { Notice } from '../core/ports.ts';

export const FIRST_POLL_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;
/** From this many new posts in one cycle on, one summary replaces the single notifications. */
export const SUMMARY_THRESHOLD = 3;

const byNewestFirst = (a: Post, b: Post): number => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '');

function noticeFor(post: Post): Notice {
  return { title: post.title, body: post.pitch, postId: post.id };
}

export function selectNotices(newPosts: readonly Post[], options: { firstPoll: boolean; now: Date }): Notice[] {
  if (options.firstPoll) {
    const cutoff = options.now.getTime() - FIRST_POLL_WINDOW_MS;
    const recent = newPosts.filter((post) => post.publishedAt !== null && Date.parse(post.publishedAt) >= cutoff);
    const newest = recent.sort(byNewestFirst)[0];
    return newest ? [noticeFor(newest)] : [];
  }
  if (newPosts.length >= SUMMARY_THRESHOLD) {
    const titles = [...newPosts].sort(byNewestFirst).slice(0, 2).map((post) => post.title);
    return [{ title: `${String(newPosts.length)} new posts to share`, body: `${titles.join(' · ')} and more`, postId: null }];
  }
  return newPosts.map(noticeFor);
}
