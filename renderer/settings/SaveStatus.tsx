import type { SaveSettings } from './use-save-settings.ts';
import { FormError } from '../components/FormError.tsx';

/**
 * "Saved ✓" (or what main said about the save, which stays until the next one) or main's reason for
 * refusing, under a settings form; never "Saved" where a failure shows.
 */
export function SaveStatus({ state, hideSaved = false }: { state: SaveSettings; hideSaved?: boolean }) {
  return (
    <>
      <p className="status-line" role="status">
        {state.error === null && (state.note ?? (state.saved && !hideSaved && 'Saved ✓'))}
      </p>
      <FormError message={state.error} />
    </>
  );
}
