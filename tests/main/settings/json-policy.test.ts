/** defaults.json and policy.json: every way a file can be wrong ends as an ignored file with a reason. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonLayer } from '../../../main/settings/json-policy.ts';
import { policyLocations } from '../../../main/settings/policy-paths.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function file(content: string | Buffer): Promise<string> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const path = join(dir.path, 'policy.json');
  await writeFile(path, content);
  return path;
}

describe('JSON policy and machine defaults files', () => {
  it('reads the policy names, with a BOM as Notepad writes it', async () => {
    const layer = await readJsonLayer(
      await file(
        '\uFEFF{"FeedUrls": ["https://blog.example.com/feed"], "AllowUserFeeds": false, "QuietHours": "22:00-07:00"}',
      ),
    );
    expect(layer).toEqual({
      values: {
        feedUrls: ['https://blog.example.com/feed'],
        allowUserFeeds: false,
        quietHours: { start: '22:00', end: '07:00' },
      },
      problems: [],
    });
  });

  it('treats a missing file as nothing preset', async () => {
    expect(await readJsonLayer('/nonexistent/advocate/policy.json')).toEqual({ values: {}, problems: [] });
  });

  it.each([
    ['not JSON', '{"FeedUrls": [', 'is not valid JSON'],
    ['not an object', '["https://blog.example.com/feed"]', 'must hold one JSON object'],
    ['too large', `{"DisclosureText": "${'x'.repeat(300 * 1024)}"}`, 'is larger than 256 KiB'],
  ])('ignores a file that is %s, saying so', async (_case, content, reason) => {
    const path = await file(content);
    const layer = await readJsonLayer(path);
    expect(layer.values).toEqual({});
    expect(layer.problems).toEqual([{ origin: path, key: '*', reason: expect.stringContaining(reason) as unknown }]);
  });

  it('ignores a directory where the file should be, saying why', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    expect((await readJsonLayer(dir.path)).problems[0]?.reason).toContain('could not be read (EISDIR)');
  });
});

describe('policy locations', () => {
  it('puts IT files where only administrators write, per platform', () => {
    expect(policyLocations('win32', { ProgramData: 'D:\\ProgramData', SystemRoot: 'D:\\Windows' })).toEqual({
      machineDefaultsFile: 'D:\\ProgramData\\Advocate\\defaults.json',
      policyFile: null,
      regExe: 'D:\\Windows\\System32\\reg.exe',
    });
    expect(policyLocations('win32', {}).regExe).toBe('C:\\Windows\\System32\\reg.exe');
    expect(policyLocations('darwin', {})).toEqual({
      machineDefaultsFile: '/Library/Application Support/Advocate/defaults.json',
      policyFile: null,
      regExe: null,
    });
    expect(policyLocations('linux', {})).toEqual({
      machineDefaultsFile: '/etc/advocate/defaults.json',
      policyFile: '/etc/advocate/policy.json',
      regExe: null,
    });
  });
});
