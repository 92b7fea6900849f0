/** An in-memory AdvocateApi for component tests: records calls and lets a test push main's events. */
import type { PostView } from '../../common/domain.ts';
import type { AdvocateApi, EventMap, MarkSharedRequest } from '../../common/ipc/contract.ts';

export function postView(overrides: Partial<PostView> = {}): PostView {
  return {
    id: 'feed:1',
    feedId: 'feed',
    key: 'https://blog.example.com/one',
    title: 'Ship small, ship often',
    link: 'https://blog.example.com/one',
    pitch: 'We moved to daily releases.',
    imageUrl: null,
    publishedAt: '2026-11-25T10:00:00.000Z',
    messages: {},
    hashtags: [],
    feedTitle: 'Example Blog',
    sharedOn: [],
    shareCount: null,
    ...overrides,
  };
}

export interface FakeApi extends AdvocateApi {
  readonly marked: MarkSharedRequest[];
  push<K extends keyof EventMap>(event: K, payload: EventMap[K]): void;
}

export function fakeApi(posts: PostView[], options: { markShared?: (request: MarkSharedRequest) => Promise<PostView> } = {}): FakeApi {
  const listeners: { [K in keyof EventMap]: Set<(payload: EventMap[K]) => void> } = { postsChanged: new Set(), openPost: new Set(), feedsChanged: new Set() };
  const marked: MarkSharedRequest[] = [];
  return {
    marked,
    listPosts: () => Promise.resolve(posts),
    refreshFeeds: () => Promise.resolve(null),
    listFeeds: () => Promise.resolve([]),
    checkFeed: (url) => Promise.resolve({ ok: false, url, error: 'not checked in the fake' }),
    markShared: (request) => {
      marked.push(request);
      const post = posts.find((candidate) => candidate.id === request.postId) ?? postView();
      return options.markShared ? options.markShared(request) : Promise.resolve({ ...post, sharedOn: [request.network] });
    },
    onPostsChanged: (listener) => {
      listeners.postsChanged.add(listener);
      return () => listeners.postsChanged.delete(listener);
    },
    onOpenPost: (listener) => {
      listeners.openPost.add(listener);
      return () => listeners.openPost.delete(listener);
    },
    onFeedsChanged: (listener) => {
      listeners.feedsChanged.add(listener);
      return () => listeners.feedsChanged.delete(listener);
    },
    push(event, payload) {
      for (const listener of listeners[event]) listener(payload);
    },
  };
}
