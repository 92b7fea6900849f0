/** An in-memory AdvocateApi for component tests: records calls and lets a test push main's events. */
import { NETWORKS, type Network, type PostView } from '../../common/domain.ts';
import { kitFromPost } from '../../common/share/kit.ts';
import type { ResultsView } from '../../common/sharing.ts';
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
    unread: false,
    shareCount: null,
    ...overrides,
  };
}

export interface FakeApi extends AdvocateApi {
  readonly marked: MarkSharedRequest[];
  readonly undone: MarkSharedRequest[];
  readonly read: string[];
  readonly settingsUpdates: SettingsUpdate[];
  readonly opened: string[];
  push<K extends keyof EventMap>(event: K, payload: EventMap[K]): void;
}

/** A person with no shares yet and no endpoint. */
export const EMPTY_RESULTS: ResultsView = {
  local: { sharesThisWeek: 0, sharesThisMonth: 0, streakWeeks: 0, weekly: [] },
  summary: null,
  sync: { state: 'no-endpoint' },
};

export function fakeApi(
  posts: PostView[],
  options: { markShared?: (request: MarkSharedRequest) => Promise<PostView>; results?: ResultsView } = {},
): FakeApi {
  const listeners: { [K in keyof EventMap]: Set<(payload: EventMap[K]) => void> } = {
    postsChanged: new Set(),
    openPost: new Set(),
    feedsChanged: new Set(),
    settingsChanged: new Set(),
    showSettings: new Set(),
    resultsChanged: new Set(),
    syncStatusChanged: new Set(),
  };
  const subscribe =
    <K extends keyof EventMap>(event: K) =>
    (listener: (payload: EventMap[K]) => void) => {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    };
  const marked: MarkSharedRequest[] = [];
  const undone: MarkSharedRequest[] = [];
  const read: string[] = [];
  const postById = (postId: string): PostView => posts.find((candidate) => candidate.id === postId) ?? postView({ id: postId });
  const settingsUpdates: SettingsUpdate[] = [];
  const opened: string[] = [];
  let settings = settingsView();
  return {
    marked,
    undone,
    read,
    settingsUpdates,
    opened,
    listPosts: () => Promise.resolve(posts),
    refreshFeeds: () => Promise.resolve(null),
    listFeeds: () => Promise.resolve([]),
    checkFeed: (url) => Promise.resolve({ ok: false, url, error: 'not checked in the fake' }),
    markShared: (request) => {
      marked.push(request);
      return options.markShared ? options.markShared(request) : Promise.resolve({ ...postById(request.postId), sharedOn: [request.network] });
    },
    undoShare: (request) => {
      undone.push(request);
      return Promise.resolve({ ...postById(request.postId), sharedOn: [] });
    },
    markRead: (postId) => {
      read.push(postId);
      return Promise.resolve(null);
    },
    getShareKit: (postId) => {
      const post = postById(postId);
      const links = Object.fromEntries(NETWORKS.map((network) => [network, `${post.link}?utm_source=${network}`])) as Record<Network, string>;
      return Promise.resolve({ postId, postKey: post.key, title: post.title, imageUrl: post.imageUrl, links, ...kitFromPost(post) });
    },
    getResults: () => Promise.resolve(options.results ?? EMPTY_RESULTS),
    getSyncStatus: () => Promise.resolve((options.results ?? EMPTY_RESULTS).sync),
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
    onResultsChanged: subscribe('resultsChanged'),
    onSyncStatusChanged: subscribe('syncStatusChanged'),
    push(event, payload) {
      for (const listener of listeners[event]) listener(payload);
    },
  };
}
