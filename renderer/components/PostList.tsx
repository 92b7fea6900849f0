import type { PostsState } from '../use-posts.ts';
import { PostCard } from './PostCard.tsx';

export function PostList({ state, openPostId }: { state: PostsState; openPostId: string | null }) {
  if (state.status === 'loading') return <p className="status" role="status">Loading posts…</p>;
  if (state.status === 'error') return <p className="status status--error" role="alert">Posts could not be loaded: {state.message}</p>;
  if (state.posts.length === 0) return <p className="status">No posts yet. New posts from your company's blog will appear here.</p>;
  return (
    <ul className="post-list">
      {state.posts.map((post) => (
        <li key={post.id}>
          <PostCard post={post} highlighted={post.id === openPostId} />
        </li>
      ))}
    </ul>
  );
}
