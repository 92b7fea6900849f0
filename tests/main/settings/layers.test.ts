/** The precedence defaults < machine defaults file < the person's settings < policy, and what each layer may hold. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../main/settings/defaults.ts';
import {
  EMPTY_LAYER,
  feedsToPoll,
  mergeLayers,
  personLayer,
  policyLayer,
  resolveSettings,
} from '../../../main/settings/layers.ts';

describe('settings layers', () => {
  it('with nothing set, the built-in defaults apply', () => {
    const resolved = resolveSettings({ machine: EMPTY_LAYER, person: EMPTY_LAYER, policy: EMPTY_LAYER });
    expect(resolved.values).toEqual(DEFAULT_SETTINGS);
    expect(new Set(Object.values(resolved.sources))).toEqual(new Set(['default']));
  });

  it('each layer wins over the ones below it, key by key', () => {
    const machine = policyLayer(
      { PollIntervalMinutes: 60, DailyNotificationCap: 3, QuietHours: '22:00-07:00' },
      'defaults.json',
    );
    const person = personLayer({ pollIntervalMinutes: 15, dailyNotificationCap: 5 }, 'settings.json');
    const policy = policyLayer({ DailyNotificationCap: 2 }, 'policy.json');
    const resolved = resolveSettings({ machine, person, policy });
    expect(resolved.values).toMatchObject({
      pollIntervalMinutes: 15,
      dailyNotificationCap: 2,
      quietHours: { start: '22:00', end: '07:00' },
    });
    expect(resolved.sources).toMatchObject({
      pollIntervalMinutes: 'person',
      dailyNotificationCap: 'policy',
      quietHours: 'machine',
      startAtLogin: 'default',
    });
  });

  it('ignores a bad policy value with a reason naming its origin, and keeps the good ones', () => {
    const layer = policyLayer(
      { PollIntervalMinutes: 1, EndpointUrl: 'https://advocate.example.com/', Colour: 'blue' },
      'HKLM\\SOFTWARE\\Policies\\Advocate',
    );
    expect(layer.values).toEqual({ endpointUrl: 'https://advocate.example.com/' });
    expect(layer.problems).toEqual([
      {
        origin: 'HKLM\\SOFTWARE\\Policies\\Advocate',
        key: 'PollIntervalMinutes',
        reason: 'must be a whole number from 5 to 1440, so it was ignored',
      },
      {
        origin: 'HKLM\\SOFTWARE\\Policies\\Advocate',
        key: 'Colour',
        reason: 'is not a known policy name, so it was ignored',
      },
    ]);
  });

  it('reads policy names case-insensitively, as the registry does', () => {
    expect(policyLayer({ autostart: 0 }, 'registry').values).toEqual({ startAtLogin: false });
  });

  it("lets the person set only their own keys; the organisation's keys in their file are ignored with a reason", () => {
    const layer = personLayer(
      { feedUrls: ['https://mine.example/feed'], disclosureText: '', pollIntervalMinutes: 20, schemaVersion: 1 },
      'settings.json',
    );
    expect(layer.values).toEqual({ pollIntervalMinutes: 20 });
    expect(layer.problems.map((problem) => problem.key)).toEqual(['feedUrls', 'disclosureText']);
  });

  it("polls the organisation's feeds plus the person's own, unless people may not add feeds", () => {
    const machine = policyLayer({ FeedUrls: 'https://org.example/feed' }, 'defaults.json');
    const person = personLayer(
      { userFeedUrls: ['https://mine.example/feed', 'https://org.example/feed'] },
      'settings.json',
    );
    const allowed = resolveSettings({ machine, person, policy: EMPTY_LAYER });
    expect(feedsToPoll(allowed.values)).toEqual(['https://org.example/feed', 'https://mine.example/feed']);

    const forbidden = resolveSettings({ machine, person, policy: policyLayer({ AllowUserFeeds: 0 }, 'policy.json') });
    expect(forbidden.values.userFeedUrls).toEqual([]);
    expect(forbidden.sources.userFeedUrls).toBe('default');
    expect(feedsToPoll(forbidden.values)).toEqual(['https://org.example/feed']);
  });

  it('merges sources of one rank with the later one winning (HKCU, then HKLM)', () => {
    const user = policyLayer({ DailyNotificationCap: 9, TrainingUrl: 'https://learn.example/' }, 'HKCU');
    const machine = policyLayer({ DailyNotificationCap: 1 }, 'HKLM');
    expect(mergeLayers(user, machine).values).toEqual({
      dailyNotificationCap: 1,
      trainingUrl: 'https://learn.example/',
    });
  });
});
