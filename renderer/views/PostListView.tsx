import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Feed, PostView } from '../../common/domain.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { FeedProblems } from '../components/FeedProblems.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { PostRow } from '../components/PostRow.tsx';
import { ViewFrame } from '../components/ViewFrame.tsx';
import type { Live } from '../data/use-live.ts';
import { useNow } from '../data/use-now.ts';
import { messageOf } from '../errors.ts';
import { nextRow } from '../posts/list-keys.ts';
import { newestFirst } from '../posts/order.ts';
import { FormError } from '../components/FormError.tsx';

export interface PostListViewProps {
  readonly posts: Live<PostView[]>;
  readonly feeds: readonly Feed[] | null;
  readonly onOpen: (postId: string) => void;
  readonly onRetry: () => void;
  readonly onSettings: () => void;
  /** The post to put focus on (coming back from it); null leaves focus alone. */
  readonly focusPostId: string | null;
  readonly focusTitle: boolean;
}

export function PostListView({
  posts,
  feeds,
  onOpen,
  onRetry,
  onSettings,
  focusPostId,
  focusTitle,
}: PostListViewProps) {
  const now = useNow();
  const unread = posts.status === 'ready' ? posts.value.filter((post) => post.unread).length : 0;
  return (
    <ViewFrame
      id="posts-title"
      title="Posts"
      focusTitle={focusTitle && focusPostId === null}
      aside={
        <>
          {unread > 0 && <span className="view__hint">{unread} new</span>}
          <RefreshButton />
        </>
      }
    >
      {feeds && <FeedProblems feeds={feeds} now={now} onSettings={onSettings} />}
      <PostListBody
        posts={posts}
        feeds={feeds}
        now={now}
        onOpen={onOpen}
        onRetry={onRetry}
        onSettings={onSettings}
        focusPostId={focusPostId}
      />
    </ViewFrame>
  );
}

function RefreshButton() {
  const api = useAdvocate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = (): void => {
    setBusy(true);
    setError(null);
    api.refreshFeeds().then(
      () => {
        setBusy(false);
      },
      (reason: unknown) => {
        setBusy(false);
        setError(messageOf(reason));
      },
    );
  };
  return (
    <>
      <button type="button" className="button button--quiet" onClick={refresh} disabled={busy}>
        {busy ? 'Checking…' : 'Refresh'}
      </button>
      <FormError lead="Could not refresh" message={error} />
    </>
  );
}

type BodyProps = Omit<PostListViewProps, 'focusTitle'> & { readonly now: Date };

function PostListBody({ posts, feeds, now, onOpen, onRetry, onSettings, focusPostId }: BodyProps) {
  if (posts.status === 'loading') {
    return (
      <p className="empty" role="status">
        Loading posts…
      </p>
    );
  }
  if (posts.status === 'error') {
    return <LoadFailed what="The posts" message={posts.message} onRetry={onRetry} />;
  }
  if (posts.value.length === 0) {
    const noFeeds = feeds !== null && feeds.length === 0;
    return (
      <div className="empty">
        <p>
          {noFeeds
            ? 'No feeds yet. Add your company’s blog to see its posts here.'
            : 'No posts yet. New posts from your company’s blog will appear here.'}
        </p>
        {noFeeds && (
          <button type="button" className="button" onClick={onSettings}>
            Add a feed
          </button>
        )}
      </div>
    );
  }
  return <PostRows posts={posts.value} now={now} onOpen={onOpen} focusPostId={focusPostId} />;
}

function PostRows({
  posts,
  now,
  onOpen,
  focusPostId,
}: {
  posts: readonly PostView[];
  now: Date;
  onOpen: (postId: string) => void;
  focusPostId: string | null;
}) {
  const ordered = useMemo(() => newestFirst(posts), [posts]);
  const rows = useRef<(HTMLButtonElement | null)[]>([]);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      ordered.findIndex((post) => post.id === focusPostId),
    ),
  );
  const activeIndex = Math.min(active, ordered.length - 1);

  useEffect(() => {
    if (focusPostId === null) return;
    const index = ordered.findIndex((post) => post.id === focusPostId);
    if (index >= 0) rows.current[index]?.focus();
    // Only when coming back from a post, not on every list change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusPostId]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = nextRow(event.key, activeIndex, ordered.length);
    if (target === null) return;
    event.preventDefault();
    setActive(target);
    rows.current[target]?.focus();
  };

  return (
    <ul className="post-list" aria-label="Posts, newest first" onKeyDown={onKeyDown}>
      {ordered.map((post, index) => (
        <li key={post.id}>
          <PostRow
            ref={(element) => {
              rows.current[index] = element;
            }}
            post={post}
            now={now}
            active={index === activeIndex}
            onOpen={onOpen}
            onFocus={() => {
              setActive(index);
            }}
          />
        </li>
      ))}
    </ul>
  );
}
