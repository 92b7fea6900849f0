/** OS notifications through the fake: shown, kept alive until closed, clicks routed, nothing where unsupported. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { createElectronNotifier, prepareNotifications } from '../../../main/adapters/electron-notifier.ts';
import { APP_ID } from '../../../main/app-identity.ts';
import { app, fakeState, Notification, resetElectronFake } from '../../mocks/electron.ts';

beforeEach(() => {
  resetElectronFake();
});

describe('notifier', () => {
  it('shows a notice with its title and body, and reports its click with the post', () => {
    const clicked: (string | null)[] = [];
    const notifier = createElectronNotifier((postId) => clicked.push(postId));
    notifier.show({ title: 'Fresh post', body: 'Worth it.', postId: 'p1' });
    notifier.show({ title: '3 new posts to share', body: 'A · B and more', postId: null });
    const [single, summary] = Notification.instances;
    expect(single?.options).toEqual({ title: 'Fresh post', body: 'Worth it.', silent: false });
    expect(single?.shown).toBe(true);
    single?.click();
    summary?.click();
    expect(clicked).toEqual(['p1', null]);
  });

  it('keeps each notification referenced until it closes or fails, so its click can still arrive', () => {
    const notifier = createElectronNotifier(() => undefined);
    notifier.show({ title: 'a', body: '', postId: 'a' });
    notifier.show({ title: 'b', body: '', postId: 'b' });
    expect(notifier.live()).toBe(2);
    Notification.instances[0]?.close();
    Notification.instances[1]?.emit('failed', {}, 'toast could not be shown');
    expect(notifier.live()).toBe(0);
  });

  it('shows nothing where the system has no notifications (the tray count tells instead)', () => {
    fakeState.notificationsSupported = false;
    createElectronNotifier(() => undefined).show({ title: 'a', body: '', postId: 'a' });
    expect(Notification.instances).toHaveLength(0);
  });

  it("on Windows sets the AppUserModelId to electron-builder.yml's appId, and nowhere else", async () => {
    const builder = parse(await readFile('electron-builder.yml', 'utf8')) as { appId: string };
    expect(APP_ID).toBe(builder.appId);
    prepareNotifications('linux');
    prepareNotifications('darwin');
    expect(app.appUserModelId).toBeNull();
    prepareNotifications('win32');
    expect(app.appUserModelId).toBe(builder.appId);
  });

  it('the built main bundle carries that same appId', async () => {
    const builder = parse(await readFile('electron-builder.yml', 'utf8')) as { appId: string };
    expect(await readFile('out/main/index.js', 'utf8')).toContain(JSON.stringify(builder.appId));
  });
});
