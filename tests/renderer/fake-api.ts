/** An in-memory AdvocateApi for component tests: records calls and lets a test push main's events. */
import {
  NETWORKS,
  type Feed,
  type FeedCheck,
  type Network,
  type PostSource,
  type PostView,
} from '../../common/domain.ts';
import { kitFromPost } from '../../common/share/kit.ts';
import { DEFAULT_MASTODON_LIMITS, type MastodonLimits } from '../../common/share/length.ts';
import type { ResultsView, ShareKitView } from '../../common/sharing.ts';
import type { Summary } from '../../common/protocol.ts';
import type { ArchiveFormat } from '../../common/archive.ts';
import type { AdvocateApi, EventMap, MarkSharedRequest } from '../../common/ipc/contract.ts';
import type {
  NotificationPause,
  PauseRequest,
  ProfileChange,
  ProfileSaved,
  SettingsUpdate,
  SettingsView,
} from '../../common/settings.ts';
import { recentWeeks } from '../../common/weeks.ts';
import { pauseEnd } from '../../main/notifications/notification-gate.ts';
import { DEFAULT_SETTINGS } from '../../main/settings/defaults.ts';
import { VIEW_NOW } from './view-now.ts';

/** What a fresh desktop's window is told: the built-in defaults, nothing locked. */
export function settingsView(
  overrides: Partial<SettingsView> = {},
  values: Partial<SettingsView['values']> = {},
): SettingsView {
  const { enrollmentCode, ...defaults } = DEFAULT_SETTINGS;
  return { values: { ...defaults, ...values }, enrollmentCodeSet: enrollmentCode !== null, locked: {}, ...overrides };
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

export function feed(overrides: Partial<Feed> = {}): Feed {
  return {
    id: 'feed',
    url: 'https://blog.example.com/feed.xml',
    fetchUrl: 'https://blog.example.com/feed.xml',
    title: 'Example Blog',
    status: { state: 'ok', checkedAt: '2026-11-25T10:00:00.000Z', nextCheckAt: '2026-11-25T10:30:00.000Z' },
    ...overrides,
  };
}

const weeksOf = (now: Date, shares: readonly number[]) =>
  recentWeeks(now, shares.length).map((week, index) => ({ week, shares: shares[index] ?? 0 }));

/** A person with no shares yet and no endpoint. */
export const EMPTY_RESULTS: ResultsView = {
  local: {
    sharesThisWeek: 0,
    sharesThisMonth: 0,
    streakWeeks: 0,
    weekly: weeksOf(VIEW_NOW, [0, 0, 0, 0, 0, 0, 0, 0, 0]),
  },
  summary: null,
  sync: { state: 'no-endpoint' },
};

/** The endpoint's answer for Ada in Research: 3 colleagues, 2 of them ahead of her. */
export function summary(overrides: Partial<Summary> = {}, now = VIEW_NOW): Summary {
  return {
    anonymous: false,
    me: {
      displayName: 'Ada',
      team: 'Research',
      shares: 7,
      sharesThisWeek: 2,
      sharesThisMonth: 5,
      clicks: 42,
      rank: 3,
      streakWeeks: 4,
      weekly: weeksOf(now, [0, 0, 1, 0, 1, 1, 1, 1, 2]),
    },
    team: { name: 'Research', people: 4, shares: 30, weekly: weeksOf(now, [1, 2, 3, 4, 3, 5, 4, 4, 4]) },
    organisation: { people: 25, shares: 160, weekly: weeksOf(now, [10, 12, 15, 18, 20, 20, 22, 21, 22]) },
    leaderboard: [
      { rank: 1, displayName: 'Grace', shares: 20, me: false },
      { rank: 2, displayName: 'Linus', shares: 11, me: false },
      { rank: 3, displayName: 'Ada', shares: 7, me: true },
    ],
    posts: [{ postKey: 'https://blog.example.com/one', shares: 5, people: 4, clicks: 12 }],
    ...overrides,
  };
}

export interface FakeApi extends AdvocateApi {
  readonly marked: MarkSharedRequest[];
  readonly undone: MarkSharedRequest[];
  readonly read: string[];
  readonly settingsUpdates: SettingsUpdate[];
  readonly profileUpdates: ProfileChange[];
  readonly opened: string[];
  readonly checked: string[];
  /** Every pause and resume the window asked for. */
  readonly pauses: PauseRequest[];
  /** Every check of the figures the window asked for. */
  readonly refreshes: ('if-stale' | 'now')[];
  /** Every archive export the window asked for. */
  readonly exports: ArchiveFormat[];
  push<K extends keyof EventMap>(event: K, payload: EventMap[K]): void;
}

export interface FakeOptions {
  readonly markShared?: (request: MarkSharedRequest) => Promise<PostView>;
  readonly results?: ResultsView;
  readonly feeds?: Feed[];
  /** Where the posts come from; by default this computer's own checks, with no endpoint. */
  readonly postSource?: PostSource;
  readonly settings?: SettingsView;
  readonly checkFeed?: (url: string) => Promise<FeedCheck>;
  /** Main's refusal of a settings change, in its words. */
  readonly refuseSettings?: string;
  /** Main's refusal of a display name or team change, in its words. */
  readonly refuseProfile?: string;
  /** What main says the endpoint made of a profile change; default: it has it. */
  readonly profileEndpoint?: ProfileSaved['endpoint'];
  readonly refuseOpen?: string;
  readonly listPosts?: () => Promise<PostView[]>;
  readonly kit?: (kit: ShareKitView) => ShareKitView;
  /** Paused until this ISO time at the start; null (the default) when notifications are on. */
  readonly pausedUntil?: string | null;
  /** Main's refusal of a pause, in its words. */
  readonly refusePause?: string;
  /** What the person's Mastodon server allows; Mastodon's defaults unless a test says otherwise. */
  readonly mastodonLimits?: MastodonLimits;
  /** Main's refusal of an archive export, in its words. */
  readonly refuseExport?: string;
}

export function fakeApi(initial: PostView[], options: FakeOptions = {}): FakeApi {
  const listeners: { [K in keyof EventMap]: Set<(payload: EventMap[K]) => void> } = {
    postsChanged: new Set(),
    openPost: new Set(),
    feedsChanged: new Set(),
    postSourceChanged: new Set(),
    settingsChanged: new Set(),
    showSettings: new Set(),
    resultsChanged: new Set(),
    syncStatusChanged: new Set(),
    notificationPauseChanged: new Set(),
    mastodonLimitsChanged: new Set(),
  };
  const subscribe =
    <K extends keyof EventMap>(event: K) =>
    (listener: (payload: EventMap[K]) => void) => {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    };
  const push = <K extends keyof EventMap>(event: K, payload: EventMap[K]): void => {
    for (const listener of listeners[event]) listener(payload);
  };
  let posts = initial;
  const marked: MarkSharedRequest[] = [];
  const undone: MarkSharedRequest[] = [];
  const read: string[] = [];
  const settingsUpdates: SettingsUpdate[] = [];
  const opened: string[] = [];
  const checked: string[] = [];
  const pauses: PauseRequest[] = [];
  const refreshes: ('if-stale' | 'now')[] = [];
  const exports: ArchiveFormat[] = [];
  let pause: NotificationPause = { pausedUntil: options.pausedUntil ?? null };
  let settings = options.settings ?? settingsView();
  const profileUpdates: ProfileChange[] = [];
  // As main does: the new view, and the event a change from elsewhere also sends.
  const applySettings = (change: SettingsUpdate): SettingsView => {
    const { enrollmentCode, ...visible } = change;
    settings = {
      ...settings,
      values: { ...settings.values, ...visible },
      enrollmentCodeSet: enrollmentCode === undefined ? settings.enrollmentCodeSet : enrollmentCode !== null,
    };
    push('settingsChanged', settings);
    return settings;
  };
  const postById = (postId: string): PostView =>
    posts.find((candidate) => candidate.id === postId) ?? postView({ id: postId });
  const share = (request: MarkSharedRequest, on: boolean): PostView => {
    const post = postById(request.postId);
    const sharedOn: Network[] = on
      ? [...new Set([...post.sharedOn, request.network])]
      : post.sharedOn.filter((network) => network !== request.network);
    const changed = { ...post, sharedOn };
    posts = posts.map((candidate) => (candidate.id === changed.id ? changed : candidate));
    return changed;
  };
  return {
    marked,
    undone,
    read,
    settingsUpdates,
    profileUpdates,
    opened,
    checked,
    pauses,
    exports,
    refreshes,
    listPosts: options.listPosts ?? (() => Promise.resolve(posts)),
    refreshFeeds: () => Promise.resolve(null),
    listFeeds: () => Promise.resolve(options.feeds ?? []),
    getPostSource: () => Promise.resolve(options.postSource ?? { from: 'desktop', why: 'no-endpoint' }),
    checkFeed: (url) => {
      checked.push(url);
      return options.checkFeed
        ? options.checkFeed(url)
        : Promise.resolve({ ok: false, url, error: 'not checked in the fake' });
    },
    markShared: (request) => {
      marked.push(request);
      return options.markShared ? options.markShared(request) : Promise.resolve(share(request, true));
    },
    undoShare: (request) => {
      undone.push(request);
      return Promise.resolve(share(request, false));
    },
    markRead: (postId) => {
      read.push(postId);
      return Promise.resolve(null);
    },
    getShareKit: (postId) => {
      const post = postById(postId);
      const links = Object.fromEntries(
        NETWORKS.map((network) => [network, `${post.link}?utm_source=${network}`]),
      ) as Record<Network, string>;
      const kit: ShareKitView = {
        postId,
        postKey: post.key,
        title: post.title,
        imageUrl: post.imageUrl,
        links,
        ...kitFromPost(post),
        blockList: [],
        variants: {},
      };
      return Promise.resolve(options.kit ? options.kit(kit) : kit);
    },
    getResults: () => Promise.resolve(options.results ?? EMPTY_RESULTS),
    refreshResults: (when) => {
      refreshes.push(when);
      return Promise.resolve(null);
    },
    getSyncStatus: () => Promise.resolve((options.results ?? EMPTY_RESULTS).sync),
    getSettings: () => Promise.resolve(settings),
    updateSettings: (change) => {
      settingsUpdates.push(change);
      if (options.refuseSettings !== undefined) return Promise.reject(new Error(options.refuseSettings));
      return Promise.resolve(applySettings(change));
    },
    updateProfile: (change) => {
      profileUpdates.push(change);
      if (options.refuseProfile !== undefined) return Promise.reject(new Error(options.refuseProfile));
      return Promise.resolve({ settings: applySettings(change), endpoint: options.profileEndpoint ?? 'told' });
    },
    openExternal: (url) => {
      opened.push(url);
      return options.refuseOpen === undefined ? Promise.resolve(null) : Promise.reject(new Error(options.refuseOpen));
    },
    getNotificationPause: () => Promise.resolve(pause),
    getMastodonLimits: () => Promise.resolve(options.mastodonLimits ?? DEFAULT_MASTODON_LIMITS),
    onMastodonLimitsChanged: subscribe('mastodonLimitsChanged'),
    pauseNotifications: (request) => {
      pauses.push(request);
      if (options.refusePause !== undefined) return Promise.reject(new Error(options.refusePause));
      // As main does: the answer, and the event the tray menu's changes also send.
      pause = { pausedUntil: request === 'resume' ? null : pauseEnd(request, new Date()).toISOString() };
      push('notificationPauseChanged', pause);
      return Promise.resolve(pause);
    },
    exportArchive: (format) => {
      exports.push(format);
      if (options.refuseExport !== undefined) return Promise.reject(new Error(options.refuseExport));
      return Promise.resolve({ file: `/home/ada/Downloads/advocate-archive-2026-11-25.${format}`, shares: 3 });
    },
    onPostsChanged: subscribe('postsChanged'),
    onOpenPost: subscribe('openPost'),
    onSettingsChanged: subscribe('settingsChanged'),
    onShowSettings: subscribe('showSettings'),
    onFeedsChanged: subscribe('feedsChanged'),
    onPostSourceChanged: subscribe('postSourceChanged'),
    onResultsChanged: subscribe('resultsChanged'),
    onSyncStatusChanged: subscribe('syncStatusChanged'),
    onNotificationPauseChanged: subscribe('notificationPauseChanged'),
    push,
  };
}

/** navigator.clipboard for jsdom (which has none): records what the window copied. */
export function fakeClipboard(): { readonly writes: string[]; restore(): void } {
  const writes: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: (text: string) => {
        writes.push(text);
        return Promise.resolve();
      },
    },
  });
  return {
    writes,
    restore() {
      Reflect.deleteProperty(navigator, 'clipboard');
    },
  };
}
