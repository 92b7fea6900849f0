import type { PostView } from '../../common/domain.ts';
import { displayText, TEXT_LIMITS } from '../text/display-text.ts';
import { fullTime, relativeTime } from '../text/relative-time.ts';

/** "Example Blog · 2 h ago", with the full date on hover and for screen readers' `dateTime`. */
export function PostMeta({
  post,
  now,
  className,
}: {
  post: Pick<PostView, 'feedTitle' | 'publishedAt'>;
  now: Date;
  className: string;
}) {
  const when = post.publishedAt === null ? null : relativeTime(post.publishedAt, now);
  return (
    <span className={className}>
      <span dir="auto">{displayText(post.feedTitle, TEXT_LIMITS.feed)}</span>
      {when !== null && post.publishedAt !== null && (
        <>
          {' · '}
          <time dateTime={post.publishedAt} title={fullTime(post.publishedAt)}>
            {when}
          </time>
        </>
      )}
    </span>
  );
}
