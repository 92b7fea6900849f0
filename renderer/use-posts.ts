/** The post list, kept current by main's postsChanged events. */
import { useEffect, useState } from 'react';
import type { PostView } from '../common/domain.ts';
import { useAdvocate } from './advocate-context.tsx';

export type PostsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly posts: readonly PostView[] }
  | { readonly status: 'error'; readonly message: string };

export function usePosts(): PostsState {
  const api = useAdvocate();
  const [state, setState] = useState<PostsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const unsubscribe = api.onPostsChanged((posts) => {
      setState({ status: 'ready', posts });
    });
    api.listPosts().then(
      (posts) => {
        if (live) setState((current) => (current.status === 'ready' ? current : { status: 'ready', posts }));
      },
      (error: unknown) => {
        if (live) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);
  return state;
}
