/**
 * "Export diagnostics" in the tray menu: gathers what IT needs into main/diagnostics/diagnostics-report.ts,
 * writes it as a text file to the Downloads folder and shows it in the file manager.
 */
import { app, Notification, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import { arch, release } from 'node:os';
import { join } from 'node:path';
import type { Feed, PostSource, PostView } from '../../common/domain.ts';
import type { SyncStatus } from '../../common/sharing.ts';
import { APP_ID } from '../app-identity.ts';
import { diagnosticsReport, type FeedPostsRow } from '../diagnostics/diagnostics-report.ts';
import type { SettingsService } from '../settings/settings-service.ts';

export interface DiagnosticsSources {
  readonly platform: NodeJS.Platform;
  readonly settings: SettingsService;
  readonly postSource: () => PostSource;
  readonly feeds: () => Promise<readonly Feed[]>;
  readonly syncStatus: () => Promise<SyncStatus>;
  readonly posts: () => Promise<readonly PostView[]>;
  readonly notifications: { pausedUntil(): Date | null; shownToday(): number };
  readonly unread: () => number;
  readonly deviceTokenStored: () => Promise<boolean>;
  readonly logTail: (lines: number) => string[];
  readonly now?: () => Date;
}

const LOG_LINES = 200;

function postsByFeed(posts: readonly PostView[]): FeedPostsRow[] {
  const feeds = new Map<string, PostView[]>();
  for (const post of posts) feeds.set(post.feedId, [...(feeds.get(post.feedId) ?? []), post]);
  return [...feeds.values()].map((own) => ({
    title: own[0]?.feedTitle ?? '',
    posts: own.length,
    newest:
      own
        .map((post) => post.publishedAt)
        .filter((at): at is string => at !== null)
        .sort()
        .at(-1) ?? null,
  }));
}

async function buildDiagnostics(sources: DiagnosticsSources): Promise<string> {
  const now = (sources.now ?? (() => new Date()))();
  return diagnosticsReport({
    generatedAt: now,
    app: { name: app.getName(), version: app.getVersion(), packaged: app.isPackaged, appId: APP_ID },
    versions: {
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      v8: process.versions.v8,
    },
    system: { platform: sources.platform, release: release(), arch: arch(), locale: app.getLocale() },
    settings: sources.settings.report(),
    notifications: {
      supported: Notification.isSupported(),
      pausedUntil: sources.notifications.pausedUntil(),
      shownToday: sources.notifications.shownToday(),
      unread: sources.unread(),
    },
    deviceTokenStored: await sources.deviceTokenStored(),
    postSource: sources.postSource(),
    feeds: await sources.feeds(),
    sync: await sources.syncStatus(),
    postsByFeed: postsByFeed(await sources.posts()),
    logTail: sources.logTail(LOG_LINES),
  });
}

/** Writes the report and reveals it; answers the file's path. */
export async function exportDiagnostics(sources: DiagnosticsSources): Promise<string> {
  const now = (sources.now ?? (() => new Date()))();
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const file = join(app.getPath('downloads'), `advocate-diagnostics-${stamp}.txt`);
  await writeFile(file, await buildDiagnostics(sources), { mode: 0o600 });
  shell.showItemInFolder(file);
  return file;
}
