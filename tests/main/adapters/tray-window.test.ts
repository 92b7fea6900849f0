/** The tray window through the Electron fake: placed at the tray on the display under it, hidden on blur and Esc. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createTrayWindow, TRAY_WINDOW_SIZE } from '../../../main/adapters/tray-window.ts';
import type { Rect } from '../../../main/tray/window-position.ts';
import { APP_INDEX_URL } from '../../../main/web/app-protocol.ts';
import { BrowserWindow, fakeState, FakeWebContents, FakeWebFrame, resetElectronFake } from '../../mocks/electron.ts';

beforeEach(() => {
  resetElectronFake();
});

/** The adapter, the fake window it created, and a clock the test moves. */
function trayWindow(trayBounds: Rect | null, platform: NodeJS.Platform = 'win32') {
  const clock = { now: 1_000_000 };
  const adapter = createTrayWindow({
    preload: '/app/out/preload/index.cjs',
    platform,
    trayBounds: () => trayBounds,
    now: () => clock.now,
  });
  return { adapter, window: BrowserWindow.instances[0] as BrowserWindow, clock };
}

describe('tray window', () => {
  it('is frameless and hidden until asked for, and loads the app page', () => {
    const { window } = trayWindow(null);
    expect(window.options).toMatchObject({
      ...TRAY_WINDOW_SIZE,
      frame: false,
      show: false,
      resizable: false,
      skipTaskbar: true,
    });
    expect(window.loadedUrl).toBe(APP_INDEX_URL);
    expect(window.isVisible()).toBe(false);
  });

  it('opens at the tray icon on the display under it (a second display with a left taskbar)', () => {
    fakeState.displays.push({
      id: 2,
      bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
      workArea: { x: 1982, y: 0, width: 1858, height: 1080 },
      scaleFactor: 1,
    });
    const { adapter, window } = trayWindow({ x: 1939, y: 1000, width: 24, height: 24 });
    adapter.show();
    expect(window.isVisible()).toBe(true);
    expect(window.position).toEqual([1982, 520]);
  });

  it('without tray bounds (Linux), opens at the top right of the display under the cursor', () => {
    fakeState.displays[0] = {
      id: 1,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 32, width: 1920, height: 1048 },
      scaleFactor: 1,
    };
    const { adapter, window } = trayWindow({ x: 0, y: 0, width: 0, height: 0 }, 'linux');
    adapter.show();
    expect(window.position).toEqual([1920 - TRAY_WINDOW_SIZE.width, 32]);
  });

  it('hides on blur and on Esc; other keys reach the page', () => {
    const { adapter, window } = trayWindow(null);
    adapter.show();
    window.blur();
    expect(window.isVisible()).toBe(false);
    adapter.show();
    expect(window.webContents.pressKey('a')).toBe(true);
    expect(window.isVisible()).toBe(true);
    expect(window.webContents.pressKey('Escape')).toBe(false);
    expect(window.isVisible()).toBe(false);
  });

  it('a tray click toggles it, but the click that blurred it open does not reopen it at once', () => {
    const { adapter, window, clock } = trayWindow(null);
    adapter.toggle();
    expect(window.isVisible()).toBe(true);
    adapter.toggle();
    expect(window.isVisible()).toBe(false);
    adapter.toggle();
    window.blur();
    clock.now += 100;
    adapter.toggle();
    expect(window.isVisible()).toBe(false);
    clock.now += 1000;
    adapter.toggle();
    expect(window.isVisible()).toBe(true);
  });

  it('hides instead of closing until the app quits', () => {
    const { adapter, window } = trayWindow(null);
    adapter.show();
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
    adapter.allowClose();
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });

  it('recognises only its own page in its own top frame as a sender', () => {
    const { adapter, window } = trayWindow(null);
    const own = window.webContents.mainFrame;
    expect(adapter.isSender({ sender: window.webContents, senderFrame: own } as never)).toBe(true);
    expect(
      adapter.isSender({
        sender: window.webContents,
        senderFrame: new FakeWebFrame('app://advocate/other.html'),
      } as never),
    ).toBe(true);
    expect(
      adapter.isSender({ sender: window.webContents, senderFrame: new FakeWebFrame('app://evil/index.html') } as never),
    ).toBe(false);
    expect(adapter.isSender({ sender: window.webContents, senderFrame: new FakeWebFrame(own.url, own) } as never)).toBe(
      false,
    );
    expect(adapter.isSender({ sender: window.webContents, senderFrame: new FakeWebFrame('not a url') } as never)).toBe(
      false,
    );
    expect(adapter.isSender({ sender: new FakeWebContents(), senderFrame: own } as never)).toBe(false);
    window.destroy();
    expect(adapter.isSender({ sender: window.webContents, senderFrame: own } as never)).toBe(false);
  });
});
