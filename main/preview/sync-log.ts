import { isSyncProblem, syncStatusText } from '../../common/messages.ts';
import type { AppCore } from '../core/app-core.ts';
import type { Clock, Logger } from '../core/ports.ts';

/** The preview's log says what the window says about counting, in the same words, each time they change. */
export function logSyncAsShown(core: AppCore, log: Logger, clock: Clock): void {
  let last = '';
  core.events.on('syncStatusChanged', (status) => {
    // The window words the age of the figures as "5 min ago"; the log has no "now" to read it against.
    const text = syncStatusText(status, clock.now(), () => 'a while ago');
    if (text === last) return;
    last = text;
    if (isSyncProblem(status)) log.warn('the window says', { sync: text });
    else log.info('the window says', { sync: text });
  });
}
