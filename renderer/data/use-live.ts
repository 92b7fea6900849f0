/**
 * A value main owns, kept current in the window: asked for once, then replaced by every event main
 * sends. An event that arrives before the first answer wins (it is newer).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Unsubscribe } from '../../common/ipc/contract.ts';
import { messageOf } from '../errors.ts';

export type Live<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly message: string };

export interface LiveValue<T> {
  readonly state: Live<T>;
  /** Asks main again (after an error). */
  readonly reload: () => void;
  /** An answer main gave to a call (markShared returns the post): applied before any event says so. */
  readonly update: (change: (value: T) => T) => void;
}

export function useLive<T>(
  load: () => Promise<T>,
  subscribe: (listener: (value: T) => void) => Unsubscribe,
): LiveValue<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    const unsubscribe = subscribe((value) => {
      setState({ status: 'ready', value });
    });
    load().then(
      (value) => {
        if (live) setState((current) => (current.status === 'ready' ? current : { status: 'ready', value }));
      },
      (error: unknown) => {
        if (live)
          setState((current) =>
            current.status === 'ready' ? current : { status: 'error', message: messageOf(error) },
          );
      },
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [load, subscribe, attempt]);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);
  const update = useCallback((change: (value: T) => T) => {
    setState((current) => (current.status === 'ready' ? { status: 'ready', value: change(current.value) } : current));
  }, []);
  return useMemo(() => ({ state, reload, update }), [state, reload, update]);
}

export const readyValue = <T>(state: Live<T>): T | null => (state.status === 'ready' ? state.value : null);
