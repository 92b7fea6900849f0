/** The post list's order: newest first; posts without a date after the dated ones, in feed order. */
import type { PostView } from '../../common/domain.ts';

const timeOf = (post: PostView): number => {
  const time = post.publishedAt === null ? Number.NaN : Date.parse(post.publishedAt);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
};

export function newestFirst(posts: readonly PostView[]): PostView[] {
  // Array.prototype.sort is stable, so equal times keep the order main sent.
  return [...posts].sort((a, b) => {
    const [ta, tb] = [timeOf(a), timeOf(b)];
    return ta === tb ? 0 : tb > ta ? 1 : -1;
  });
}
