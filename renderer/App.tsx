import { useCallback, useEffect, useState } from 'react';
import type { PostView as Post } from '../common/domain.ts';
import { useAdvocate } from './advocate-context.tsx';
import { NavBar } from './components/NavBar.tsx';
import { useAppData } from './data/app-data.ts';
import { useFreshResults } from './data/use-fresh-results.ts';
import { readyValue } from './data/use-live.ts';
import { sectionOf, type Route, type Section } from './navigation.ts';
import { onboardingSeen, rememberOnboardingSeen } from './onboarding-flag.ts';
import { GuideView } from './views/GuideView.tsx';
import { Onboarding } from './views/Onboarding.tsx';
import { PostListView } from './views/PostListView.tsx';
import { PostView } from './views/PostView.tsx';
import { ResultsView } from './views/ResultsView.tsx';
import { SettingsView } from './views/SettingsView.tsx';

export function App() {
  const api = useAdvocate();
  const data = useAppData();
  const [route, setRoute] = useState<Route>({ view: 'posts' });
  // Focus moves only after the person (or a notification) moved: never on the first load.
  const [moved, setMoved] = useState(false);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const [onboarding, setOnboarding] = useState(() => !onboardingSeen());
  useFreshResults(route.view === 'results');

  const posts = readyValue(data.posts.state);
  const settings = readyValue(data.settings.state);
  const results = readyValue(data.results.state);

  const go = useCallback((next: Route, from: string | null = null) => {
    setRoute(next);
    setReturnTo(from);
    setMoved(true);
  }, []);

  const openPost = useCallback(
    (postId: string) => {
      setOnboarding(false);
      go({ view: 'post', postId });
      api.markRead(postId).catch(() => {
        // Best effort: the post stays marked new, and opening it again retries.
      });
    },
    [api, go],
  );

  useEffect(
    () =>
      api.onOpenPost(({ postId }) => {
        openPost(postId);
      }),
    [api, openPost],
  );
  useEffect(
    () =>
      api.onShowSettings(() => {
        setOnboarding(false);
        go({ view: 'settings' });
      }),
    [api, go],
  );

  const updatePost = useCallback(
    (changed: Post) => {
      data.posts.update((list) => list.map((post) => (post.id === changed.id ? changed : post)));
    },
    [data.posts],
  );

  if (onboarding) {
    return (
      <main className="app app--onboarding">
        <Onboarding
          trainingUrl={settings?.values.trainingUrl ?? null}
          onDone={() => {
            rememberOnboardingSeen();
            setOnboarding(false);
            setMoved(true);
          }}
        />
      </main>
    );
  }

  const navigate = (section: Section): void => {
    go({ view: section });
  };
  const unread = posts?.filter((post) => post.unread).length ?? 0;
  return (
    <div className="app">
      <header className="app__header">
        <span className="app__brand">Advocate</span>
        <NavBar current={sectionOf(route)} unread={unread} onNavigate={navigate} />
      </header>
      <main className="app__main">{renderView()}</main>
    </div>
  );

  function renderView() {
    switch (route.view) {
      case 'post': {
        const post = posts?.find((candidate) => candidate.id === route.postId);
        if (!post || !settings) {
          return <p role="status">{posts && settings ? 'This post is no longer available.' : 'Loading…'}</p>;
        }
        const people = results?.summary?.posts.find((entry) => entry.postKey === post.key)?.people ?? null;
        return (
          <PostView
            key={post.id}
            post={post}
            settings={settings}
            people={people}
            focusTitle={moved}
            onChanged={updatePost}
            onBack={() => {
              go({ view: 'posts' }, post.id);
            }}
          />
        );
      }
      case 'posts':
        return (
          <PostListView
            posts={data.posts.state}
            feeds={readyValue(data.feeds.state)}
            onOpen={openPost}
            onRetry={data.posts.reload}
            onSettings={() => {
              navigate('settings');
            }}
            focusPostId={returnTo}
            focusTitle={moved}
          />
        );
      case 'results':
        return (
          <ResultsView
            results={data.results.state}
            sync={readyValue(data.sync.state)}
            onRetry={data.results.reload}
            onRefresh={() => api.refreshResults('now')}
            onSettings={() => {
              navigate('settings');
            }}
            focusTitle={moved}
          />
        );
      case 'guide':
        return (
          <GuideView
            results={results}
            networks={settings?.values.enabledNetworks ?? []}
            trainingUrl={settings?.values.trainingUrl ?? null}
            focusTitle={moved}
          />
        );
      case 'settings':
        return (
          <SettingsView
            settings={data.settings.state}
            feeds={readyValue(data.feeds.state)}
            postSource={readyValue(data.postSource.state)}
            sync={readyValue(data.sync.state)}
            pause={readyValue(data.pause.state)}
            onRetry={data.settings.reload}
            focusTitle={moved}
          />
        );
    }
  }
}
