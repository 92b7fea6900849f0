import type { SaveSettings } from './use-save-settings.ts';

/** "Saved ✓" or main's reason for refusing, under a settings form. */
export function SaveStatus({ state }: { state: SaveSettings }) {
  return (
    <>
      <p className="status-line" role="status">
        {state.saved && 'Saved ✓'}
      </p>
      {state.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
    </>
  );
}
