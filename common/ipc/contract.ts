/**
 * The one IPC contract between the tray window and the main process. Preload builds `window.advocate`
 * from these maps, main registers one handler per entry, and the browser preview speaks the same
 * contract over a localhost socket. Adding a call means adding it here; the compiler finds the rest.
 */
import type { ArchiveExported, ArchiveFormat } from '../archive.ts';
import type { Feed, FeedCheck, Network, PostSource, PostView } from '../domain.ts';
import type { MastodonLimits } from '../share/length.ts';
import type { ResultsView, ShareKitView, SyncStatus } from '../sharing.ts';
import type {
  NotificationPause,
  PauseRequest,
  ProfileChange,
  ProfileSaved,
  SettingsUpdate,
  SettingsView,
} from '../settings.ts';

export interface MarkSharedRequest {
  readonly postId: string;
  readonly network: Network;
  /** The final text as the person last copied or opened it, link included: kept in the share archive. */
  readonly text?: string;
  /** The number of the kit's wording the share started from, when the kit has wordings for the network. */
  readonly variant?: number;
}

/** Calls from the window to main: the argument tuple and the answer of each. */
export interface InvokeMap {
  listPosts: { args: []; result: PostView[] };
  markShared: { args: [request: MarkSharedRequest]; result: PostView };
  refreshFeeds: { args: []; result: null };
  /** Every configured feed with its status: ok, an error in plain words, or backing off until a time. */
  listFeeds: { args: []; result: Feed[] };
  /** Where the posts come from: the organisation's endpoint, or this computer's own checks of the feeds, and why. */
  getPostSource: { args: []; result: PostSource };
  /** Reads an address live (following a web page's feed link) without adding it: for the settings window. */
  checkFeed: { args: [url: string]; result: FeedCheck };
  /** The settings as they apply, which of them the person may not change, and why. */
  getSettings: { args: []; result: SettingsView };
  /** Changes some of the person's settings: all or nothing; a locked key or bad value is refused with a message. */
  updateSettings: { args: [change: SettingsUpdate]; result: SettingsView };
  /**
   * Changes the display name or team: checked like a setting, then sent to the endpoint when this desktop
   * is enrolled, and saved only once it accepted (refused with a message in words otherwise).
   */
  updateProfile: { args: [change: ProfileChange]; result: ProfileSaved };
  /** Opens a web or email link in the person's browser or mail app; other schemes are refused. */
  openExternal: { args: [url: string]; result: null };
  /** The person opened the post: it is no longer unread. */
  markRead: { args: [postId: string]; result: null };
  /** Takes a share back within the undo window (or later): records an "unshared" event. */
  undoShare: { args: [request: MarkSharedRequest]; result: PostView };
  /** The pitch, messages and links to share this post. */
  getShareKit: { args: [postId: string]; result: ShareKitView };
  getResults: { args: []; result: ResultsView };
  /**
   * Checks the figures with the endpoint: 'if-stale' when they are older than RESULTS_FRESH_MS (the window
   * or Results was opened), 'now' for the Refresh button. Answers once checked; the figures come as `resultsChanged`.
   */
  refreshResults: { args: [when: 'if-stale' | 'now']; result: null };
  getSyncStatus: { args: []; result: SyncStatus };
  /** Whether notifications are paused, and until when. */
  getNotificationPause: { args: []; result: NotificationPause };
  /** Pauses for an hour or until tomorrow 08:00, or resumes; the tray menu follows. */
  pauseNotifications: { args: [request: PauseRequest]; result: NotificationPause };
  /** What the person's Mastodon server allows in a post (read from it); Mastodon's defaults until known. */
  getMastodonLimits: { args: []; result: MastodonLimits };
  /** Writes the share archive (kept as policy ArchiveDays says) as a CSV or JSON file to the Downloads folder. */
  exportArchive: { args: [format: ArchiveFormat]; result: ArchiveExported };
}

