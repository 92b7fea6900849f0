/** The tray's context menu as data: labels and what each item does, for the adapter to build. */
import { shortTime } from './tray-status.ts';

export type TrayAction =
  'open' | 'refresh' | 'pauseHour' | 'pauseTomorrow' | 'resume' | 'settings' | 'exportDiagnostics' | 'quit';

export type TrayMenuItem =
  | { readonly kind: 'action'; readonly label: string; readonly action: TrayAction }
  | { readonly kind: 'note'; readonly label: string }
  | { readonly kind: 'separator' };

const item = (label: string, action: TrayAction): TrayMenuItem => ({ kind: 'action', label, action });
const separator: TrayMenuItem = { kind: 'separator' };

export function trayMenu(state: { pausedUntil: Date | null; now: Date }): TrayMenuItem[] {
  const pause: TrayMenuItem[] = state.pausedUntil
    ? [
        { kind: 'note', label: `Notifications paused until ${shortTime(state.pausedUntil, state.now)}` },
        item('Resume notifications', 'resume'),
      ]
    : [
        item('Pause notifications for 1 hour', 'pauseHour'),
        item('Pause notifications until tomorrow', 'pauseTomorrow'),
      ];
  return [
    item('Open', 'open'),
    item('Refresh now', 'refresh'),
    separator,
    ...pause,
    separator,
    item('Settings…', 'settings'),
    item('Export diagnostics…', 'exportDiagnostics'),
    separator,
    item('Quit', 'quit'),
  ];
}
