/**
 * The one place main listens to the window: a handler per contract call, each refusing any sender but
 * the tray window's own page before the dispatcher validates the arguments.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type IpcAnswer } from '../../common/ipc/contract.ts';
import type { Logger } from '../core/ports.ts';
import type { IpcDispatch } from './dispatcher.ts';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function registerIpc(
  ipcMain: IpcMain,
  dispatch: IpcDispatch,
  isTrustedSender: SenderCheck,
  log: Logger,
): () => void {
  const channels = Object.entries(INVOKE_CHANNELS);
  for (const [name, channel] of channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]): Promise<IpcAnswer> => {
      if (!isTrustedSender(event)) {
        log.warn('refused an IPC call from a foreign sender', { name, url: event.senderFrame?.url ?? 'unknown' });
        return Promise.resolve({ ok: false, error: 'refused: unknown sender' });
      }
      return dispatch(name, args);
    });
  }
  return () => {
    for (const [, channel] of channels) ipcMain.removeHandler(channel);
  };
}
