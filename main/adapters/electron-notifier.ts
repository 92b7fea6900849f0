/**
 * Shows notices as OS notifications. Each Notification stays referenced until it closes or fails:
 * otherwise the garbage collector can drop it and its click never arrives. Where the system has no
 * notifications, nothing is shown and the tray count alone tells.
 */
import { app, Notification } from 'electron';
import { APP_ID } from '../app-identity.ts';
import type { Notice, Notifier } from '../core/ports.ts';

/** Windows shows a process's toasts only under an AppUserModelID, and keys them to the Start-menu shortcut. */
export function prepareNotifications(platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
}

export function createElectronNotifier(
  onClick: (postId: string | null) => void,
): Notifier & { readonly live: () => number } {
  const live = new Set<Notification>();
  return {
    show(notice: Notice) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: notice.title, body: notice.body, silent: false });
      live.add(notification);
      const release = (): void => {
        live.delete(notification);
      };
      notification.on('click', () => {
        onClick(notice.postId);
      });
      notification.on('close', release);
      notification.on('failed', release);
      notification.show();
    },
    live: () => live.size,
  };
}
