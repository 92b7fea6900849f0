/**
 * The anchor for bench/window: a bare React 19 app, built by Vite the way the window is. It lists the
 * posts `window.advocate.listPosts()` gives it (title and feed name), nothing more.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Item {
  readonly id: string;
  readonly title: string;
  readonly feedTitle: string;
}

const source = (window as unknown as { advocate?: { listPosts(): Promise<Item[]> } }).advocate;

function App() {
  const [posts, setPosts] = useState<Item[]>([]);
  useEffect(() => {
    void source?.listPosts().then(setPosts);
  }, []);
  return (
    <ul>
      {posts.map((post) => (
        <li key={post.id}>
          <strong>{post.title}</strong> <span>{post.feedTitle}</span>
        </li>
      ))}
    </ul>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
