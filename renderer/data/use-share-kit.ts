/** A post's share kit, asked for when the post opens (and again when main says the post changed). */
import { useEffect, useState } from 'react';
import type { ShareKitView } from '../../common/sharing.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { messageOf } from '../errors.ts';
import type { Live } from './use-live.ts';

export function useShareKit(postId: string, version: unknown): Live<ShareKitView> {
  const api = useAdvocate();
  const [state, setState] = useState<{ postId: string; live: Live<ShareKitView> }>({
    postId,
    live: { status: 'loading' },
  });
  useEffect(() => {
    let current = true;
    api.getShareKit(postId).then(
      (kit) => {
        if (current) setState({ postId, live: { status: 'ready', value: kit } });
      },
      (error: unknown) => {
        if (current) setState({ postId, live: { status: 'error', message: messageOf(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [api, postId, version]);
  // A kit for another post never shows, even for the moment before the new one arrives.
  return state.postId === postId ? state.live : { status: 'loading' };
}
