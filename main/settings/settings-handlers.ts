/** The settings side of the IPC contract, and what a settings change sets in motion in the core. */
import type { EventMap, InvokeHandlers } from '../../common/ipc/contract.ts';
import type { SettingKey, Settings } from '../../common/settings.ts';
import type { AppCore } from '../core/app-core.ts';
import type { EventBus } from '../core/event-bus.ts';
import type { SettingsService } from './settings-service.ts';

export function settingsHandlers(settings: SettingsService): Pick<InvokeHandlers, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: () => Promise.resolve(settings.view()),
    // A refusal thrown by update reaches the dispatcher, which answers the window with its message.
    updateSettings: (change) => Promise.resolve(settings.update(change)),
  };
}

const MINUTE_MS = 60_000;
const FEED_KEYS: readonly SettingKey[] = ['feedUrls', 'userFeedUrls', 'allowUserFeeds'];

/** Which feeds and which endpoint the core uses for given settings (development overrides may win). */
export interface CoreTargets {
  readonly feeds: (values: Settings) => readonly string[];
  readonly endpoint: (values: Settings) => string | null;
}

/** Tells the window about every change; re-targets polling and sync when the feeds, the interval or the endpoint changed. */
export function followSettings(
  settings: Pick<SettingsService, 'onChange' | 'view'>,
  events: EventBus<EventMap>,
  core: Pick<AppCore, 'setFeedUrls' | 'setEndpointUrl' | 'setPollInterval'>,
  targets: CoreTargets,
): () => void {
  return settings.onChange((values, changed) => {
    events.emit('settingsChanged', settings.view());
    if (changed.some((key) => FEED_KEYS.includes(key))) void core.setFeedUrls(targets.feeds(values));
    if (changed.includes('endpointUrl')) void core.setEndpointUrl(targets.endpoint(values));
    if (changed.includes('pollIntervalMinutes')) core.setPollInterval(values.pollIntervalMinutes * MINUTE_MS);
  });
}
