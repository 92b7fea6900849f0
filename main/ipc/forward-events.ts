/** Sends every contract event the core emits to one window, whatever carries it. */
import { EVENT_CHANNELS, type EventMap, type EventName } from '../../common/ipc/contract.ts';
import type { EventBus } from '../core/event-bus.ts';

export function forwardEvents(
  events: EventBus<EventMap>,
  send: (event: EventName, payload: unknown) => void,
): () => void {
  const unsubscribes = (Object.keys(EVENT_CHANNELS) as EventName[]).map((event) =>
    events.on(event, (payload) => {
      send(event, payload);
    }),
  );
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
