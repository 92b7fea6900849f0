/**
 * The BUILT app (out/main/index.js on the Electron fake) with an endpoint: the Electron wiring hands the
 * core its enrollment, token store and network signal. With no code it asks for one; a code typed in
 * Settings enrolls it, the token is kept encrypted by safeStorage, and a share reaches the endpoint
 * with its tracked link and results pushed to the window.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PostView } from '../../../common/domain.ts';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../common/ipc/contract.ts';
import type { ResultsView, ShareKitView, SyncStatus } from '../../../common/sharing.ts';
import { safeStorage } from '../../mocks/electron.ts';
import { apiAs } from '../../helpers/endpoint-api.ts';
import { startEndpoint, type TestEndpoint } from '../../helpers/endpoint.ts';
import { bootBuiltApp, type BuiltApp } from '../../helpers/built-app.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

let built: BuiltApp;
let endpoint: TestEndpoint;
let removeDir: () => Promise<void>;

beforeAll(async () => {
  const dir = await makeTempDir();
  removeDir = dir.remove;
  endpoint = await startEndpoint(dir.path);
  vi.stubEnv('ADVOCATE_ENDPOINT_URL', endpoint.url);
  built = await bootBuiltApp([
    {
      title: 'Ship small',
      link: 'https://blog.example.com/ship-small',
      description: '<p>We ship small.</p>',
      published: new Date(Date.now() - 3_600_000),
    },
  ]);
});
afterAll(async () => {
  await built.close();
  await endpoint.close();
  await removeDir();
});

const value = async <T>(channel: string, ...args: unknown[]): Promise<T> => {
  const answer = await built.call<T>(channel, ...args);
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
};

describe('the built app with an endpoint', () => {
  it('asks for an enrollment code while it has none, keeping the share it was given', async () => {
    await vi.waitUntil(() => built.sentOn(EVENT_CHANNELS.syncStatusChanged).length > 0, { timeout: 10_000 });
    expect(await value<SyncStatus>(INVOKE_CHANNELS.getSyncStatus)).toEqual({
      state: 'needs-enrollment',
      problem: 'no-code',
      pending: 0,
    });
    const [post] = await value<PostView[]>(INVOKE_CHANNELS.listPosts);
    await value(INVOKE_CHANNELS.markShared, { postId: post?.id, network: 'linkedin' });
    expect(await endpoint.rows()).toEqual([]);
  });

  it('enrolls with a code typed in Settings, keeps the token encrypted, and sends the waiting share', async () => {
    await value(INVOKE_CHANNELS.updateSettings, {
      enrollmentCode: endpoint.enrollmentCode,
      displayName: 'Ada Lovelace',
    });
    await vi.waitUntil(async () => (await value<SyncStatus>(INVOKE_CHANNELS.getSyncStatus)).state === 'ok', {
      timeout: 10_000,
    });
    expect(await endpoint.rows()).toEqual([
      expect.objectContaining({ post_key: 'https://blog.example.com/ship-small', network: 'linkedin' }),
    ]);

    const stored = await readFile(join(built.userData, 'device-token.bin'));
    const { result: token } = await safeStorage.decryptStringAsync(stored);
    expect(stored.includes(Buffer.from(token))).toBe(false);
    expect((await apiAs(endpoint.url, token).get('v1/summary')).status).toBe(200);

    await vi.waitUntil(
      () => (built.sentOn(EVENT_CHANNELS.resultsChanged).at(-1) as ResultsView | undefined)?.summary?.me.shares === 1,
      { timeout: 10_000 },
    );
    expect((built.sentOn(EVENT_CHANNELS.resultsChanged).at(-1) as ResultsView).summary?.me.displayName).toBe(
      'Ada Lovelace',
    );
  });

  it("gives the person's tracked link for Copy and Open composer", async () => {
    const [post] = await value<PostView[]>(INVOKE_CHANNELS.listPosts);
    const kit = await value<ShareKitView>(INVOKE_CHANNELS.getShareKit, post?.id);
    expect(kit.links.linkedin.startsWith(`${endpoint.url}r/`)).toBe(true);
  });
});
