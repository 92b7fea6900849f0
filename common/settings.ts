/**
 * What a person and their IT department can set, and what the window is told about it. Values come in
 * layers (built-in defaults < machine defaults file < the person's settings < policy); main merges
 * them, the window only reads the result and asks for changes.
 */
import type { Network } from './domain.ts';
import type { BlockTerm } from './share/block-list.ts';

/** Local wall-clock times 'HH:MM'; an end before the start spans midnight (22:00 to 07:00). */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
}

export interface Settings {
  /** The shared endpoint that counts shares; null: shares stay on this desktop. */
  readonly endpointUrl: string | null;
  /** Exchanged once for a device token; never shown back to the window. */
  readonly enrollmentCode: string | null;
  /** The organisation's feeds. */
  readonly feedUrls: readonly string[];
  /** Whether people may add feeds of their own (`userFeedUrls`). */
  readonly allowUserFeeds: boolean;
  /** Feeds this person added; polled only while `allowUserFeeds` holds. */
  readonly userFeedUrls: readonly string[];
  readonly pollIntervalMinutes: number;
  /**
   * With an endpoint that has feeds, the desktop takes its posts from the endpoint; after this many minutes
   * without an answer from it, the desktop polls the feeds itself until the endpoint answers again.
   */
  readonly endpointFallbackMinutes: number;
  /** The desktop polls its feeds itself even when its endpoint has feeds (policy only). */
  readonly pollFeedsOnDesktop: boolean;
  readonly quietHours: QuietHours | null;
  /** Notifications per day at most; 0 leaves only the tray count. */
  readonly dailyNotificationCap: number;
  readonly enabledNetworks: readonly Network[];
  /** A line every message must carry (for instance "I work at Example"); empty for none. */
  readonly disclosureText: string;
  /**
   * Over a network's limit, Open offers to copy a version cut to fit and open the network with it (true),
   * or stays disabled until the person shortens the message (false). Never sends an overlong text.
   */
  readonly offerCutToFit: boolean;
  /** Terms a message must not carry (`block`: Copy and Open are disabled) or carries with a warning (`warn`). */
  readonly blockList: readonly BlockTerm[];
  /** Days each share stays in this desktop's archive (its final text, network, time, link, kit version). */
  readonly archiveDays: number;
  /** Whether each share's final text also goes to the endpoint's archive; off: message texts never leave the desktop. */
  readonly archiveToEndpoint: boolean;
  readonly trainingUrl: string | null;
  readonly startAtLogin: boolean;
  /** How the endpoint names this person on leaderboards (sent when the desktop enrolls); empty until set. */
  readonly displayName: string;
  /** The person's team, for team totals; empty for none. */
  readonly team: string;
  /** The Mastodon server the person posts from (a host such as "mastodon.social"); empty until asked. */
  readonly mastodonInstance: string;
}

export type SettingKey = keyof Settings;

/** Keys a person may change from the window, unless a policy locks them. The rest are the organisation's. */
export const PERSON_SETTING_KEYS = [
  'endpointUrl',
  'enrollmentCode',
  'userFeedUrls',
  'pollIntervalMinutes',
  'quietHours',
  'dailyNotificationCap',
  'enabledNetworks',
  'startAtLogin',
  'displayName',
  'team',
  'mastodonInstance',
] as const satisfies readonly SettingKey[];

export type PersonSettingKey = (typeof PERSON_SETTING_KEYS)[number];

/** Write-only: the window may set them but never reads them back. */
export type SecretSettingKey = 'enrollmentCode';

export type PublicSettings = Omit<Settings, SecretSettingKey>;

/** Lists arrive as plain arrays over IPC. */
type Sent<T> = T extends readonly (infer Item)[] ? Item[] : T;

export type SettingsUpdate = { readonly [K in PersonSettingKey]?: Sent<Settings[K]> };

export interface SettingsView {
  readonly values: PublicSettings;
  readonly enrollmentCodeSet: boolean;
  /** Keys the person cannot change right now, each with the words the window shows beside it. */
  readonly locked: { readonly [K in SettingKey]?: string };
}

export const LOCKED_BY_POLICY = 'set by your organisation';
export const USER_FEEDS_NOT_ALLOWED = 'your organisation does not allow adding feeds';

export const POLL_INTERVAL_MINUTES = { min: 5, max: 24 * 60 } as const;
export const ENDPOINT_FALLBACK_MINUTES = { min: 5, max: 7 * 24 * 60 } as const;
export const DAILY_NOTIFICATION_CAP = { min: 0, max: 100 } as const;
export const MAX_FEEDS = 50;
export const ARCHIVE_DAYS = { min: 1, max: 3650 } as const;
export const MAX_DISCLOSURE_LENGTH = 500;
/** As the endpoint's display and team names allow. */
export const MAX_NAME_LENGTH = 80;

/** The display name and team as the person changes them in Settings (empty: the account name; no team). */
export interface ProfileChange {
  readonly displayName?: string;
  readonly team?: string;
}

/**
 * A profile change saved: the settings now, and whether the endpoint has it, gets it when this desktop
 * enrolls, or had nothing to hear (the names were as before).
 */
export interface ProfileSaved {
  readonly settings: SettingsView;
  readonly endpoint: 'told' | 'later' | 'unchanged';
}

/**
 * Holding notifications back for a while (the tray menu's Pause, and the window's). Not a setting: it
 * runs out on its own, and the tray count still tells about new posts meanwhile.
 */
/** For an hour, or until 08:00 the next day. */
export type PauseChoice = 'hour' | 'tomorrow';
export type PauseRequest = PauseChoice | 'resume';

export interface NotificationPause {
  /** ISO time the pause ends; null when notifications are on. */
  readonly pausedUntil: string | null;
}
