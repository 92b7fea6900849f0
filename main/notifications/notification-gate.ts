/**
 * Whether notices may be shown now: not while paused, not in quiet hours, and never past the daily cap.
 * Withheld posts are not lost: the tray count still tells about them.
 */
import type { PauseChoice, QuietHours } from '../../common/settings.ts';
import type { Notice } from '../core/ports.ts';
import { isQuietTime } from './quiet-hours.ts';

/** Pausing "until tomorrow" ends at this local hour of the next calendar day. */
export const TOMORROW_RESUME_HOUR = 8;

export function pauseEnd(choice: PauseChoice, now: Date): Date {
  if (choice === 'hour') return new Date(now.getTime() + 60 * 60 * 1000);
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, TOMORROW_RESUME_HOUR, 0, 0, 0);
}

/** Local calendar day, the unit of the daily cap. */
export function localDay(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface GateState {
  readonly pausedUntil: Date | null;
  readonly quietHours: QuietHours | null;
  readonly dailyCap: number;
  /** Notifications already shown on `now`'s local day. */
  readonly shownToday: number;
}

export type WithheldReason = 'paused' | 'quiet hours' | 'daily cap';

export interface GateDecision {
  readonly show: readonly Notice[];
  /** Why some or all notices were held back; null when all are shown. */
  readonly withheld: WithheldReason | null;
}

export function gateNotices(notices: readonly Notice[], now: Date, state: GateState): GateDecision {
  if (notices.length === 0) return { show: [], withheld: null };
  if (state.pausedUntil && now < state.pausedUntil) return { show: [], withheld: 'paused' };
  if (isQuietTime(now, state.quietHours)) return { show: [], withheld: 'quiet hours' };
  const room = Math.max(0, state.dailyCap - state.shownToday);
  return room >= notices.length
    ? { show: notices, withheld: null }
    : { show: notices.slice(0, room), withheld: 'daily cap' };
}
