import { useState } from 'react';
import { useAdvocate } from '../advocate-context.tsx';
import { messageOf } from '../errors.ts';
import { FormError } from './FormError.tsx';

/** The organisation's training page (from policy), opened in the browser through main. */
export function TrainingLink({ url }: { url: string | null }) {
  const api = useAdvocate();
  const [error, setError] = useState<string | null>(null);
  if (url === null) return null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setError(null);
          api.openExternal(url).catch((reason: unknown) => {
            setError(messageOf(reason));
          });
        }}
      >
        Your company’s social media training
      </button>
      <FormError lead="The training page could not be opened" message={error} />
    </>
  );
}
