import type { Feed } from '../../common/domain.ts';
import type { SettingsView as Settings } from '../../common/settings.ts';
import type { SyncStatus } from '../../common/sharing.ts';
import { ViewTitle } from '../components/ViewTitle.tsx';
import type { Live } from '../data/use-live.ts';
import { useNow } from '../data/use-now.ts';
import { EndpointSection } from '../settings/EndpointSection.tsx';
import { FeedsSection } from '../settings/FeedsSection.tsx';
import { NotificationsSection } from '../settings/NotificationsSection.tsx';
import { ProfileSection } from '../settings/ProfileSection.tsx';
import { SharingSection } from '../settings/SharingSection.tsx';

export interface SettingsViewProps {
  readonly settings: Live<Settings>;
  readonly feeds: readonly Feed[] | null;
  readonly sync: SyncStatus | null;
  readonly onRetry: () => void;
  readonly focusTitle: boolean;
}

/** Everything a person may change; what policy locks is greyed with the reason. */
export function SettingsView({ settings, feeds, sync, onRetry, focusTitle }: SettingsViewProps) {
  const now = useNow();
  return (
    <section className="view" aria-labelledby="settings-title">
      <div className="view__header">
        <ViewTitle id="settings-title" focus={focusTitle}>
          Settings
        </ViewTitle>
      </div>
      {settings.status === 'loading' && <p role="status">Loading settings…</p>}
      {settings.status === 'error' && (
        <div className="empty" role="alert">
          <p>The settings could not be loaded: {settings.message}</p>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
      {settings.status === 'ready' && (
        <>
          <FeedsSection settings={settings.value} feeds={feeds} now={now} />
          <SharingSection settings={settings.value} />
          <ProfileSection settings={settings.value} />
          <EndpointSection settings={settings.value} sync={sync} now={now} />
          <NotificationsSection settings={settings.value} />
        </>
      )}
    </section>
  );
}
