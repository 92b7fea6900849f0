/**
 * Builds `window.advocate` from the contract over any transport: Electron IPC in the app, a localhost
 * socket in the browser preview. The window can only make the calls the contract names.
 */
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  subscriptionName,
  type AdvocateApi,
  type EventName,
  type InvokeName,
  type IpcAnswer,
  type Unsubscribe,
} from '../common/ipc/contract.ts';

export interface BridgeTransport {
  invoke(name: InvokeName, args: unknown[]): Promise<IpcAnswer>;
  subscribe(name: EventName, listener: (payload: unknown) => void): Unsubscribe;
}

const keysOf = <T extends object>(record: T): (keyof T)[] => Object.keys(record) as (keyof T)[];

export function createAdvocateApi(transport: BridgeTransport): AdvocateApi {
  const api: Record<string, unknown> = {};
  for (const name of keysOf(INVOKE_CHANNELS)) {
    api[name] = async (...args: unknown[]) => {
      const answer = await transport.invoke(name, args);
      if (!answer.ok) throw new Error(answer.error);
      return answer.value;
    };
  }
  for (const event of keysOf(EVENT_CHANNELS)) {
    api[subscriptionName(event)] = (listener: unknown) => {
      if (typeof listener !== 'function') throw new TypeError(`${subscriptionName(event)} needs a function`);
      return transport.subscribe(event, (payload) => {
        (listener as (value: unknown) => void)(payload);
      });
    };
  }
  // The mapped type cannot be built key by key; the loops above cover exactly the contract's names.
  return Object.freeze(api) as unknown as AdvocateApi;
}
