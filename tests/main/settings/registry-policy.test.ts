/**
 * Windows policy through reg.exe: parsing recorded `reg query` output, and the reader running a stand-in
 * reg.exe through a real execFile (it answers each hive with a recorded output, or reg.exe's "not found").
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRegQuery, readRegistryPolicy } from '../../../main/settings/registry-policy.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const fixture = (name: string): Promise<string> => readFile(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const HKLM_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Advocate';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A reg.exe that prints a recorded answer per hive; exit code and stderr as the real one. */
async function standInRegExe(answers: {
  HKLM?: string | null;
  HKCU?: string | null;
  exitCode?: number;
}): Promise<string> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const missing = await fixture('reg-query-missing.txt');
  const script = ['#!/bin/sh', `[ "$1" = query ] || exit 9`];
  for (const hive of ['HKLM', 'HKCU'] as const) {
    const answer = answers[hive];
    const file = join(dir.path, `${hive}.txt`);
    await writeFile(file, answer ?? missing);
    script.push(
      answer === null || answer === undefined
        ? `case "$2" in ${hive}\\\\*) cat '${file}' >&2; exit 1;; esac`
        : `case "$2" in ${hive}\\\\*) cat '${file}' ${answers.exitCode ? '>&2' : ''}; exit ${String(answers.exitCode ?? 0)};; esac`,
    );
  }
  script.push('exit 9');
  const path = join(dir.path, 'reg.exe');
  await writeFile(path, `${script.join('\n')}\n`);
  await chmod(path, 0o755);
  return path;
}

describe('reg query output', () => {
  it('reads the values of the queried key only, typed as reg.exe prints them', async () => {
    expect(parseRegQuery(await fixture('reg-query-hklm.txt'), HKLM_KEY)).toEqual({
      EndpointUrl: 'https://advocate.example.com/',
      FeedUrls: ['https://blog.example.com/feed.xml', 'https://news.example.com/rss'],
      PollIntervalMinutes: 60,
      Autostart: 0,
      DisclosureText: 'I work at Example  (views my own)',
      QuietHours: '',
    });
  });

  it('finds nothing in reg.exe\'s "not found" message or in another key\'s listing', async () => {
    expect(parseRegQuery(await fixture('reg-query-missing.txt'), HKLM_KEY)).toEqual({});
    expect(parseRegQuery(await fixture('reg-query-hkcu.txt'), HKLM_KEY)).toEqual({});
  });
});

describe('Windows policy reader', () => {
  it('reads HKLM then HKCU: machine policy wins, user policy fills the gaps, bad values are ignored with a reason', async () => {
    const regExe = await standInRegExe({
      HKLM: await fixture('reg-query-hklm.txt'),
      HKCU: await fixture('reg-query-hkcu.txt'),
    });
    const layer = await readRegistryPolicy(regExe);
    expect(layer.values).toEqual({
      endpointUrl: 'https://advocate.example.com/',
      feedUrls: ['https://blog.example.com/feed.xml', 'https://news.example.com/rss'],
      pollIntervalMinutes: 60,
      startAtLogin: false,
      disclosureText: 'I work at Example  (views my own)',
      quietHours: null,
      dailyNotificationCap: 5,
    });
    expect(layer.problems).toEqual([
      {
        origin: 'HKCU\\SOFTWARE\\Policies\\Advocate',
        key: 'EnabledNetworks',
        reason: expect.stringContaining('"myspace" is not one of') as unknown,
      },
    ]);
  });

  it('reads what the MSI writes from its public properties (FEED_URLS as one comma-separated REG_SZ)', async () => {
    const layer = await readRegistryPolicy(await standInRegExe({ HKLM: await fixture('reg-query-msi.txt') }));
    expect(layer).toEqual({
      values: {
        endpointUrl: 'https://advocate.example.com/',
        enrollmentCode: 'ENROL-42',
        feedUrls: ['https://blog.example.com/feed.xml', 'https://news.example.com/rss'],
        startAtLogin: true,
      },
      problems: [],
    });
  });

  it('treats a missing key as no policy at all', async () => {
    const layer = await readRegistryPolicy(await standInRegExe({}));
    expect(layer).toEqual({ values: {}, problems: [] });
  });

  it('turns a failing reg.exe into a problem for that hive, never a crash', async () => {
    const failing = await readRegistryPolicy(
      await standInRegExe({ HKLM: 'ERROR: Access is denied.\r\n', exitCode: 5 }),
    );
    expect(failing.values).toEqual({});
    expect(failing.problems).toEqual([
      {
        origin: 'HKLM\\SOFTWARE\\Policies\\Advocate',
        key: '*',
        reason: 'reg.exe failed (exit 5): ERROR: Access is denied., so this key was ignored',
      },
    ]);
    const absent = await readRegistryPolicy('/nonexistent/reg.exe');
    expect(absent.problems).toHaveLength(2);
    expect(absent.problems[0]?.reason).toContain('ENOENT');
  });
});
