/**
 * The plain-text report "Export diagnostics" writes for IT: versions, the effective settings with
 * where each came from (secrets only say whether they are set), ignored policy values with reasons,
 * notification state, where the posts come from, each feed's status, the sync with the endpoint, and the end of the log. Every line
 * goes through `redactText`.
 */
import type { Feed, PostSource } from '../../common/domain.ts';
import type { SyncStatus } from '../../common/sharing.ts';
import type { SettingProblem } from '../settings/layers.ts';
import type { SettingsReportRow } from '../settings/settings-service.ts';
import { redactText } from './redact.ts';
import { feedLines, postSourceLines, syncLines } from './status-words.ts';

/** What this desktop holds from one feed. */
export interface FeedPostsRow {
  readonly title: string;
  readonly posts: number;
  /** ISO time of the newest post, or null. */
  readonly newest: string | null;
}

export interface DiagnosticsInput {
  readonly generatedAt: Date;
  readonly app: { readonly name: string; readonly version: string; readonly packaged: boolean; readonly appId: string };
  readonly versions: Readonly<Record<string, string | undefined>>;
  readonly system: {
    readonly platform: string;
    readonly release: string;
    readonly arch: string;
    readonly locale: string;
  };
  readonly settings: { readonly rows: readonly SettingsReportRow[]; readonly problems: readonly SettingProblem[] };
  readonly notifications: {
    readonly supported: boolean;
    readonly pausedUntil: Date | null;
    readonly shownToday: number;
    readonly unread: number;
  };
  readonly deviceTokenStored: boolean;
  /** Whether the posts come from the endpoint or from this desktop's own polls. */
  readonly postSource: PostSource;
  /** The feeds this desktop polls, with their status. */
  readonly feeds: readonly Feed[];
  readonly sync: SyncStatus;
  readonly postsByFeed: readonly FeedPostsRow[];
  readonly logTail: readonly string[];
}

const section = (title: string, lines: readonly string[]): string[] => [
  '',
  `== ${title} ==`,
  ...(lines.length > 0 ? lines : ['(none)']),
];

export function diagnosticsReport(input: DiagnosticsInput): string {
  const { app, system, notifications } = input;
  const lines = [
    `Advocate diagnostics, ${input.generatedAt.toISOString()}`,
    ...section('App', [
      `${app.name} ${app.version} (${app.packaged ? 'installed' : 'development run'}), app id ${app.appId}`,
      ...Object.entries(input.versions)
        .filter((entry): entry is [string, string] => entry[1] !== undefined)
        .map(([name, version]) => `${name} ${version}`),
      `${system.platform} ${system.release} ${system.arch}, locale ${system.locale}`,
    ]),
    ...section(
      'Settings (value, where it came from)',
      input.settings.rows.map((row) => `${row.key} = ${row.value}  [${row.source}]`),
    ),
    ...section(
      'Ignored settings',
      input.settings.problems.map((problem) => `${problem.origin}: ${problem.key} ${problem.reason}`),
    ),
    ...section('Notifications', [
      `supported by this system: ${notifications.supported ? 'yes' : 'no (the tray count tells instead)'}`,
      `paused until: ${notifications.pausedUntil ? notifications.pausedUntil.toISOString() : 'not paused'}`,
      `shown today: ${String(notifications.shownToday)}; unread posts: ${String(notifications.unread)}`,
      `device token stored: ${input.deviceTokenStored ? 'yes (encrypted with the system key store)' : 'no'}`,
    ]),
    ...section('Where posts come from', postSourceLines(input.postSource)),
    ...section('Feeds', input.feeds.flatMap(feedLines)),
    ...section(
      'Posts by feed',
      input.postsByFeed.map(
        (feed) =>
          `${feed.title || '(untitled)'}: ${String(feed.posts)} posts${feed.newest ? `, newest ${feed.newest}` : ''}`,
      ),
    ),
    ...section('Sync', syncLines(input.sync)),
    ...section('Log (most recent last)', input.logTail),
  ];
  return `${lines.map(redactText).join('\n')}\n`;
}
