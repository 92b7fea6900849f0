import type { Feed, PostSource } from '../../common/domain.ts';
import type { NotificationPause, SettingsView as Settings } from '../../common/settings.ts';
import type { SyncStatus } from '../../common/sharing.ts';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { ViewFrame } from '../components/ViewFrame.tsx';
import type { Live } from '../data/use-live.ts';
import { useNow } from '../data/use-now.ts';
import { ArchiveSection } from '../settings/ArchiveSection.tsx';
import { EndpointSection } from '../settings/EndpointSection.tsx';
import { FeedsSection } from '../settings/FeedsSection.tsx';
import { NotificationsSection } from '../settings/NotificationsSection.tsx';
import { ProfileSection } from '../settings/ProfileSection.tsx';
import { SharingSection } from '../settings/SharingSection.tsx';

export interface SettingsViewProps {
  readonly settings: Live<Settings>;
  readonly feeds: readonly Feed[] | null;
  /** Null until main has answered. */
  readonly postSource: PostSource | null;
  readonly sync: SyncStatus | null;
  /** Null until main has answered. */
  readonly pause: NotificationPause | null;
  readonly onRetry: () => void;
  readonly focusTitle: boolean;
}

/** Everything a person may change; what policy locks is greyed with the reason. */
export function SettingsView({ settings, feeds, postSource, sync, pause, onRetry, focusTitle }: SettingsViewProps) {
  const now = useNow();
  return (
    <ViewFrame id="settings-title" title="Settings" focusTitle={focusTitle}>
      {settings.status === 'loading' && <p role="status">Loading settings…</p>}
      {settings.status === 'error' && <LoadFailed what="The settings" message={settings.message} onRetry={onRetry} />}
      {settings.status === 'ready' && (
        <>
          <FeedsSection settings={settings.value} feeds={feeds} postSource={postSource} now={now} />
          <SharingSection settings={settings.value} />
          <ProfileSection settings={settings.value} />
          <EndpointSection settings={settings.value} sync={sync} now={now} />
          <NotificationsSection settings={settings.value} pause={pause} now={now} />
          <ArchiveSection settings={settings.value} />
        </>
      )}
    </ViewFrame>
  );
}
