/** An in-memory AdvocateApi for component tests: records calls and lets a test push main's events. */
import type { PostView } from '../../common/domain.ts';
import type { AdvocateApi, EventMap, MarkSharedRequest } from '../../common/ipc/contract.ts';
import type { SettingsUpdate, SettingsView } from '../../common/settings.ts';
import { DEFAULT_SETTINGS } from '../../main/settings/defaults.ts';

/** What a fresh desktop's window is told: the built-in defaults, nothing locked. */
export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  const { enrollmentCode, ...values } = DEFAULT_SETTINGS;
  return { values, enrollmentCodeSet: enrollmentCode !== null, locked: {}, ...overrides };
}

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
  readonly settingsUpdates: SettingsUpdate[];
  readonly opened: string[];
  push<K extends keyof EventMap>(event: K, payload: EventMap[K]): void;
}

export function fakeApi(posts: PostView[], options: { markShared?: (request: MarkSharedRequest) => Promise<PostView> } = {}): FakeApi {
  const listeners: { [K in keyof EventMap]: Set<(payload: EventMap[K]) => void> } = {
    postsChanged: new Set(),
    openPost: new Set(),
    feedsChanged: new Set(),
    settingsChanged: new Set(),
    showSettings: new Set(),
  };
  const subscribe =
    <K extends keyof EventMap>(event: K) =>
    (listener: (payload: EventMap[K]) => void) => {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    };
  const marked: MarkSharedRequest[] = [];
  const settingsUpdates: SettingsUpdate[] = [];
  const opened: string[] = [];
  let settings = settingsView();
  return {
    marked,
    settingsUpdates,
    opened,
    listPosts: () => Promise.resolve(posts),
    refreshFeeds: () => Promise.resolve(null),
    listFeeds: () => Promise.resolve([]),
    checkFeed: (url) => Promise.resolve({ ok: false, url, error: 'not checked in the fake' }),
    markShared: (request) => {
      marked.push(request);
      const post = posts.find((candidate) => candidate.id === request.postId) ?? postView();
      return options.markShared ? options.markShared(request) : Promise.resolve({ ...post, sharedOn: [request.network] });
    },
    getSettings: () => Promise.resolve(settings),
    updateSettings: (change) => {
      settingsUpdates.push(change);
      const { enrollmentCode, ...visible } = change;
      settings = {
        ...settings,
        values: { ...settings.values, ...visible },
        enrollmentCodeSet: enrollmentCode === undefined ? settings.enrollmentCodeSet : enrollmentCode !== null,
      };
      return Promise.resolve(settings);
    },
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve(null);
    },
    onPostsChanged: subscribe('postsChanged'),
    onOpenPost: subscribe('openPost'),
    onSettingsChanged: subscribe('settingsChanged'),
    onShowSettings: subscribe('showSettings'),
    onFeedsChanged: subscribe('feedsChanged'),
    push(event, payload) {
      for (const listener of listeners[event]) listener(payload);
    },
  };
}
