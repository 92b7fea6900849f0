/**
 * Settings → You on a desktop, against a real endpoint (SQLite here, PostgreSQL in node-postgres):
 * the display name and team go to the endpoint (PATCH /v1/me) and are saved on the desktop only once
 * it took them; before enrolling they are saved and go with the enrollment; a refused or unreachable
 * change leaves desktop and endpoint as they were.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROFILE_TEXT } from '../../../common/messages.ts';
import type { Summary } from '../../../common/protocol.ts';
import { createAppCore, type AppCore } from '../../../main/core/app-core.ts';
import { EMPTY_LAYER } from '../../../main/settings/layers.ts';
import { profileHandler } from '../../../main/settings/settings-handlers.ts';
import { createSettingsService, memoryStore, type SettingsService } from '../../../main/settings/settings-service.ts';
import { enrollmentFromSettings } from '../../../main/sync/enrollment-source.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { createEnrollmentCode } from '../../../server/admin/enrollment-codes.ts';
import { freshEndpointPerTest } from '../../helpers/endpoint.ts';
import { apiAs } from '../../helpers/endpoint-api.ts';
import { SwitchableNetwork } from '../../helpers/switchable-network.ts';
import { quietLog } from '../../helpers/sync-desktop.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const endpoint = freshEndpointPerTest();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Desktop {
  readonly settings: SettingsService;
  readonly core: AppCore;
  readonly updateProfile: ReturnType<typeof profileHandler>['updateProfile'];
  /** What the endpoint says of this person, asked with the desktop's own token. */
  me(): Promise<Summary['me']>;
}

async function desktop(initial: Record<string, unknown>, network = new SwitchableNetwork()): Promise<Desktop> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const settings = createSettingsService({
    store: memoryStore(initial),
    storeOrigin: 'test',
    machine: EMPTY_LAYER,
    policy: EMPTY_LAYER,
    log: quietLog,
  });
  const tokens = memoryTokenStore();
  const core = await createAppCore({
    fetch: network.fetch,
    network,
    log: quietLog,
    dataDir: dir.path,
    feedUrls: [],
    endpointUrl: endpoint.url,
    enrollment: enrollmentFromSettings(settings, () => 'jdoe'),
    deviceTokens: tokens,
  });
  cleanups.push(() => core.stop());
  await core.start();
  return {
    settings,
    core,
    updateProfile: profileHandler(settings, core, () => 'jdoe').updateProfile,
    async me() {
      const token = await tokens.load();
      return (await apiAs(endpoint.url, token).get<Summary>('v1/summary')).body.me;
    },
  };
}

describe('Settings → You with an endpoint', () => {
  it('renames the person on the endpoint, then saves it here; a cleared name becomes the account name', async () => {
    const ada = await desktop({ enrollmentCode: endpoint.enrollmentCode, displayName: 'Ada', team: 'Research' });
    const saved = await ada.updateProfile({ displayName: 'Ada\u200b Lovelace', team: 'Support' });
    expect(saved.endpoint).toBe('told');
    expect(saved.settings.values).toMatchObject({ displayName: 'Ada Lovelace', team: 'Support' });
    expect(await ada.me()).toMatchObject({ displayName: 'Ada Lovelace', team: 'Support' });
    // The summary the desktop shows was fetched again with the new name.
    expect((await ada.core.handlers.getResults()).summary?.me.displayName).toBe('Ada Lovelace');

    expect((await ada.updateProfile({ displayName: '', team: '' })).endpoint).toBe('told');
    expect(await ada.me()).toMatchObject({ displayName: 'jdoe', team: null });
  });

  it('a team change the code does not allow is refused in words, and neither side changes', async () => {
    const { code } = await createEnrollmentCode(endpoint.db, { team: 'Sales', expiresAt: null });
    const sam = await desktop({ enrollmentCode: code, displayName: 'Sam' });
    await expect(sam.updateProfile({ team: 'Board' })).rejects.toThrow(PROFILE_TEXT['team-fixed']);
    expect(sam.settings.values().team).toBe('');
    expect(await sam.me()).toMatchObject({ displayName: 'Sam', team: 'Sales' });
  });

  it('a name the settings refuse never reaches the endpoint', async () => {
    const ada = await desktop({ enrollmentCode: endpoint.enrollmentCode, displayName: 'Ada' });
    await expect(ada.updateProfile({ displayName: '\u202eadA' })).rejects.toThrow(
      /^Display name contains invisible characters that change the direction of text/,
    );
    expect(await ada.me()).toMatchObject({ displayName: 'Ada' });
  });

  it('before enrolling, saves the names here and the enrollment takes them', async () => {
    const bea = await desktop({ displayName: 'Bea' });
    const saved = await bea.updateProfile({ displayName: 'Beatrice', team: 'Research' });
    expect(saved.endpoint).toBe('later');
    bea.settings.update({ enrollmentCode: endpoint.enrollmentCode });
    await bea.core.pollNow();
    expect(await bea.me()).toMatchObject({ displayName: 'Beatrice', team: 'Research' });
  });

  it('with the endpoint out of reach, says so and keeps the old name on both sides', async () => {
    const network = new SwitchableNetwork();
    const ada = await desktop({ enrollmentCode: endpoint.enrollmentCode, displayName: 'Ada' }, network);
    network.goOffline();
    await expect(ada.updateProfile({ displayName: 'Ada Lovelace' })).rejects.toThrow(PROFILE_TEXT.unreachable);
    expect(ada.settings.values().displayName).toBe('Ada');
    expect(await ada.me()).toMatchObject({ displayName: 'Ada' });
  });
});
