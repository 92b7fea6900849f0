/** The settings side of the IPC contract, and what a settings change sets in motion in the core. */
import type { EventMap, InvokeHandlers } from '../../common/ipc/contract.ts';
import { PROFILE_TEXT } from '../../common/messages.ts';
import type { MeUpdate } from '../../common/protocol.ts';
import type { SettingKey, Settings } from '../../common/settings.ts';
import type { AppCore } from '../core/app-core.ts';
import type { EventBus } from '../core/event-bus.ts';
import { IpcRequestError } from '../ipc/ipc-request-error.ts';
import { accountName } from '../sync/enrollment-source.ts';
import type { SettingsService } from './settings-service.ts';

export function settingsHandlers(settings: SettingsService): Pick<InvokeHandlers, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: () => Promise.resolve(settings.view()),
    // A refusal thrown by update reaches the dispatcher, which answers the window with its message.
    updateSettings: (change) => Promise.resolve(settings.update(change)),
  };
}

const MINUTE_MS = 60_000;

/**
 * The display name and team: checked as settings, then told to the endpoint, and saved only once it took
 * them (or when this desktop is not enrolled yet: they go with its enrollment). A refusal keeps the settings
 * as they were, so what the desktop shows is what the leaderboard shows.
 */
export function profileHandler(
  settings: SettingsService,
  core: Pick<AppCore, 'updateProfile'>,
  fallbackName: () => string = accountName,
): Pick<InvokeHandlers, 'updateProfile'> {
  return {
    async updateProfile(change) {
      const accepted = settings.check(change);
      const before = settings.values();
      const update: { -readonly [K in keyof MeUpdate]: MeUpdate[K] } = {};
      if (accepted.displayName !== undefined && accepted.displayName !== before.displayName)
        update.displayName = accepted.displayName || fallbackName();
      if (accepted.team !== undefined && accepted.team !== before.team) update.team = accepted.team || null;
      if (Object.keys(update).length === 0) return { settings: settings.view(), endpoint: 'unchanged' };
      const outcome = await core.updateProfile(update);
      if (outcome !== 'told' && outcome !== 'later') throw new IpcRequestError(PROFILE_TEXT[outcome]);
      return { settings: settings.update(accepted), endpoint: outcome };
    },
  };
}

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
