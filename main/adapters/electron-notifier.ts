/**
 * Shows the core's notices as OS notifications. Each Notification is kept referenced until it closes:
 * otherwise the garbage collector can drop it and its click never arrives.
 */
import { Notification } from 'electron';
import type { Notice, Notifier } from '../core/ports.ts';

export function createElectronNotifier(onClick: (postId: string | null) => void): Notifier {
  const live = new Set<Notification>();
  return {
    show(notice: Notice) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: notice.title, body: notice.body, silent: false });
      live.add(notification);
      notification.on('click', () => {
        onClick(notice.postId);
      });
      notification.on('close', () => live.delete(notification));
      notification.show();
    },
  };
}
