import type { Network } from '../../common/domain.ts';
import { NETWORK_LABELS } from '../../common/share/network-labels.ts';

/** One radio per enabled network: arrow keys move between them, as in any radio group. */
export function NetworkPicker({
  networks,
  selected,
  sharedOn,
  onSelect,
}: {
  networks: readonly Network[];
  selected: Network;
  sharedOn: readonly Network[];
  onSelect: (network: Network) => void;
}) {
  return (
    <fieldset className="chips">
      <legend className="sr-only">Network</legend>
      {networks.map((network) => (
        <label key={network} className="chip">
          <input
            type="radio"
            name="network"
            value={network}
            checked={network === selected}
            onChange={() => {
              onSelect(network);
            }}
          />
          <span className="chip__label">
            {NETWORK_LABELS[network]}
            {sharedOn.includes(network) && (
              <span className="chip__shared">
                {' ✓'}
                <span className="sr-only"> shared</span>
              </span>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
