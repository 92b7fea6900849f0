import type { SaveSettings } from './use-save-settings.ts';
import { FormError } from '../components/FormError.tsx';

/** "Saved ✓" or main's reason for refusing, under a settings form. */
export function SaveStatus({ state }: { state: SaveSettings }) {
  return (
    <>
      <p className="status-line" role="status">
        {state.saved && 'Saved ✓'}
      </p>
      <FormError message={state.error} />
    </>
  );
}
