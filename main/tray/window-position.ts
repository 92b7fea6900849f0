/**
 * Where the tray window opens, after menubar's algorithm: find the taskbar's edge from the display's
 * work area, put the window against that edge at the tray icon, clamp it into the work area, round.
 * Pure: the adapter passes the tray bounds, the display and the platform.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right';

export interface PlacementInput {
  /** The tray icon's bounds, or null where the platform does not say (most Linux trays). */
  readonly trayBounds: Rect | null;
  readonly windowSize: Size;
  /** The display under the tray (or under the cursor when there are no tray bounds). */
  readonly displayBounds: Rect;
  readonly workArea: Rect;
  readonly platform: NodeJS.Platform;
}

/** Linux reports zero-sized bounds, or none, for AppIndicator trays. */
export function usableTrayBounds(bounds: Rect | null | undefined): Rect | null {
  return bounds && bounds.width > 0 && bounds.height > 0 ? bounds : null;
}

const right = (rect: Rect): number => rect.x + rect.width;
const bottom = (rect: Rect): number => rect.y + rect.height;

export function taskbarEdge(
  input: Pick<PlacementInput, 'trayBounds' | 'displayBounds' | 'workArea' | 'platform'>,
): TaskbarEdge {
  const { workArea: work, displayBounds: display, trayBounds: tray } = input;
  if (work.y > display.y) return 'top';
  if (work.x > display.x) return 'left';
  if (right(work) < right(display)) return 'right';
  if (bottom(work) < bottom(display)) return 'bottom';
  // No reserved area (an auto-hiding taskbar): the display edge nearest the tray icon.
  if (tray) {
    const centerX = tray.x + tray.width / 2;
    const centerY = tray.y + tray.height / 2;
    const distances: [TaskbarEdge, number][] = [
      ['top', centerY - display.y],
      ['bottom', bottom(display) - centerY],
      ['left', centerX - display.x],
      ['right', right(display) - centerX],
    ];
    return distances.reduce((best, next) => (next[1] < best[1] ? next : best))[0];
  }
  return input.platform === 'win32' ? 'bottom' : 'top';
}

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, max));

export function trayWindowPosition(input: PlacementInput): { x: number; y: number } {
  const { workArea: work, windowSize: size } = input;
  const tray = usableTrayBounds(input.trayBounds);
  const edge = taskbarEdge({ ...input, trayBounds: tray });
  const alongX = tray ? tray.x + tray.width / 2 - size.width / 2 : right(work) - size.width;
  const alongY = tray ? tray.y + tray.height / 2 - size.height / 2 : bottom(work) - size.height;
  const placed = {
    top: { x: alongX, y: work.y },
    bottom: { x: alongX, y: bottom(work) - size.height },
    left: { x: work.x, y: alongY },
    right: { x: right(work) - size.width, y: alongY },
  }[edge];
  // Electron's setPosition needs whole pixels; a window larger than the work area keeps its top-left in view.
  return {
    x: Math.round(clamp(placed.x, work.x, Math.max(work.x, right(work) - size.width))),
    y: Math.round(clamp(placed.y, work.y, Math.max(work.y, bottom(work) - size.height))),
  };
}