/** Events from main to the window, with their payload. */
export interface EventMap {
  postsChanged: PostView[];
  /** A notification was clicked: show this post. */
  openPost: { postId: string };
  /** A feed was polled, added or removed: its status may have changed. */
  feedsChanged: Feed[];
  /** The posts now come from elsewhere (the endpoint, this computer's own checks, the fallback). */
  postSourceChanged: PostSource;
  /** Settings changed (in the window, or by a policy refresh): the new view. */
  settingsChanged: SettingsView;
  /** The tray menu's "Settings…": show the settings. */
  showSettings: null;
  /** New figures: after a share, a sync, or a pull of the endpoint's summary. */
  resultsChanged: ResultsView;
  syncStatusChanged: SyncStatus;
  /** Paused or resumed (in the window or the tray menu), or a pause ran out. */
  notificationPauseChanged: NotificationPause;
  /** The Mastodon server's limits were read, or the person named another server. */
  mastodonLimitsChanged: MastodonLimits;
}

export type InvokeName = keyof InvokeMap;
export type EventName = keyof EventMap;

/** Channel names on the wire. A record (not a list) so the compiler insists every call has one. */
export const INVOKE_CHANNELS: { readonly [K in InvokeName]: `advocate:${K}` } = {
  listPosts: 'advocate:listPosts',
  markShared: 'advocate:markShared',
  refreshFeeds: 'advocate:refreshFeeds',
  listFeeds: 'advocate:listFeeds',
  getPostSource: 'advocate:getPostSource',
  checkFeed: 'advocate:checkFeed',
  getSettings: 'advocate:getSettings',
  updateSettings: 'advocate:updateSettings',
  updateProfile: 'advocate:updateProfile',
  openExternal: 'advocate:openExternal',
  markRead: 'advocate:markRead',
  undoShare: 'advocate:undoShare',
  getShareKit: 'advocate:getShareKit',
  getResults: 'advocate:getResults',
  refreshResults: 'advocate:refreshResults',
  getSyncStatus: 'advocate:getSyncStatus',
  getNotificationPause: 'advocate:getNotificationPause',
  pauseNotifications: 'advocate:pauseNotifications',
  getMastodonLimits: 'advocate:getMastodonLimits',
  exportArchive: 'advocate:exportArchive',
};

export const EVENT_CHANNELS: { readonly [K in EventName]: `advocate:on:${K}` } = {
  postsChanged: 'advocate:on:postsChanged',
  openPost: 'advocate:on:openPost',
  feedsChanged: 'advocate:on:feedsChanged',
  postSourceChanged: 'advocate:on:postSourceChanged',
  settingsChanged: 'advocate:on:settingsChanged',
  showSettings: 'advocate:on:showSettings',
  resultsChanged: 'advocate:on:resultsChanged',
  syncStatusChanged: 'advocate:on:syncStatusChanged',
  notificationPauseChanged: 'advocate:on:notificationPauseChanged',
  mastodonLimitsChanged: 'advocate:on:mastodonLimitsChanged',
};

export type Unsubscribe = () => void;

export type SubscriptionName<K extends EventName> = `on${Capitalize<K>}`;

/** What the window sees as `window.advocate`. */
export type AdvocateApi = {
  readonly [K in InvokeName]: (...args: InvokeMap[K]['args']) => Promise<InvokeMap[K]['result']>;
} & {
  readonly [K in EventName as SubscriptionName<K>]: (listener: (payload: EventMap[K]) => void) => Unsubscribe;
};

export function subscriptionName<K extends EventName>(event: K): SubscriptionName<K> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as SubscriptionName<K>;
}

/** Main's side: one async handler per call. */
export type InvokeHandlers = {
  readonly [K in InvokeName]: (...args: InvokeMap[K]['args']) => Promise<InvokeMap[K]['result']>;
};

/**
 * What crosses the wire for every call: errors travel as plain messages so both transports (Electron
 * IPC, the preview's socket) surface them identically and no stack or path leaks to the window.
 */
export type IpcAnswer<T = unknown> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };
