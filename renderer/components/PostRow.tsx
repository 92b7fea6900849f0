import type { Ref } from 'react';
import type { PostView } from '../../common/domain.ts';
import { NETWORK_LABELS } from '../../common/share/network-labels.ts';
import { displayText, TEXT_LIMITS } from '../text/display-text.ts';
import { PostMeta } from './PostMeta.tsx';
import { Thumbnail } from './Thumbnail.tsx';

interface PostRowProps {
  readonly post: PostView;
  readonly now: Date;
  /** Only the active row is in the Tab order; arrow keys move between rows (PostListView). */
  readonly active: boolean;
  readonly onOpen: (postId: string) => void;
  readonly onFocus: () => void;
  readonly ref?: Ref<HTMLButtonElement>;
}

export function PostRow({ post, now, active, onOpen, onFocus, ref }: PostRowProps) {
  const feed = displayText(post.feedTitle, TEXT_LIMITS.feed);
  return (
    <button
      ref={ref}
      type="button"
      className={post.unread ? 'post-row post-row--unread' : 'post-row'}
      data-post-id={post.id}
      tabIndex={active ? 0 : -1}
      onFocus={onFocus}
      onClick={() => {
        onOpen(post.id);
      }}
    >
      <Thumbnail url={post.imageUrl} fallback={feed} />
      <span className="post-row__body">
        <span className="post-row__title" dir="auto">
          {post.unread && (
            <span className="unread-dot">
              <span className="sr-only">New: </span>
            </span>
          )}
          {displayText(post.title, TEXT_LIMITS.title)}
        </span>
        <PostMeta post={post} now={now} className="post-row__meta" />
        {post.sharedOn.length > 0 && (
          <span className="post-row__shared">
            ✓ Shared on {post.sharedOn.map((network) => NETWORK_LABELS[network]).join(', ')}
          </span>
        )}
      </span>
    </button>
  );
}
