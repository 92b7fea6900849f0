/**
 * Where policy comes from on each platform: macOS managed preferences through systemPreferences, the registry on
 * Windows.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { MACOS_POLICY_ORIGIN, readMacPolicy, readPresetLayers } from '../../../main/adapters/policy-sources.ts';
import { fakeState, resetElectronFake } from '../../mocks/electron.ts';

beforeEach(() => {
  resetElectronFake();
});

describe('macOS managed preferences', () => {
  it('reads what an MDM profile sets: strings, numbers, booleans, lists as arrays or one string', () => {
    const defaults = fakeState.userDefaults;
    defaults.set('EndpointUrl', 'https://advocate.example.com');
    defaults.set('PollIntervalMinutes', 45);
    defaults.set('Autostart', false);
    defaults.set('AllowUserFeeds', true);
    defaults.set('FeedUrls', ['https://blog.example.com/feed', 'https://news.example.com/rss']);
    defaults.set('EnabledNetworks', 'linkedin, x');
    expect(readMacPolicy()).toEqual({
      values: {
        endpointUrl: 'https://advocate.example.com/',
        pollIntervalMinutes: 45,
        startAtLogin: false,
        allowUserFeeds: true,
        feedUrls: ['https://blog.example.com/feed', 'https://news.example.com/rss'],
        enabledNetworks: ['linkedin', 'x'],
      },
      problems: [],
    });
  });

  it('tells "not set" apart from false and 0 (NSUserDefaults answers those for missing keys)', () => {
    expect(readMacPolicy()).toEqual({ values: {}, problems: [] });
    fakeState.userDefaults.set('DailyNotificationCap', 0);
    expect(readMacPolicy().values).toEqual({ dailyNotificationCap: 0 });
  });

  it('ignores a bad value with a reason', () => {
    fakeState.userDefaults.set('TrainingUrl', 'file:///Users/Shared/guide.pdf');
    expect(readMacPolicy().problems).toEqual([
      {
        origin: MACOS_POLICY_ORIGIN,
        key: 'TrainingUrl',
        reason: '"file:///Users/Shared/guide.pdf" must start with http:// or https://, so it was ignored',
      },
    ]);
  });
});

describe('preset layers per platform', () => {
  it('macOS uses managed preferences as policy', async () => {
    fakeState.userDefaults.set('QuietHours', '22:00-07:00');
    const layers = await readPresetLayers('darwin', {});
    expect(layers.policy.values).toEqual({ quietHours: { start: '22:00', end: '07:00' } });
  });

  it('Windows asks reg.exe under SystemRoot (here missing: a problem per hive, not a crash)', async () => {
    const layers = await readPresetLayers('win32', {
      SystemRoot: '/nonexistent-windows',
      ProgramData: '/nonexistent-programdata',
    });
    expect(layers.policy.problems.map((problem) => problem.origin)).toEqual([
      'HKCU\\SOFTWARE\\Policies\\Advocate',
      'HKLM\\SOFTWARE\\Policies\\Advocate',
    ]);
    expect(layers.machine).toEqual({ values: {}, problems: [] });
  });
});
