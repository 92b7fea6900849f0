/**
 * The commands a newcomer runs (`npm run preview`, `npm run server`), as separate processes: they start
 * with no setup, answer at the address they print, stop cleanly, and refuse a bad flag clearly.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcAnswer } from '../../common/ipc/contract.ts';
import type { PostView } from '../../common/domain.ts';
import { SYNC_STATE_TEXT } from '../../common/messages.ts';
import type { SettingsView } from '../../common/settings.ts';
import { readJsonLayer } from '../../main/settings/json-policy.ts';
import { policyLayer } from '../../main/settings/layers.ts';
import { runTsx, startTsx } from '../helpers/spawn-command.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];

/** Calls the running preview as its window does. */
async function invoke<T>(base: string, name: string, args: unknown[] = []): Promise<IpcAnswer<T>> {
  const response = await fetch(new URL(`ipc/${name}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  return (await response.json()) as IpcAnswer<T>;
}
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('npm run preview', () => {
  it('serves the window with the bridge, and the built-in sample feed when no feed is configured', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const preview = await startTsx(
      'main/preview/cli.ts',
      ['--port', '0', '--data', dir.path],
      /Advocate preview: (\S+)/,
    );
    cleanups.push(preview.stop);
    const html = await (await fetch(preview.captured)).text();
    expect(html).toContain('<script src="/preview-bridge.js"></script>');
    const answer = await invoke<PostView[]>(preview.captured, 'listPosts');
    expect(answer.ok && answer.value.length).toBe(3);
    expect(await preview.stop()).toBe(0);
  });

  it('explains itself with --help, and refuses an unknown flag in one line that points there', async () => {
    const help = await runTsx('main/preview/cli.ts', ['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--port', '--feed', '--poll-minutes', '--policy', '--endpoint', '--enrollment-code', '--help'])
      expect(help.output).toContain(flag);
    const unknown = await runTsx('main/preview/cli.ts', ['--colour', 'blue']);
    expect(unknown.code).toBe(2);
    expect(unknown.output.trim().split('\n')).toEqual([
      expect.stringMatching(/--colour.*; see npm run preview -- --help$/) as string,
    ]);
    expect(unknown.output).not.toContain('ERR_PARSE_ARGS');
  });

  it('says in one line that a port is taken, naming the port and the flag, with no stack trace', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const first = await startTsx('main/preview/cli.ts', ['--port', '0', '--data', dir.path], /Advocate preview: (\S+)/);
    cleanups.push(first.stop);
    const port = new URL(first.captured).port;
    const second = await runTsx('main/preview/cli.ts', ['--port', port, '--data', join(dir.path, 'second')]);
    expect(second.code).toBe(1);
    expect(second.output.trim()).toBe(
      `Port ${port} on 127.0.0.1 is taken (another preview?): choose another with --port N`,
    );
  });

  it("takes --poll-minutes within the app's bounds only, and shows it in Settings as set by the organisation", async () => {
    const result = await runTsx('main/preview/cli.ts', ['--poll-minutes', '2']);
    expect(result.code).toBe(2);
    expect(result.output.trim()).toBe('--poll-minutes must be a whole number from 5 to 1440, got 2');
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const preview = await startTsx(
      'main/preview/cli.ts',
      ['--port', '0', '--data', dir.path, '--poll-minutes', '7'],
      /Advocate preview: (\S+)/,
    );
    cleanups.push(preview.stop);
    const answer = await invoke<SettingsView>(preview.captured, 'getSettings');
    expect(answer.ok && answer.value.values.pollIntervalMinutes).toBe(7);
    expect(answer.ok && answer.value.locked.pollIntervalMinutes).toBeTruthy();
  });

  it('reads --policy as a desktop reads policy.json: its values apply, a bad one is refused in the same words', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const file = join(dir.path, 'policy.json');
    await writeFile(
      file,
      JSON.stringify({ TrainingUrl: 'https://intranet.example.com/training', DailyNotificationCap: 'lots' }),
    );
    const preview = await startTsx(
      'main/preview/cli.ts',
      ['--port', '0', '--data', join(dir.path, 'data'), '--policy', file],
      /Advocate preview: (\S+)/,
    );
    cleanups.push(preview.stop);
    const answer = await invoke<SettingsView>(preview.captured, 'getSettings');
    expect(answer.ok && answer.value.values.trainingUrl).toBe('https://intranet.example.com/training');
    expect(answer.ok && answer.value.locked.trainingUrl).toBeTruthy();
    // The refusal is worded by the same function a desktop's policy.json goes through.
    const refused = policyLayer({ DailyNotificationCap: 'lots' }, file).problems[0];
    expect(refused).toBeDefined();
    await expect.poll(() => preview.output(), { timeout: 20_000 }).toContain(refused?.reason);
    expect(preview.output()).toContain('ignored a setting');
    expect(await preview.stop()).toBe(0);

    await writeFile(file, '{ not json');
    const broken = await startTsx(
      'main/preview/cli.ts',
      ['--port', '0', '--data', join(dir.path, 'data'), '--policy', file],
      /Advocate preview: (\S+)/,
    );
    cleanups.push(broken.stop);
    const unreadable = (await readJsonLayer(file)).problems[0];
    expect(unreadable?.reason).toContain('is not valid JSON');
    await expect.poll(() => broken.output(), { timeout: 20_000 }).toContain(unreadable?.reason);
    const missing = await runTsx('main/preview/cli.ts', ['--policy', join(dir.path, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.output.trim()).toBe(`--policy: there is no file at ${join(dir.path, 'nope.json')}`);
  });

  it('refuses a port that is not a number, saying which flag is wrong', async () => {
    const result = await runTsx('main/preview/cli.ts', ['--port', 'abc']);
    expect(result.code).toBe(2);
    expect(result.output).toContain('--port must be a whole number');
  });

  it('refuses an endpoint without an enrollment code, saying where the code comes from', async () => {
    const result = await runTsx('main/preview/cli.ts', ['--endpoint', 'http://127.0.0.1:8787/'], {
      ADVOCATE_ENROLLMENT_CODE: '',
    });
    expect(result.code).toBe(2);
    expect(result.output).toContain('--endpoint needs --enrollment-code CODE');
  });
});

describe('npm start', () => {
  it('without a working Electron, says so in one line that points to the preview', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const result = await runTsx('main/start-electron.ts', [], { ELECTRON_OVERRIDE_DIST_PATH: dir.path });
    expect(result.code).toBe(1);
    expect(result.output.trim().split('\n')).toEqual([expect.stringContaining('npm run preview') as string]);
  });

  it('with Electron, runs it on the app in this folder and ends as it ends', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const binary = join(dir.path, 'electron');
    await writeFile(binary, '#!/bin/sh\necho "electron started with: $*"\nexit 3\n', { mode: 0o755 });
    const result = await runTsx('main/start-electron.ts', [], { ELECTRON_OVERRIDE_DIST_PATH: dir.path });
    expect(result.output).toContain('electron started with: .');
    expect(result.code).toBe(3);
  });
});

describe('npm run server', () => {
  it('starts on an embedded SQLite file with no other setup, answers /healthz, and prints the first secrets once', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const db = join(dir.path, 'endpoint.sqlite');
    const server = await startTsx('server/cli.ts', ['--port', '0', '--db', db], /Advocate endpoint: (\S+)/);
    cleanups.push(server.stop);
    const response = await fetch(new URL('healthz', server.captured));
    expect(await response.json()).toEqual({ ok: true });
    // Fastify warns on start when given an option it deprecated (FSTDEP...): a clean start prints none.
    expect(server.output()).not.toMatch(/FSTDEP|DeprecationWarning/);
    const adminToken = /Admin token[^\n]*: ([A-Za-z0-9_-]{43})\n/.exec(server.output())?.[1];
    const code = /Enrollment code[^\n]*: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\n/.exec(
      server.output(),
    )?.[1];
    expect(adminToken).toBeDefined();
    const enrolled = await fetch(new URL('v1/enroll', server.captured), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, displayName: 'First' }),
    });
    expect(enrolled.status).toBe(200);
    expect(await server.stop()).toBe(0);

    const again = await startTsx('server/cli.ts', ['--port', '0', '--db', db], /Advocate endpoint: (\S+)/);
    cleanups.push(again.stop);
    expect(again.output()).not.toContain('Admin token');
    expect(again.output()).not.toContain(adminToken);
    expect(await again.stop()).toBe(0);
  });

  it('refuses a port that is not a number, saying which flag is wrong', async () => {
    const result = await runTsx('server/cli.ts', ['--port', 'http']);
    expect(result.code).toBe(2);
    expect(result.output).toContain('--port (or ADVOCATE_SERVER_PORT) must be a whole number');
  });

  it('refuses a --trust-proxy or --post-hosts it cannot read, in one line naming the flag and what it takes', async () => {
    for (const [flag, value, expected] of [
      ['--trust-proxy', 'yes', '--trust-proxy (or ADVOCATE_TRUST_PROXY): give the number of proxies'],
      [
        '--post-hosts',
        'https://blog.example.com',
        '--post-hosts (or ADVOCATE_POST_HOSTS): "https://blog.example.com" is not a host name',
      ],
    ] as const) {
      const result = await runTsx('server/cli.ts', ['--port', '0', flag, value]);
      expect(result.code, flag).toBe(2);
      expect(result.output.trim().split('\n')).toHaveLength(1);
      expect(result.output).toContain(expected);
    }
  });
});

describe('npm run server, then npm run preview -- --endpoint URL --enrollment-code CODE (the README flow)', () => {
  it('enrolls the preview with the printed code, and a share made in the preview is counted by the endpoint', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const server = await startTsx(
      'server/cli.ts',
      // The preview's sample posts are on example.com.
      ['--port', '0', '--db', join(dir.path, 'endpoint.sqlite'), '--post-hosts', 'example.com'],
      /Advocate endpoint: (\S+)/,
    );
    cleanups.push(server.stop);
    const code = /Enrollment code[^\n]*: (\S+)\n/.exec(server.output())?.[1] ?? '';
    const preview = await startTsx(
      'main/preview/cli.ts',
      [
        '--port',
        '0',
        '--data',
        join(dir.path, 'preview'),
        '--endpoint',
        server.captured,
        '--enrollment-code',
        code,
        '--display-name',
        'Newcomer',
      ],
      /Advocate preview: (\S+)/,
    );
    cleanups.push(preview.stop);
    const listed = await invoke<PostView[]>(preview.captured, 'listPosts');
    const post = listed.ok ? listed.value[0] : undefined;
    if (!post) throw new Error('the preview listed no post');
    expect((await invoke<PostView>(preview.captured, 'markShared', [{ postId: post.id, network: 'x' }])).ok).toBe(true);
    const shareCount = async (): Promise<number | null> => {
      const again = await invoke<PostView[]>(preview.captured, 'listPosts');
      return again.ok ? (again.value.find((view) => view.id === post.id)?.shareCount ?? null) : null;
    };
    await expect.poll(shareCount, { timeout: 20_000 }).toBe(1);
    // Its log tells the truth about the token (a plain file here) and says what the window says.
    await expect
      .poll(() => preview.output(), { timeout: 20_000 })
      .toContain(`the window says { sync: '${SYNC_STATE_TEXT.upToDate}' }`);
    expect(preview.output()).toContain("tokenKept: 'a plain file in the data folder'");
    expect(preview.output()).not.toContain('os key store');
  });
});

describe('npm run server:admin', () => {
  it('makes, lists and revokes codes and devices, and rotates the admin token', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const db = ['--db', join(dir.path, 'endpoint.sqlite')];
    const server = await startTsx('server/cli.ts', ['--port', '0', ...db], /Advocate endpoint: (\S+)/);
    cleanups.push(server.stop);
    const oldAdmin = /Admin token[^\n]*: (\S+)\n/.exec(server.output())?.[1] ?? '';

    const created = await runTsx('server/admin-cli.ts', [
      'create-code',
      '--team',
      'Sales',
      '--expires-in-days',
      '7',
      ...db,
    ]);
    expect(created.code).toBe(0);
    const [, codeId, code, rules] = /Enrollment code (\d+): (\S+) \(([^)]*)\)/.exec(created.output) ?? [];
    expect(rules).toMatch(
      /^team Sales; people cannot choose another team; no limit of uses; expires \d{4}-\d{2}-\d{2}$/,
    );
    const enroll = await fetch(new URL('v1/enroll', server.captured), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, displayName: 'Sam' }),
    });
    const { token, team } = (await enroll.json()) as { token: string; team: string };
    expect(team).toBe('Sales');

    const codes = await runTsx('server/admin-cli.ts', ['list-codes', ...db]);
    expect(codes.output).toContain('Sales');
    expect((await runTsx('server/admin-cli.ts', ['revoke-code', codeId ?? '', ...db])).output).toContain(
      'Code revoked.',
    );
    const refused = await fetch(new URL('v1/enroll', server.captured), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, displayName: 'Late' }),
    });
    expect(refused.status).toBe(403);

    // A code for two people who name their own team; what cannot be a limit or a team is refused in words.
    const limited = await runTsx('server/admin-cli.ts', ['create-code', '--team-choice', '--max-uses', '2', ...db]);
    expect(limited.output).toMatch(/\(no team; people may name their own team; at most 2 enrollments\)/);
    const limitedCode = /Enrollment code \d+: (\S+)/.exec(limited.output)?.[1];
    const teams = [];
    for (const team of ['Research', 'Support', 'Board']) {
      const answer = await fetch(new URL('v1/enroll', server.captured), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: limitedCode, displayName: `In ${team}`, team }),
      });
      teams.push(answer.ok ? ((await answer.json()) as { team: string }).team : answer.status);
    }
    expect(teams).toEqual(['Research', 'Support', 403]);
    const zero = await runTsx('server/admin-cli.ts', ['create-code', '--max-uses', '0', ...db]);
    expect([zero.code, zero.output.trim()]).toEqual([2, '--max-uses must be a whole number of enrollments, got 0']);
    const blank = await runTsx('server/admin-cli.ts', ['create-code', '--team', '\u00a0 \u3000', ...db]);
    expect([blank.code, blank.output.trim()]).toEqual([
      1,
      'the team is empty: spaces and invisible characters alone do not make a name',
    ]);

    expect((await runTsx('server/admin-cli.ts', ['list-devices', ...db])).output).toContain('Sam');
    expect((await runTsx('server/admin-cli.ts', ['revoke-device', '1', ...db])).output).toContain('Device revoked.');
    const summary = await fetch(new URL('v1/summary', server.captured), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(summary.status).toBe(401);

    const rotated = await runTsx('server/admin-cli.ts', ['rotate-admin-token', ...db]);
    const newAdmin = /New admin token \(shown once\): (\S+)/.exec(rotated.output)?.[1] ?? '';
    const kit = { postKey: 'https://blog.example.com/a', pitch: 'p', messages: {}, hashtags: [], imageUrl: null };
    const put = (admin: string) =>
      fetch(new URL('v1/kits', server.captured), {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify(kit),
      });
    expect((await put(oldAdmin)).status).toBe(401);
    expect((await put(newAdmin)).status).toBe(200);
  });

  it('lists, renames, moves, deactivates and merges people, each change in the action log as from the command line', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const db = ['--db', join(dir.path, 'endpoint.sqlite')];
    const server = await startTsx('server/cli.ts', ['--port', '0', ...db], /Advocate endpoint: (\S+)/);
    cleanups.push(server.stop);
    const code = /Enrollment code[^\n]*: (\S+)\n/.exec(server.output())?.[1] ?? '';
    const enroll = async (displayName: string) => {
      const answer = await fetch(new URL('v1/enroll', server.captured), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, displayName }),
      });
      return ((await answer.json()) as { token: string }).token;
    };
    const ada = await enroll('Ada');
    await enroll('Ada twice');
    const admin = (...args: string[]) => runTsx('server/admin-cli.ts', [...args, ...db]);

    expect((await admin('list-people')).output).toMatch(/Ada twice/);
    expect((await admin('rename-person', '1', 'Ada', 'Lovelace')).output).toContain('Renamed “Ada” to “Ada Lovelace”.');
    const refused = await admin('rename-person', '1', 'Ad\u202ea');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('change the direction of text');
    expect((await admin('set-team', '1', 'Research')).output).toContain('Ada Lovelace is now in Research.');
    expect((await admin('deactivate-person', '1')).output).toContain('Ada Lovelace is deactivated');
    const summary = await fetch(new URL('v1/summary', server.captured), {
      headers: { authorization: `Bearer ${ada}` },
    });
    expect(summary.status).toBe(401);
    expect((await admin('reactivate-person', '1')).output).toContain('Ada Lovelace is active again');
    expect((await admin('merge-people', '1', '2')).output).toContain('Merged “Ada twice” into “Ada Lovelace”');
    const noSuch = await admin('merge-people', '1', '2');
    expect(noSuch.code).toBe(1);
    expect(noSuch.output).toContain('There is no person 2');
    expect((await admin('list-enrollments')).output).toContain('Ada Lovelace');
    const log = (await admin('list-actions')).output;
    for (const action of ['rename', 'change team', 'deactivate', 'reactivate', 'merge']) expect(log).toContain(action);
    expect(log).toContain('command line');
    expect(log).not.toContain('dashboard');
  });

  it('says what is wrong with a command or an id', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const db = ['--db', join(dir.path, 'endpoint.sqlite')];
    const unknown = await runTsx('server/admin-cli.ts', ['make-coffee', ...db]);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('Unknown command "make-coffee"');
    const badId = await runTsx('server/admin-cli.ts', ['revoke-device', 'abc', ...db]);
    expect(badId.code).toBe(2);
    expect(badId.output).toContain('revoke-device needs the id');
  });
});
