/**
 * What IT presets, read again every minute on the fake clock from real files in a temp folder and from a
 * stand-in reg.exe run through execFile: a change applies within the minute without a restart, a source
 * that cannot be read keeps its last values (and says so once, in words), a removed value falls back.
 */
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingKey } from '../../../common/settings.ts';
import type { Logger } from '../../../main/core/ports.ts';
import { readJsonLayer } from '../../../main/settings/json-policy.ts';
import { PRESET_REREAD_MS, watchPresets, type PresetLayers } from '../../../main/settings/preset-watch.ts';
import { readRegistryPolicy } from '../../../main/settings/registry-policy.ts';
import { createSettingsService, memoryStore } from '../../../main/settings/settings-service.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

let dir: { path: string; remove: () => Promise<void> };
const logged: { level: 'info' | 'warn'; message: string; details?: Record<string, unknown> }[] = [];
const log: Logger = {
  info: (message, details) => logged.push({ level: 'info', message, ...(details ? { details } : {}) }),
  warn: (message, details) => logged.push({ level: 'warn', message, ...(details ? { details } : {}) }),
  error: () => undefined,
};
const stops: (() => void)[] = [];

beforeEach(async () => {
  dir = await makeTempDir();
  logged.length = 0;
});
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await dir.remove();
});

/** The app's settings over the given readers, watched as main/index.ts watches them. */
async function watched(read: () => Promise<PresetLayers>, person: Record<string, unknown> = {}) {
  const clock = new FakeClock();
  const settings = createSettingsService({
    store: memoryStore(person),
    storeOrigin: 'settings.json',
    ...(await read()),
    log,
  });
  const heard: SettingKey[][] = [];
  settings.onChange((_values, changed) => heard.push([...changed]));
  const watch = watchPresets(await read(), {
    read,
    apply: (layers) => settings.replacePresets(layers),
    clock,
    log,
  });
  stops.push(() => watch.stop());
  logged.length = 0;
  /** Lets the minute pass and waits for the read it started. */
  const aMinuteLater = async (): Promise<void> => {
    clock.advance(PRESET_REREAD_MS);
    await watch.readNow();
  };
  return { settings, heard, clock, watch, aMinuteLater };
}

function linuxFiles() {
  const machineFile = join(dir.path, 'defaults.json');
  const policyFile = join(dir.path, 'policy.json');
  const read = async (): Promise<PresetLayers> => ({
    machine: await readJsonLayer(machineFile),
    policy: await readJsonLayer(policyFile),
  });
  const writePolicy = (data: unknown): Promise<void> => writeFile(policyFile, JSON.stringify(data));
  return { machineFile, policyFile, read, writePolicy };
}

