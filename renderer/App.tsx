import { useEffect, useState } from 'react';
import { useAdvocate } from './advocate-context.tsx';
import { PostList } from './components/PostList.tsx';
import { usePosts } from './use-posts.ts';

export function App() {
  const api = useAdvocate();
  const posts = usePosts();
  const [openPostId, setOpenPostId] = useState<string | null>(null);

  useEffect(
    () =>
      api.onOpenPost(({ postId }) => {
        setOpenPostId(postId);
      }),
    [api],
  );

  return (
    <main className="app">
      <header className="app__header">
        <h1 className="app__title">Advocate</h1>
      </header>
      <PostList state={posts} openPostId={openPostId} />
    </main>
  );
}
