/** A full set of IPC handlers for tests that exercise only some: every other call rejects, loudly. */
import { INVOKE_CHANNELS, type InvokeHandlers, type InvokeName } from '../../common/ipc/contract.ts';

export function handlersWith(given: Partial<InvokeHandlers>): InvokeHandlers {
  const unused = (name: string) => () => Promise.reject(new Error(`${name} is not used in this test`));
  const all = Object.fromEntries(
    (Object.keys(INVOKE_CHANNELS) as InvokeName[]).map((name) => [name, given[name] ?? unused(name)]),
  );
  // Every contract name is present (the entries above), each either given or a rejecting stand-in.
  return all as unknown as InvokeHandlers;
}
