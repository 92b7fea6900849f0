import { useState, type SubmitEvent } from 'react';
import type { FeedCheck } from '../../common/domain.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { messageOf } from '../errors.ts';
import { displayLink, displayText, TEXT_LIMITS } from '../text/display-text.ts';
import { plural } from '../../common/plural.ts';
import { feedAddress } from './form-change.ts';
import type { SaveSettings } from './use-save-settings.ts';

type Check =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'done'; readonly result: FeedCheck }
  | { readonly status: 'failed'; readonly message: string };

/**
 * Add a feed: a site or feed address is checked live first (main follows a web page's feed link), and
 * only a feed that reads can be added.
 */
export function AddFeedForm({
  existing,
  lockId,
  state,
}: {
  existing: readonly string[];
  lockId: string | null;
  state: SaveSettings;
}) {
  const disabled = lockId !== null;
  const api = useAdvocate();
  const [address, setAddress] = useState('');
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (address.trim() === '') return;
    setCheck({ status: 'checking' });
    api.checkFeed(feedAddress(address)).then(
      (result) => {
        setCheck({ status: 'done', result });
      },
      (error: unknown) => {
        setCheck({ status: 'failed', message: messageOf(error) });
      },
    );
  };
  const add = (url: string): void => {
    void state.save({ userFeedUrls: [...existing, url] }).then((saved) => {
      if (saved) {
        setAddress('');
        setCheck({ status: 'idle' });
      }
    });
  };
  return (
    <form className="add-feed" onSubmit={submit} aria-label="Add a feed" noValidate>
      <label className="field-label" htmlFor="add-feed-address">
        Add a site or feed
      </label>
      <div className="inline-form__row">
        <input
          id="add-feed-address"
          className="input"
          type="url"
          inputMode="url"
          placeholder="blog.example.com"
          spellCheck={false}
          autoComplete="off"
          value={address}
          disabled={disabled}
          aria-describedby={lockId ?? undefined}
          onChange={(event) => {
            setAddress(event.target.value);
            setCheck({ status: 'idle' });
          }}
        />
        <button
          type="submit"
          className="button button--secondary"
          disabled={disabled || address.trim() === '' || check.status === 'checking'}
        >
          {check.status === 'checking' ? 'Checking…' : 'Check'}
        </button>
      </div>
      <div role="status" className="check-result">
        {check.status === 'failed' && <p className="form-error">The address could not be checked: {check.message}</p>}
        {check.status === 'done' && !check.result.ok && (
          <p className="form-error">{displayText(check.result.error, 300)}</p>
        )}
        {check.status === 'done' && check.result.ok && (
          <Found result={check.result} already={existing.includes(check.result.url)} busy={state.busy} onAdd={add} />
        )}
      </div>
    </form>
  );
}

function Found({
  result,
  already,
  busy,
  onAdd,
}: {
  result: Extract<FeedCheck, { ok: true }>;
  already: boolean;
  busy: boolean;
  onAdd: (url: string) => void;
}) {
  return (
    <div className="found">
      <p>
        Found <strong dir="auto">“{displayText(result.title || displayLink(result.url), TEXT_LIMITS.feed)}”</strong>
        {': '}
        {result.format}, {plural(result.items.length, 'post')}.
        {result.discoveredFrom !== null && (
          <>
            {' Its feed is at '}
            <span className="mono">{displayLink(result.url)}</span>.
          </>
        )}
      </p>
      {result.warnings.length > 0 && (
        <ul className="found__warnings">
          {result.warnings.slice(0, 3).map((warning) => (
            <li key={warning}>{displayText(warning, 200)}</li>
          ))}
        </ul>
      )}
      {already ? (
        <p className="note">This feed is already in your list.</p>
      ) : (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            onAdd(result.url);
          }}
        >
          Add this feed
        </button>
      )}
    </div>
  );
}
