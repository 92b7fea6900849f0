/**
 * The browser preview's stand-in for the preload: the same `window.advocate`, carried over fetch and
 * server-sent events, plus in-page toasts in place of OS notifications. Never part of the desktop app.
 */
import { EVENT_CHANNELS, type EventName, type IpcAnswer } from '../common/ipc/contract.ts';
import { PREVIEW_WIRE } from '../common/ipc/preview-wire.ts';
import { createAdvocateApi } from './api.ts';
import { showToast, type ToastNotice } from './web-toasts.ts';

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const source = new EventSource(PREVIEW_WIRE.events);
for (const event of Object.keys(EVENT_CHANNELS) as EventName[]) {
  source.addEventListener(event, (message) => {
    const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
}
source.addEventListener(PREVIEW_WIRE.noticeEvent, (message) => {
  showToast(JSON.parse((message as MessageEvent<string>).data) as ToastNotice, (postId) => {
    void fetch(PREVIEW_WIRE.noticeClick, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ postId }),
    });
  });
});

async function invoke(name: string, args: unknown[]): Promise<IpcAnswer> {
  try {
    const response = await fetch(`${PREVIEW_WIRE.invokePrefix}${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    return (await response.json()) as IpcAnswer;
  } catch {
    return { ok: false, error: 'the preview server is not answering' };
  }
}

const api = createAdvocateApi({
  invoke,
  subscribe(event, listener) {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  },
});

// Read-only, like contextBridge's exposure in the app.
Object.defineProperty(window, 'advocate', { value: api, enumerable: true });
