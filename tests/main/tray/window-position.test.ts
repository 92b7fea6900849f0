/** Where the tray window opens, for every taskbar edge, Linux without tray bounds, and odd screens. */
import { describe, expect, it } from 'vitest';
import { taskbarEdge, trayWindowPosition, type PlacementInput, type Rect } from '../../../main/tray/window-position.ts';

const DISPLAY: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
const WINDOW = { width: 380, height: 560 };
const place = (input: Partial<PlacementInput> & Pick<PlacementInput, 'workArea' | 'trayBounds'>) =>
  trayWindowPosition({ windowSize: WINDOW, displayBounds: DISPLAY, platform: 'win32', ...input });

describe('tray window position', () => {
  it('taskbar at the bottom (Windows default): above the taskbar, centred on the icon', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const trayBounds = { x: 1700, y: 1048, width: 24, height: 24 };
    expect(taskbarEdge({ workArea, displayBounds: DISPLAY, trayBounds, platform: 'win32' })).toBe('bottom');
    expect(place({ workArea, trayBounds })).toEqual({ x: 1522, y: 480 });
  });

  it('taskbar at the top (macOS menu bar, GNOME): below it, centred on the icon', () => {
    const workArea = { x: 0, y: 25, width: 1920, height: 1055 };
    const trayBounds = { x: 1500, y: 0, width: 22, height: 22 };
    expect(place({ workArea, trayBounds, platform: 'darwin' })).toEqual({ x: 1321, y: 25 });
  });

  it('taskbar on the left: beside it, level with the icon, kept on screen', () => {
    const workArea = { x: 62, y: 0, width: 1858, height: 1080 };
    const trayBounds = { x: 19, y: 1000, width: 24, height: 24 };
    expect(taskbarEdge({ workArea, displayBounds: DISPLAY, trayBounds, platform: 'win32' })).toBe('left');
    expect(place({ workArea, trayBounds })).toEqual({ x: 62, y: 520 });
  });

  it('taskbar on the right: beside it, level with the icon', () => {
    const workArea = { x: 0, y: 0, width: 1858, height: 1080 };
    const trayBounds = { x: 1877, y: 300, width: 24, height: 24 };
    expect(place({ workArea, trayBounds })).toEqual({ x: 1478, y: 32 });
  });

  it('Linux without tray bounds: the top-right corner of the work area under the top bar', () => {
    const workArea = { x: 0, y: 32, width: 1920, height: 1048 };
    expect(place({ workArea, trayBounds: null, platform: 'linux' })).toEqual({ x: 1540, y: 32 });
    // Zero-sized bounds, as AppIndicator reports them, count as none.
    expect(place({ workArea, trayBounds: { x: 0, y: 0, width: 0, height: 0 }, platform: 'linux' })).toEqual({
      x: 1540,
      y: 32,
    });
  });

  it('no reserved taskbar area and no bounds: top right on Linux and macOS, bottom right on Windows', () => {
    expect(place({ workArea: DISPLAY, trayBounds: null, platform: 'linux' })).toEqual({ x: 1540, y: 0 });
    expect(place({ workArea: DISPLAY, trayBounds: null, platform: 'win32' })).toEqual({ x: 1540, y: 520 });
  });

  it('an auto-hiding taskbar: the edge nearest the icon', () => {
    const trayBounds = { x: 1700, y: 1056, width: 24, height: 24 };
    expect(taskbarEdge({ workArea: DISPLAY, displayBounds: DISPLAY, trayBounds, platform: 'win32' })).toBe('bottom');
    expect(place({ workArea: DISPLAY, trayBounds })).toEqual({ x: 1522, y: 520 });
  });

  it('clamps into the work area when the icon sits at the very edge', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    expect(place({ workArea, trayBounds: { x: 1900, y: 1048, width: 20, height: 24 } })).toEqual({ x: 1540, y: 480 });
    expect(place({ workArea, trayBounds: { x: 0, y: 1048, width: 20, height: 24 } })).toEqual({ x: 0, y: 480 });
  });

  it('works on a second display left of the primary one, and rounds scaled bounds to whole pixels', () => {
    const display = { x: -1280, y: 0, width: 1280, height: 1024 };
    const workArea = { x: -1280, y: 0, width: 1280, height: 984 };
    const trayBounds = { x: -300.5, y: 990.25, width: 24.5, height: 24.5 };
    const position = trayWindowPosition({
      trayBounds,
      windowSize: WINDOW,
      displayBounds: display,
      workArea,
      platform: 'win32',
    });
    expect(position).toEqual({ x: -478, y: 424 });
    expect(Number.isInteger(position.x) && Number.isInteger(position.y)).toBe(true);
  });

  it('keeps the top-left corner visible when the window is larger than the work area', () => {
    const workArea = { x: 0, y: 25, width: 300, height: 400 };
    expect(
      place({
        workArea,
        displayBounds: { x: 0, y: 0, width: 300, height: 425 },
        trayBounds: { x: 250, y: 0, width: 22, height: 22 },
      }),
    ).toEqual({ x: 0, y: 25 });
  });
});
