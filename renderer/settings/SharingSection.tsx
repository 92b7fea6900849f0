import { Card } from '../components/Card.tsx';
import type { SubmitEvent } from 'react';
import { NETWORKS, type Network } from '../../common/domain.ts';
import { NETWORK_LABELS } from '../../common/share/network-labels.ts';
import type { SettingsView } from '../../common/settings.ts';
import { displayText } from '../text/display-text.ts';
import { CheckField } from './CheckField.tsx';
import { fieldText } from './form-change.ts';
import { LockNote } from './LockNote.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { TextField } from './TextField.tsx';
import { useSaveSettings } from './use-save-settings.ts';

/** Which networks the post view offers, the Mastodon server, and the organisation's disclosure line. */
export function SharingSection({ settings }: { settings: SettingsView }) {
  const networks = useSaveSettings();
  const server = useSaveSettings();
  const { values, locked } = settings;
  const toggle = (network: Network, on: boolean): void => {
    const next = NETWORKS.filter((candidate) =>
      candidate === network ? on : values.enabledNetworks.includes(candidate),
    );
    void networks.save({ enabledNetworks: next });
  };
  const saveServer = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void server.save({ mastodonInstance: fieldText(new FormData(event.currentTarget), 'mastodonInstance') });
  };
  return (
    <Card id="sharing-title" title="Sharing">
      <fieldset className="checks" aria-describedby={locked.enabledNetworks ? 'networks-lock' : undefined}>
        <legend className="field-label">Networks you use</legend>
        {NETWORKS.map((network) => (
          <CheckField
            key={network}
            label={NETWORK_LABELS[network]}
            checked={values.enabledNetworks.includes(network)}
            locked={undefined}
            disabled={locked.enabledNetworks !== undefined || networks.busy}
            onChange={(on) => {
              toggle(network, on);
            }}
          />
        ))}
        <LockNote id="networks-lock" reason={locked.enabledNetworks} />
      </fieldset>
      <SaveStatus state={networks} />
      <form key={values.mastodonInstance} onSubmit={saveServer} noValidate>
        <TextField
          label="Mastodon server"
          name="mastodonInstance"
          placeholder="mastodon.social"
          defaultValue={values.mastodonInstance}
          spellCheck={false}
          autoComplete="off"
          hint="Where you post on Mastodon, if you do."
          locked={locked.mastodonInstance}
        />
        <button type="submit" className="button" disabled={server.busy || locked.mastodonInstance !== undefined}>
          Save
        </button>
      </form>
      <SaveStatus state={server} />
      {values.disclosureText.trim() !== '' && (
        <p className="note">
          Every message ends with your organisation’s line: “
          <span dir="auto">{displayText(values.disclosureText, 200)}</span>”
        </p>
      )}
    </Card>
  );
}
