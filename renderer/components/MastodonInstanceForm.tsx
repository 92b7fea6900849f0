import { useState, type SubmitEvent } from 'react';
import { normalizeMastodonInstance } from '../../common/share/intents.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { messageOf } from '../errors.ts';
import { FormError } from './FormError.tsx';

/** Asked once, where Mastodon needs it: the server the person posts from. Saved as a setting. */
export function MastodonInstanceForm({ reason, locked }: { reason: string; locked: string | undefined }) {
  const api = useAdvocate();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const host = normalizeMastodonInstance(value);
    if (host === null) {
      setError(`"${value.trim()}" is not a Mastodon server name like mastodon.social`);
      return;
    }
    setBusy(true);
    setError(null);
    api.updateSettings({ mastodonInstance: host }).then(
      () => {
        setBusy(false);
      },
      (reasonWhy: unknown) => {
        setBusy(false);
        setError(messageOf(reasonWhy));
      },
    );
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Mastodon server">
      <p className="note">{locked ? `${reason} (${locked}).` : `${reason}.`}</p>
      <label className="field-label" htmlFor="mastodon-instance">
        Your Mastodon server
      </label>
      <div className="inline-form__row">
        <input
          id="mastodon-instance"
          className="input"
          placeholder="mastodon.social"
          autoComplete="off"
          spellCheck={false}
          value={value}
          disabled={locked !== undefined}
          onChange={(event) => {
            setValue(event.target.value);
          }}
        />
        <button type="submit" className="button" disabled={busy || locked !== undefined || value.trim() === ''}>
          Save
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
