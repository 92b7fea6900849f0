/**
 * The tray window: frameless, hidden until asked for, placed at the tray icon (main/tray/window-position.ts),
 * hidden again on blur and on Esc. Loads app://advocate/ and is the only page that may talk to main.
 */
import { BrowserWindow, screen, type IpcMainInvokeEvent } from 'electron';
import { trayWindowPosition, usableTrayBounds, type Rect } from '../tray/window-position.ts';
import { APP_INDEX_URL, isAppAddress } from '../web/app-protocol.ts';
import { SECURE_WEB_PREFERENCES } from './window-security.ts';

export const TRAY_WINDOW_SIZE = { width: 380, height: 560 } as const;
/** A tray click this soon after a blur is the same click that caused the blur: it means "close". */
const BLUR_CLICK_GRACE_MS = 300;

export interface TrayWindowOptions {
  readonly preload: string;
  readonly platform: NodeJS.Platform;
  /** The tray icon's bounds now; null or zero-sized where the platform does not tell. */
  readonly trayBounds: () => Rect | null;
  readonly now?: () => number;
}

export interface TrayWindow {
  readonly window: BrowserWindow;
  show(): void;
  hide(): void;
  /** What a tray click does. */
  toggle(): void;
  /** True only for calls from this window's top frame showing our own page. */
  isSender(event: IpcMainInvokeEvent): boolean;
  /** Until this is called (on quit), closing the window (Alt+F4, Cmd+W) only hides it. */
  allowClose(): void;
}

export function createTrayWindow(options: TrayWindowOptions): TrayWindow {
  const now = options.now ?? Date.now;
  const window = new BrowserWindow({
    ...TRAY_WINDOW_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preload },
  });
  let hiddenByBlurAt = Number.NEGATIVE_INFINITY;
  let closable = false;

  const hide = (): void => {
    if (!window.isDestroyed()) window.hide();
  };
  const show = (): void => {
    if (window.isDestroyed()) return;
    const tray = usableTrayBounds(options.trayBounds());
    const display = tray
      ? screen.getDisplayMatching(tray)
      : screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
    const [width = TRAY_WINDOW_SIZE.width, height = TRAY_WINDOW_SIZE.height] = window.getSize();
    const { x, y } = trayWindowPosition({
      trayBounds: tray,
      windowSize: { width, height },
      displayBounds: display.bounds,
      workArea: display.workArea,
      platform: options.platform,
    });
    window.setPosition(x, y);
    window.show();
    window.focus();
  };

  window.on('close', (event) => {
    if (closable) return;
    event.preventDefault();
    hide();
  });
  window.on('blur', () => {
    hiddenByBlurAt = now();
    hide();
  });
  window.webContents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.key === 'Escape') {
      event.preventDefault();
      hide();
    }
  });
  void window.loadURL(APP_INDEX_URL);

  return {
    window,
    show,
    hide,
    toggle() {
      if (window.isVisible()) hide();
      else if (now() - hiddenByBlurAt > BLUR_CLICK_GRACE_MS) show();
    },
    allowClose() {
      closable = true;
    },
    isSender(event) {
      const frame = event.senderFrame;
      return (
        !window.isDestroyed() &&
        event.sender === window.webContents &&
        frame !== null &&
        frame.parent === null &&
        isAppAddress(frame.url)
      );
    },
  };
}
