/**
 * Validates a call against the contract and runs its handler. Both the Electron registrar and the
 * preview's socket go through here, so a malformed argument is refused the same way everywhere.
 */
import { WINDOW_TEXT } from '../../common/messages.ts';
import { Value } from 'typebox/value';
import { INVOKE_CHANNELS, type IpcAnswer, type InvokeHandlers, type InvokeName } from '../../common/ipc/contract.ts';
import { INVOKE_ARG_SCHEMAS } from '../../common/ipc/schemas.ts';
import type { Logger } from '../core/ports.ts';
import { IpcRequestError } from './ipc-request-error.ts';

export type IpcDispatch = (name: string, args: unknown) => Promise<IpcAnswer>;

export function isInvokeName(name: string): name is InvokeName {
  return Object.hasOwn(INVOKE_CHANNELS, name);
}

function describeProblem(name: InvokeName, args: unknown): string {
  const first = Value.Errors(INVOKE_ARG_SCHEMAS[name], args)[0];
  const where = first?.instancePath ? ` at ${first.instancePath}` : '';
  return `malformed arguments for ${name}${where}: ${first?.message ?? 'unexpected value'}`;
}

export function createIpcDispatcher(handlers: InvokeHandlers, log: Logger): IpcDispatch {
  return async (name, args) => {
    if (!isInvokeName(name)) return { ok: false, error: `unknown call: ${name.slice(0, 64)}` };
    if (!Value.Check(INVOKE_ARG_SCHEMAS[name], args)) {
      const error = describeProblem(name, args);
      log.warn('refused an IPC call', { name, error });
      return { ok: false, error };
    }
    try {
      // The schema check above proves the tuple matches this handler's parameters.
      const handler = handlers[name] as (...values: unknown[]) => Promise<unknown>;
      return { ok: true, value: await handler(...(args as unknown[])) };
    } catch (error) {
      if (error instanceof IpcRequestError) return { ok: false, error: error.message };
      log.error('IPC handler failed', { name, reason: error instanceof Error ? error.message : String(error) });
      return { ok: false, error: WINDOW_TEXT.unexpected };
    }
  };
}
