import { useState } from 'react';
import type { Network, PostView } from '../../common/domain.ts';
import { NETWORK_LABELS } from '../../common/share/network-labels.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { useTransient } from '../data/use-transient.ts';
import { messageOf } from '../errors.ts';
import { FormError } from './FormError.tsx';

/** How long "Undo" is offered after marking a share. Later, "Take back" does the same. */
export const UNDO_MS = 8000;

/**
 * Mark shared for one network. One button throughout (Mark shared → Undo → Take back), so keyboard
 * focus stays where the person is.
 */
export function MarkShared({
  post,
  network,
  text,
  variant,
  onChanged,
}: {
  post: PostView;
  network: Network;
  /** The message as shared, for the archive; unknown until the composer is ready. */
  text: string | undefined;
  /** The kit's wording the share started from, when it has any for this network. */
  variant: number | undefined;
  onChanged: (post: PostView) => void;
}) {
  const api = useAdvocate();
  const [justMarked, showJustMarked] = useTransient<Network>(UNDO_MS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ network: Network; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = NETWORK_LABELS[network];
  const shared = post.sharedOn.includes(network);
  const undoable = shared && justMarked === network;

  const run = async (share: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const request = { postId: post.id, network };
      const shared = {
        ...request,
        ...(text === undefined ? {} : { text }),
        ...(variant === undefined ? {} : { variant }),
      };
      onChanged(await (share ? api.markShared(shared) : api.undoShare(request)));
      showJustMarked(share ? network : null);
      setStatus({
        network,
        text: share ? `Marked shared on ${label}. Thank you!` : `Your share on ${label} is taken back.`,
      });
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mark-shared">
      {shared && <p className="mark-shared__done">✓ Shared on {label}</p>}
      <button
        type="button"
        className={shared ? 'button button--secondary' : 'button'}
        disabled={busy}
        onClick={() => void run(!shared)}
      >
        {!shared ? `Mark shared on ${label}` : undoable ? 'Undo' : 'Take back'}
      </button>
      <p className="status-line" role="status">
        {status?.network === network && status.text}
      </p>
      <FormError message={error} />
    </div>
  );
}
