/**
 * Decides which notifications one poll's new posts deserve. Pure, so every rule is testable in isolation.
 * A feed's first poll never floods: only posts from the last few days count, and at most one notifies.
 */
import type { Post } from '../../common/domain.ts';
import { shortenAtWord } from '../../common/pitch.ts';
import { FIRST_POLL_WINDOW_MS } from '../../feeds/index.ts';
import type { Notice } from '../core/ports.ts';
/** From this many new posts in one poll on, one summary replaces the single notifications. */
export const SUMMARY_THRESHOLD = 3;
/** Notification bodies show two or three lines on every platform; longer pitches are cut at a word. */
export const NOTICE_BODY_MAX_LENGTH = 120;

const byNewestFirst = (a: Post, b: Post): number => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '');

export interface PollFacts {
  /** The feed's first poll on this desktop (first run, or a feed just added). */
  readonly firstPoll: boolean;
  readonly now: Date;
}

/** The new posts worth telling the person about, newest first: on a first poll, only recent ones. */
export function postsWorthTelling(newPosts: readonly Post[], facts: PollFacts): Post[] {
  const cutoff = facts.now.getTime() - FIRST_POLL_WINDOW_MS;
  const candidates = facts.firstPoll
    ? newPosts.filter((post) => post.publishedAt !== null && Date.parse(post.publishedAt) >= cutoff)
    : newPosts;
  return [...candidates].sort(byNewestFirst);
}

function noticeFor(post: Post): Notice {
  return { title: post.title, body: shortenAtWord(post.pitch, NOTICE_BODY_MAX_LENGTH), postId: post.id };
}

export function selectNotices(newPosts: readonly Post[], facts: PollFacts): Notice[] {
  const posts = postsWorthTelling(newPosts, facts);
  if (facts.firstPoll) return posts.slice(0, 1).map(noticeFor);
  if (posts.length >= SUMMARY_THRESHOLD) {
    const titles = posts.slice(0, 2).map((post) => post.title);
    return [
      {
        title: `${String(posts.length)} new posts to share`,
        body: shortenAtWord(`${titles.join(' · ')} and more`, NOTICE_BODY_MAX_LENGTH),
        postId: null,
      },
    ];
  }
  return posts.map(noticeFor);
}
