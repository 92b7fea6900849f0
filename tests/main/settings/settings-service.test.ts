/** The settings service: upgrade on open, all-or-nothing updates, locks, change events, the diagnostics view. */
import { describe, expect, it } from 'vitest';
import { LOCKED_BY_POLICY, USER_FEEDS_NOT_ALLOWED } from '../../../common/settings.ts';
import type { Logger } from '../../../main/core/ports.ts';
import { IpcRequestError } from '../../../main/ipc/ipc-request-error.ts';
import { EMPTY_LAYER, policyLayer, type Layer } from '../../../main/settings/layers.ts';
import { createSettingsService, memoryStore, type KeyValueStore } from '../../../main/settings/settings-service.ts';

function recordingLog(): Logger & { lines: [string, string, Record<string, unknown> | undefined][] } {
  const lines: [string, string, Record<string, unknown> | undefined][] = [];
  return {
    lines,
    info: (message, details) => lines.push(['info', message, details]),
    warn: (message, details) => lines.push(['warn', message, details]),
    error: (message, details) => lines.push(['error', message, details]),
  };
}

function service(options: { store?: KeyValueStore; machine?: Layer; policy?: Layer } = {}) {
  const store = options.store ?? memoryStore();
  const log = recordingLog();
  const settings = createSettingsService({
    store,
    storeOrigin: 'settings.json',
    machine: options.machine ?? EMPTY_LAYER,
    policy: options.policy ?? EMPTY_LAYER,
    log,
  });
  return { store, log, settings };
}

describe('settings service', () => {
  it('upgrades an old file on open and says so', () => {
    const { store, log, settings } = service({
      store: memoryStore({ feedUrls: ['https://mine.example/feed'], endpointUrl: null }),
    });
    expect(store.read()).toEqual({ userFeedUrls: ['https://mine.example/feed'], schemaVersion: 1 });
    expect(settings.values().userFeedUrls).toEqual(['https://mine.example/feed']);
    expect(log.lines).toContainEqual(['info', 'upgraded the settings file', { from: 0 }]);
  });

  it('logs every ignored value with its origin and reason', () => {
    const { log } = service({ policy: policyLayer({ PollIntervalMinutes: 2 }, 'HKLM\\SOFTWARE\\Policies\\Advocate') });
    expect(log.lines).toContainEqual([
      'warn',
      'ignored a setting',
      {
        origin: 'HKLM\\SOFTWARE\\Policies\\Advocate',
        key: 'PollIntervalMinutes',
        reason: 'must be a whole number from 5 to 1440, so it was ignored',
      },
    ]);
  });

  it('shows the window its values without the enrollment code, and what is locked by whom', () => {
    const { settings } = service({
      store: memoryStore({ schemaVersion: 1, enrollmentCode: 'ENROL-1' }),
      policy: policyLayer({ EndpointUrl: 'https://advocate.example.com/', AllowUserFeeds: 0 }, 'policy.json'),
    });
    const view = settings.view();
    expect(view.values).not.toHaveProperty('enrollmentCode');
    expect(view.enrollmentCodeSet).toBe(true);
    expect(view.locked).toEqual({
      endpointUrl: LOCKED_BY_POLICY,
      allowUserFeeds: LOCKED_BY_POLICY,
      userFeedUrls: USER_FEEDS_NOT_ALLOWED,
    });
  });

  it('writes a good change, answers the new view and tells listeners which keys changed', () => {
    const { store, settings } = service();
    const heard: string[][] = [];
    settings.onChange((_values, changed) => heard.push([...changed]));
    const view = settings.update({ pollIntervalMinutes: 10, quietHours: { start: '22:00', end: '07:00' } });
    expect(view.values.pollIntervalMinutes).toBe(10);
    expect(store.read()).toMatchObject({ pollIntervalMinutes: 10, quietHours: { start: '22:00', end: '07:00' } });
    expect(heard).toEqual([['pollIntervalMinutes', 'quietHours']]);
    settings.update({ pollIntervalMinutes: 10 });
    expect(heard).toHaveLength(1);
  });

  it.each([
    [
      'a value out of range',
      { dailyNotificationCap: 500 },
      'Notifications per day must be a whole number from 0 to 100',
    ],
    [
      'a key the organisation locked',
      { endpointUrl: 'https://mine.example/' },
      `Endpoint address: ${LOCKED_BY_POLICY}`,
    ],
    ['an organisation-only key', { disclosureText: 'hi' }, 'Disclosure text can only be set by your organisation'],
    ['an unknown key', { theme: 'dark' }, 'there is no setting called "theme"'],
  ])('refuses %s with a message for the window, and writes nothing, not even the good part', (_case, bad, message) => {
    const { store, settings } = service({
      policy: policyLayer({ EndpointUrl: 'https://advocate.example.com/' }, 'policy.json'),
    });
    const before = store.read();
    expect(() => settings.update({ pollIntervalMinutes: 45, ...bad })).toThrow(new IpcRequestError(message));
    expect(store.read()).toEqual(before);
    expect(settings.values().pollIntervalMinutes).toBe(30);
  });

  it("refuses the person's own feeds while the organisation does not allow them", () => {
    const { settings } = service({ policy: policyLayer({ AllowUserFeeds: 'false' }, 'policy.json') });
    expect(() => settings.update({ userFeedUrls: ['https://mine.example/feed'] })).toThrow(
      `Your feeds: ${USER_FEEDS_NOT_ALLOWED}`,
    );
  });

  it('reports every value with its source for diagnostics, the enrollment code only as set or not', () => {
    const { settings } = service({
      machine: policyLayer({ EnrollmentCode: 'ENROL-SECRET', Colour: 'x' }, 'defaults.json'),
    });
    const report = settings.report();
    expect(report.rows.find((row) => row.key === 'enrollmentCode')).toEqual({
      key: 'enrollmentCode',
      value: 'set (hidden)',
      source: 'machine',
    });
    expect(report.rows.find((row) => row.key === 'pollIntervalMinutes')).toEqual({
      key: 'pollIntervalMinutes',
      value: '30',
      source: 'default',
    });
    expect(JSON.stringify(report)).not.toContain('ENROL-SECRET');
    expect(report.problems).toEqual([
      { origin: 'defaults.json', key: 'Colour', reason: 'is not a known policy name, so it was ignored' },
    ]);
  });
});
