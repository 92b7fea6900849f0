/**
 * What the tray says: the unread count as a title on macOS (next to the icon) and as a swapped icon
 * elsewhere, and a tooltip everywhere that also tells when notifications are paused.
 */
import { plural } from '../../common/plural.ts';

export type TrayIconVariant = 'normal' | 'unread';

export interface TrayStatus {
  /** macOS only (Tray.setTitle); other platforms show no text next to the icon. */
  readonly title: string;
  readonly tooltip: string;
  readonly icon: TrayIconVariant;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** "15:30" today, "Tue 08:00" on another day: short enough for a tooltip or a menu label. */
export function shortTime(at: Date, now: Date): string {
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay =
    at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? time : `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][at.getDay()] ?? ''} ${time}`;
}

export function trayStatus(input: {
  unread: number;
  pausedUntil: Date | null;
  now: Date;
  platform: NodeJS.Platform;
}): TrayStatus {
  const { unread } = input;
  const parts = ['Advocate'];
  if (unread > 0) parts.push(`${plural(unread, 'new post')} to share`);
  if (input.pausedUntil) parts.push(`notifications paused until ${shortTime(input.pausedUntil, input.now)}`);
  return {
    title: input.platform === 'darwin' && unread > 0 ? String(unread) : '',
    tooltip: parts.join(' · '),
    icon: unread > 0 ? 'unread' : 'normal',
  };
}
