/** The settings calls of the contract through the real dispatcher, and what a change sets in motion. */
import { describe, expect, it } from 'vitest';
import type { EventMap } from '../../../common/ipc/contract.ts';
import { EventBus } from '../../../main/core/event-bus.ts';
import type { Logger } from '../../../main/core/ports.ts';
import { createIpcDispatcher } from '../../../main/ipc/dispatcher.ts';
import { EMPTY_LAYER, feedsToPoll, policyLayer } from '../../../main/settings/layers.ts';
import { followSettings, settingsHandlers } from '../../../main/settings/settings-handlers.ts';
import { createSettingsService, memoryStore } from '../../../main/settings/settings-service.ts';
import { handlersWith } from '../../helpers/handlers.ts';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function setup() {
  const settings = createSettingsService({
    store: memoryStore(),
    storeOrigin: 'memory',
    machine: policyLayer({ FeedUrls: 'https://org.example/feed' }, 'defaults.json'),
    policy: EMPTY_LAYER,
    log: quiet,
  });
  const dispatch = createIpcDispatcher(handlersWith(settingsHandlers(settings)), quiet);
  const events = new EventBus<EventMap>();
  const polled: (readonly string[])[] = [];
  followSettings(
    settings,
    events,
    {
      setFeedUrls: (urls) => Promise.resolve(void polled.push(urls)),
      setEndpointUrl: () => Promise.resolve(),
      setPollInterval: () => undefined,
    },
    { feeds: feedsToPoll, endpoint: (values) => values.endpointUrl },
  );
  return { dispatch, events, polled };
}

describe('settings over IPC', () => {
  it('answers the view and applies a change, telling the window and re-targeting polling when feeds changed', async () => {
    const { dispatch, events, polled } = setup();
    const sent: EventMap['settingsChanged'][] = [];
    events.on('settingsChanged', (view) => sent.push(view));

    expect(await dispatch('getSettings', [])).toMatchObject({
      ok: true,
      value: { values: { feedUrls: ['https://org.example/feed'] }, locked: {} },
    });
    expect(await dispatch('updateSettings', [{ userFeedUrls: ['https://mine.example/feed'] }])).toMatchObject({
      ok: true,
    });
    expect(polled).toEqual([['https://org.example/feed', 'https://mine.example/feed']]);
    expect(sent).toHaveLength(1);

    await dispatch('updateSettings', [{ dailyNotificationCap: 3 }]);
    expect(sent).toHaveLength(2);
    expect(polled).toHaveLength(1);
  });

  it("answers a refused change with the rule's words, and a malformed one before any handler runs", async () => {
    const { dispatch } = setup();
    expect(await dispatch('updateSettings', [{ quietHours: { start: '25:00', end: '07:00' } }])).toEqual({
      ok: false,
      error: 'Quiet hours start must be a time from 00:00 to 23:59',
    });
    const malformed = await dispatch('updateSettings', [{ startAtLogin: 'yes' }]);
    expect(!malformed.ok && malformed.error).toMatch(/^malformed arguments for updateSettings at \/0\/startAtLogin/);
  });
});
