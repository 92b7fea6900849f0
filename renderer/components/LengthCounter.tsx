import type { Network } from '../../common/domain.ts';
import type { MessageLength } from '../../common/share/length.ts';
import { NETWORK_LABELS } from '../../common/share/network-labels.ts';

/** Warn a little before the limit, so the person sees it coming. */
const NEAR_LIMIT = 20;

/** The message's length as the network counts it (common/share/length.ts), warning past the limit. */
export function LengthCounter({ id, network, length }: { id: string; network: Network; length: MessageLength }) {
  const label = NETWORK_LABELS[network];
  const { remaining, limit } = length;
  // Counting stopped early on a very long paste: the true figure is larger still.
  const moreThan = length.exact ? '' : 'more than ';
  const state =
    remaining === null ? '' : remaining < 0 ? ' counter--over' : remaining < NEAR_LIMIT ? ' counter--near' : '';
  return (
    <div className="counter-line">
      <p id={id} className={`counter${state}`}>
        {limit === null
          ? `${moreThan}${String(length.length)} characters`
          : `${moreThan}${String(length.length)} / ${String(limit)}`}
      </p>
      <p className="counter-warning" role="status">
        {length.over &&
          remaining !== null &&
          `Too long for ${label}: ${moreThan}${String(-remaining)} over its limit of ${String(limit)}.`}
      </p>
    </div>
  );
}
