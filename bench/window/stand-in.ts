/**
 * The first-render benchmark's `window.advocate`: built from the IPC contract like the preload's, so every call
 * the window may make is answered at once and every subscription taken. The answers are typed by the contract:
 * a call added to `common/ipc/contract.ts` fails the type check here until it has one, instead of failing the
 * benchmark in the page ("t is not a function").
 */
import { NETWORKS, type Network, type PostView } from '../../common/domain.ts';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  subscriptionName,
  type InvokeMap,
  type InvokeName,
} from '../../common/ipc/contract.ts';
import { kitFromPost } from '../../common/share/kit.ts';
import { DEFAULT_MASTODON_LIMITS } from '../../common/share/length.ts';
import { utmLink } from '../../common/share/utm.ts';
import type { ResultsView } from '../../common/sharing.ts';
import type { SettingsView } from '../../common/settings.ts';
import { DEFAULT_SETTINGS } from '../../main/settings/defaults.ts';

/** One answer per call, whatever its arguments. */
export type StandInAnswers = { readonly [K in InvokeName]: InvokeMap[K]['result'] };

/** What the page's script is given: the answers, and the names of the subscriptions to take. */
export interface StandIn {
  readonly answers: StandInAnswers;
  readonly subscriptions: readonly string[];
}

/** The window's view of the built-in defaults (the enrollment code is never sent to it). */
const SETTINGS: SettingsView = {
  values: Object.fromEntries(
    Object.entries(DEFAULT_SETTINGS).filter(([key]) => key !== 'enrollmentCode'),
  ) as SettingsView['values'],
  enrollmentCodeSet: false,
  locked: {},
};

const RESULTS: ResultsView = {
  local: { sharesThisWeek: 0, sharesThisMonth: 0, streakWeeks: 0, weekly: [] },
  summary: null,
  sync: { state: 'no-endpoint' },
};

const keysOf = <T extends object>(record: T): (keyof T & string)[] => Object.keys(record) as (keyof T & string)[];

/** A desktop with these posts, no endpoint, the default settings and nothing paused. */
export function standIn(posts: readonly PostView[]): StandIn {
  const [first] = posts;
  if (!first) throw new Error('the stand-in needs at least one post');
  const links = Object.fromEntries(NETWORKS.map((network) => [network, utmLink(first.link, network, 'benchmark')]));
  const answers: StandInAnswers = {
    listPosts: [...posts],
    markShared: first,
    refreshFeeds: null,
    listFeeds: [],
    getPostSource: { from: 'desktop', why: 'no-endpoint' },
    checkFeed: { ok: false, url: first.link, error: 'Not checked in the benchmark.' },
    getSettings: SETTINGS,
    updateSettings: SETTINGS,
    updateProfile: { settings: SETTINGS, endpoint: 'unchanged' },
    openExternal: null,
    markRead: null,
    undoShare: first,
    getShareKit: {
      postId: first.id,
      postKey: first.key,
      title: first.title,
      imageUrl: first.imageUrl,
      links: links as Record<Network, string>,
      ...kitFromPost(first),
      blockList: [],
      variants: {},
    },
    getResults: RESULTS,
    refreshResults: null,
    getSyncStatus: RESULTS.sync,
    getNotificationPause: { pausedUntil: null },
    pauseNotifications: { pausedUntil: null },
    getMastodonLimits: DEFAULT_MASTODON_LIMITS,
    exportArchive: { file: 'advocate-archive.csv', shares: 0 },
  };
  // The type insists on every call; this catches a run through tsx, which does not type-check.
  const missing = keysOf(INVOKE_CHANNELS).filter((name) => !(name in answers));
  if (missing.length > 0) throw new Error(`the stand-in does not answer ${missing.join(', ')}`);
  return { answers, subscriptions: keysOf(EVENT_CHANNELS).map((event) => subscriptionName(event)) };
}
