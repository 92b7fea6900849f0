/**
 * Mastodon limits over IPC: the window asks for the person's server's limits (`getMastodonLimits`) and
 * hears `mastodonLimitsChanged` when they are read or the person names another server.
 */
import type { EventMap, InvokeHandlers } from '../../common/ipc/contract.ts';
import type { EventBus } from '../core/event-bus.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import type { MastodonLimitsService } from './mastodon-limits.ts';

export function mastodonLimitsHandlers(
  limits: Pick<MastodonLimitsService, 'current'>,
): Pick<InvokeHandlers, 'getMastodonLimits'> {
  return { getMastodonLimits: () => Promise.resolve(limits.current()) };
}

/** Points the limits at the server in the settings, and tells the window each time they change. */
export function followMastodonLimits(
  limits: MastodonLimitsService,
  settings: Pick<SettingsService, 'onChange'>,
  events: EventBus<EventMap>,
): () => void {
  const stopSettings = settings.onChange((values, changed) => {
    if (changed.includes('mastodonInstance')) limits.setInstance(values.mastodonInstance);
  });
  const stopLimits = limits.onChange((current) => events.emit('mastodonLimitsChanged', current));
  return () => {
    stopSettings();
    stopLimits();
  };
}
