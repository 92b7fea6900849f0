/**
 * Enrollment and the device token against a real endpoint (127.0.0.1, a real SQLite file): silent
 * with the configured code, once; waiting for a code; a 401 that keeps every queued share and does not
 * let the desktop re-enroll itself with the same code; a refused code named in the endpoint's words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceTokenStore } from '../../../main/core/ports.ts';
import { createEnrollmentCode } from '../../../server/admin/enrollment-codes.ts';
import { listDevices, revokeDevice } from '../../../server/admin/devices.ts';
import { createSettingsService, memoryStore } from '../../../main/settings/settings-service.ts';
import { EMPTY_LAYER } from '../../../main/settings/layers.ts';
import { type EnrollmentDetails, type EnrollmentSource } from '../../../main/sync/device-auth.ts';
import { enrollmentFromSettings } from '../../../main/sync/enrollment-source.ts';
import { memoryTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { freshEndpointPerTest } from '../../helpers/endpoint.ts';
import { openSyncDesktop, quietLog, type SyncDesktop } from '../../helpers/sync-desktop.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
const endpoint = freshEndpointPerTest();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An enrollment source a test can change, as the settings window would. */
function changeableEnrollment(
  initial: EnrollmentDetails,
): EnrollmentSource & { set(change: Partial<EnrollmentDetails>): void } {
  let details = initial;
  const listeners = new Set<() => void>();
  return {
    current: () => details,
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    set(change) {
      details = { ...details, ...change };
      for (const listener of listeners) listener();
    },
  };
}

async function desktop(dataDir: string, enrollment: EnrollmentSource, tokens: DeviceTokenStore): Promise<SyncDesktop> {
  const opened = await openSyncDesktop({ url: endpoint.url, dataDir, enrollment, tokens });
  cleanups.push(() => opened.stop());
  return opened;
}

async function dataDir(): Promise<string> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

describe('enrollment', () => {
  it('enrolls silently with the configured code, keeps the token, and a restart uses it without enrolling again', async () => {
    const dir = await dataDir();
    const tokens = memoryTokenStore();
    const enrollment = changeableEnrollment({ code: endpoint.enrollmentCode, displayName: 'Ada', team: 'Research' });
    const first = await desktop(dir, enrollment, tokens);
    await first.sync.start();
    expect(await tokens.load()).toMatch(/^\S{32,}$/);
    await first.share();
    await first.stop();

    const again = await desktop(dir, enrollment, tokens);
    await again.sync.start();
    await again.share({ network: 'x' });
    expect(again.journal.pendingCount()).toBe(0);
    expect(await endpoint.rows()).toHaveLength(2);
    expect((await listDevices(endpoint.db)).map((device) => [device.displayName, device.team])).toEqual([
      ['Ada', 'Research'],
    ]);
  });

  it('waits for a code when none is set, keeping shares, and enrolls as soon as one is typed', async () => {
    const enrollment = changeableEnrollment({ code: null, displayName: 'Bea', team: '' });
    const { sync, share, journal } = await desktop(await dataDir(), enrollment, memoryTokenStore());
    await sync.start();
    await share();
    expect(sync.status()).toEqual({ state: 'needs-enrollment', problem: 'no-code', pending: 1 });
    expect(journal.pendingCount()).toBe(1);

    enrollment.set({ code: endpoint.enrollmentCode });
    await sync.idle();
    expect(sync.status()).toMatchObject({ state: 'ok', pending: 0 });
    expect(await endpoint.rows()).toHaveLength(1);
  });

  it('on a 401 asks to enroll again, keeps every queued share, and never re-enrolls itself with the same code', async () => {
    const dir = await dataDir();
    const tokens = memoryTokenStore();
    const enrollment = changeableEnrollment({ code: endpoint.enrollmentCode, displayName: 'Cy', team: '' });
    const first = await desktop(dir, enrollment, tokens);
    await first.sync.start();
    await first.share();
    const [device] = await listDevices(endpoint.db);
    await revokeDevice(endpoint.db, device?.id ?? 0);

    await first.share({ network: 'x' });
    await first.share({ network: 'bluesky' });
    expect(first.sync.status()).toEqual({ state: 'needs-enrollment', problem: 'device-removed', pending: 2 });
    expect(first.journal.pending().map((event) => event.network)).toEqual(['x', 'bluesky']);
    expect(await tokens.load()).toBeNull();
    await first.sync.syncNow();
    expect(first.sync.status().state).toBe('needs-enrollment');
    await first.stop();

    // Still so after a restart: the refusal is remembered, the revocation stands.
    const again = await desktop(dir, enrollment, tokens);
    await again.sync.start();
    expect(again.sync.status()).toEqual({ state: 'needs-enrollment', problem: 'device-removed', pending: 2 });
    expect(await listDevices(endpoint.db)).toHaveLength(1);

    // A new code, typed: enrolled again, and both queued shares go.
    const fresh = await createEnrollmentCode(endpoint.db, { team: null, expiresAt: null });
    enrollment.set({ code: fresh.code });
    await again.sync.idle();
    expect(again.sync.status()).toMatchObject({ state: 'ok', pending: 0 });
    expect((await endpoint.rows()).map((row) => row.network).sort()).toEqual(['bluesky', 'linkedin', 'x']);
    expect(await listDevices(endpoint.db)).toHaveLength(2);
  });

  it('says a refused code is refused, and loses nothing', async () => {
    const enrollment = changeableEnrollment({ code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', displayName: 'Di', team: '' });
    const { sync, share, journal } = await desktop(await dataDir(), enrollment, memoryTokenStore());
    await sync.start();
    await share();
    expect(sync.status()).toEqual({ state: 'needs-enrollment', problem: 'code-refused', pending: 1 });
    expect(journal.pendingCount()).toBe(1);
  });

  it('names a person who has not chosen a display name after their account, from the settings', async () => {
    const settings = createSettingsService({
      store: memoryStore({ enrollmentCode: endpoint.enrollmentCode, team: 'Sales' }),
      storeOrigin: 'test',
      machine: EMPTY_LAYER,
      policy: EMPTY_LAYER,
      log: quietLog,
    });
    const { sync } = await desktop(
      await dataDir(),
      enrollmentFromSettings(settings, () => 'jdoe'),
      memoryTokenStore(),
    );
    await sync.start();
    expect((await listDevices(endpoint.db)).map((device) => [device.displayName, device.team])).toEqual([
      ['jdoe', 'Sales'],
    ]);
  });
});
