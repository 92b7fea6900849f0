/** Everything the window shows from main, each kept current by its event (see use-live.ts). */
import type { Feed, PostSource, PostView } from '../../common/domain.ts';
import type { NotificationPause, SettingsView } from '../../common/settings.ts';
import type { ResultsView, SyncStatus } from '../../common/sharing.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { useLive, type LiveValue } from './use-live.ts';

export interface AppData {
  readonly posts: LiveValue<PostView[]>;
  readonly feeds: LiveValue<Feed[]>;
  readonly postSource: LiveValue<PostSource>;
  readonly settings: LiveValue<SettingsView>;
  readonly results: LiveValue<ResultsView>;
  /** Also inside results; kept apart because main may announce it alone. */
  readonly sync: LiveValue<SyncStatus>;
  readonly pause: LiveValue<NotificationPause>;
}

export function useAppData(): AppData {
  const api = useAdvocate();
  return {
    posts: useLive(api.listPosts, api.onPostsChanged),
    feeds: useLive(api.listFeeds, api.onFeedsChanged),
    postSource: useLive(api.getPostSource, api.onPostSourceChanged),
    settings: useLive(api.getSettings, api.onSettingsChanged),
    results: useLive(api.getResults, api.onResultsChanged),
    sync: useLive(api.getSyncStatus, api.onSyncStatusChanged),
    pause: useLive(api.getNotificationPause, api.onNotificationPauseChanged),
  };
}
