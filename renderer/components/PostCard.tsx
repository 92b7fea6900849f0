import { useEffect, useRef, useState } from 'react';
import type { PostView } from '../../common/domain.ts';
import { useAdvocate } from '../advocate-context.tsx';

function shareCountText(count: number | null): string | null {
  if (count === null) return null;
  if (count === 0) return 'No shares yet';
  return count === 1 ? 'Shared once' : `Shared ${String(count)} times`;
}

export function PostCard({ post, highlighted }: { post: PostView; highlighted: boolean }) {
  const api = useAdvocate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shared = post.sharedOn.length > 0;
  const countText = shareCountText(post.shareCount);
  const articleRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (highlighted) articleRef.current?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);

  async function markShared(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await api.markShared({ postId: post.id, network: 'linkedin' });
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article ref={articleRef} className={highlighted ? 'post post--highlighted' : 'post'} aria-labelledby={`title-${post.id}`} data-post-id={post.id}>
      <p className="post__feed">{post.feedTitle}</p>
      <h2 className="post__title" id={`title-${post.id}`}>
        {post.title}
      </h2>
      {post.pitch && <p className="post__pitch">{post.pitch}</p>}
      <div className="post__actions">
        <button type="button" className="button" onClick={() => void markShared()} disabled={busy || shared} aria-pressed={shared}>
          {shared ? 'Shared ✓' : 'Mark shared'}
        </button>
        {countText && (
          <span className="post__count" data-testid="share-count">
            {countText}
          </span>
        )}
      </div>
      {error && (
        <p className="post__error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