describe('policy files, watched', () => {
  it('applies a changed policy file within a minute, without a restart, and locks what it sets', async () => {
    const files = linuxFiles();
    await files.writePolicy({ DailyNotificationCap: 5 });
    const { settings, heard, clock, aMinuteLater } = await watched(files.read);
    expect(settings.values().dailyNotificationCap).toBe(5);

    await files.writePolicy({ DailyNotificationCap: 2, EndpointUrl: 'https://advocate.example.com' });
    clock.advance(PRESET_REREAD_MS - 1);
    expect(settings.values().dailyNotificationCap).toBe(5);
    await aMinuteLater();
    expect(settings.values()).toMatchObject({ dailyNotificationCap: 2, endpointUrl: 'https://advocate.example.com/' });
    expect(settings.view().locked).toMatchObject({ endpointUrl: 'set by your organisation' });
    expect(heard).toEqual([['endpointUrl', 'dailyNotificationCap']]);
    expect(logged).toContainEqual({
      level: 'info',
      message: 'what the organisation set changed',
      details: { keys: ['endpointUrl', 'dailyNotificationCap'] },
    });
  });

  it('reads again every minute, and stays silent while nothing changed', async () => {
    const files = linuxFiles();
    await files.writePolicy({ QuietHours: '22:00-07:00' });
    const { heard, aMinuteLater } = await watched(files.read);
    for (let minute = 0; minute < 3; minute += 1) await aMinuteLater();
    expect(heard).toEqual([]);
    expect(logged).toEqual([]);
    await files.writePolicy({ QuietHours: 'off' });
    await aMinuteLater();
    expect(heard).toEqual([['quietHours']]);
  });

  it('keeps the last good values while the policy file is half-written or broken, saying so once', async () => {
    const files = linuxFiles();
    await files.writePolicy({ DailyNotificationCap: 2, AllowUserFeeds: false });
    const { settings, heard, aMinuteLater } = await watched(files.read);
    await writeFile(files.policyFile, '{"DailyNotificationCap": 2, "AllowUs');
    await aMinuteLater();
    await aMinuteLater();
    // Broken is not "no policy": the cap and the lock on people's own feeds hold.
    expect(settings.values()).toMatchObject({ dailyNotificationCap: 2, allowUserFeeds: false });
    expect(settings.view().locked).toMatchObject({ dailyNotificationCap: 'set by your organisation' });
    expect(heard).toEqual([]);
    const warnings = logged.filter((entry) => entry.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toBe('could not read what the organisation set; the values read before stay in force');
    expect(warnings[0]?.details?.['reason']).toMatch(
      /^.*policy\.json is not valid JSON \(.+\), so the file was ignored$/,
    );

    await files.writePolicy({ DailyNotificationCap: 4, AllowUserFeeds: false });
    await aMinuteLater();
    expect(settings.values().dailyNotificationCap).toBe(4);
    expect(logged).toContainEqual({
      level: 'info',
      message: 'what the organisation set can be read again',
      details: { source: 'policy' },
    });
  });

  it("falls back to the person's value, unlocked, when a policy value is removed, and to the default when the file goes", async () => {
    const files = linuxFiles();
    await files.writePolicy({ DailyNotificationCap: 2, QuietHours: '22:00-07:00' });
    const { settings, aMinuteLater } = await watched(files.read, { dailyNotificationCap: 7 });
    expect(settings.values().dailyNotificationCap).toBe(2);

    await files.writePolicy({ QuietHours: '22:00-07:00' });
    await aMinuteLater();
    expect(settings.values().dailyNotificationCap).toBe(7);
    expect(settings.view().locked.dailyNotificationCap).toBeUndefined();

    await rm(files.policyFile);
    await aMinuteLater();
    expect(settings.values().quietHours).toBeNull();
    expect(settings.view().locked).toEqual({});
  });

  it('applies a changed machine defaults file below the person’s own settings', async () => {
    const files = linuxFiles();
    const { settings, aMinuteLater } = await watched(files.read, { startAtLogin: false });
    await writeFile(files.machineFile, JSON.stringify({ Autostart: true, DailyNotificationCap: 3 }));
    await aMinuteLater();
    expect(settings.values()).toMatchObject({ startAtLogin: false, dailyNotificationCap: 3 });
    expect(settings.view().locked).toEqual({});
  });

  it('stops reading when stopped', async () => {
    const files = linuxFiles();
    const { settings, clock, watch } = await watched(files.read);
    watch.stop();
    await files.writePolicy({ DailyNotificationCap: 1 });
    clock.advance(10 * PRESET_REREAD_MS);
    expect(clock.nextTimerAt()).toBeNull();
    expect(settings.values().dailyNotificationCap).toBe(10);
  });
});

/** A reg.exe that answers each hive with the file of that name in its folder, which the test rewrites. */
async function changeableRegExe(): Promise<{
  path: string;
  answer(hive: 'HKLM' | 'HKCU', text: string | null): Promise<void>;
  fail(): Promise<void>;
}> {
  const fixture = (name: string): Promise<string> => readFile(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
  const missing = await fixture('reg-query-missing.txt');
  const path = join(dir.path, 'reg.exe');
  const script = (failing: boolean): string =>
    [
      '#!/bin/sh',
      failing ? "echo 'ERROR: Access is denied.' >&2; exit 5" : '',
      ...(['HKLM', 'HKCU'] as const).map(
        (hive) =>
          `case "$2" in ${hive}\\\\*) if [ -f '${dir.path}/${hive}.txt' ]; then cat '${dir.path}/${hive}.txt'; exit 0; else cat '${dir.path}/missing.txt' >&2; exit 1; fi;; esac`,
      ),
      'exit 9',
      '',
    ].join('\n');
  await writeFile(join(dir.path, 'missing.txt'), missing);
  await writeFile(path, script(false));
  await chmod(path, 0o755);
  return {
    path,
    async answer(hive, text) {
      if (text === null) await rm(join(dir.path, `${hive}.txt`), { force: true });
      else await writeFile(join(dir.path, `${hive}.txt`), text);
    },
    fail: () => writeFile(path, script(true)),
  };
}

const hklm = (values: string): string => `\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Advocate\r\n${values}\r\n\r\n`;

describe('the Windows registry, watched', () => {
  it('applies a changed policy value within a minute, keeps the last values while reg.exe fails, and falls back once removed', async () => {
    const regExe = await changeableRegExe();
    await regExe.answer('HKLM', hklm('    DailyNotificationCap    REG_DWORD    0x2'));
    const read = async (): Promise<PresetLayers> => ({
      machine: { values: {}, problems: [] },
      policy: await readRegistryPolicy(regExe.path),
    });
    const { settings, aMinuteLater } = await watched(read);
    expect(settings.values().dailyNotificationCap).toBe(2);

    await regExe.answer(
      'HKLM',
      hklm(
        '    DailyNotificationCap    REG_DWORD    0x3\r\n    EndpointUrl    REG_SZ    https://advocate.example.com/',
      ),
    );
    await aMinuteLater();
    expect(settings.values()).toMatchObject({ dailyNotificationCap: 3, endpointUrl: 'https://advocate.example.com/' });

    await regExe.fail();
    await aMinuteLater();
    expect(settings.values()).toMatchObject({ dailyNotificationCap: 3, endpointUrl: 'https://advocate.example.com/' });
    expect(logged.filter((entry) => entry.level === 'warn').map((entry) => entry.details?.['reason'])).toEqual([
      expect.stringMatching(/reg\.exe failed \(exit 5\): ERROR: Access is denied\., so this key was ignored/),
    ]);

    await regExe.answer('HKLM', null);
    await writeFile(regExe.path, (await readFile(regExe.path, 'utf8')).replace(/^echo .*exit 5$/m, ''));
    await aMinuteLater();
    expect(settings.values()).toMatchObject({ dailyNotificationCap: 10, endpointUrl: null });
    expect(settings.view().locked).toEqual({});
  });
});
