import { Card } from '../components/Card.tsx';
import type { SubmitEvent } from 'react';
import type { SettingsUpdate, SettingsView } from '../../common/settings.ts';
import type { SyncStatus } from '../../common/sharing.ts';
import { isSyncProblem } from '../../common/messages.ts';
import { SyncNote } from '../components/SyncNote.tsx';
import { fieldText, withoutLocked } from './form-change.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { TextField } from './TextField.tsx';
import { useSaveSettings } from './use-save-settings.ts';

/** The organisation's endpoint and the one-time enrollment code (write-only: never shown back). */
export function EndpointSection({
  settings,
  sync,
  now,
}: {
  settings: SettingsView;
  sync: SyncStatus | null;
  now: Date;
}) {
  const state = useSaveSettings();
  const { values, locked, enrollmentCodeSet } = settings;
  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const endpoint = fieldText(form, 'endpointUrl');
    const code = fieldText(form, 'enrollmentCode');
    const change: SettingsUpdate = {
      endpointUrl: endpoint === '' ? null : endpoint,
      ...(code === '' ? {} : { enrollmentCode: code }),
    };
    void state.save(withoutLocked(change, locked)).then((saved) => {
      // The code is write-only: once main has it, the field empties.
      if (saved) element.reset();
    });
  };
  return (
    <Card id="endpoint-title" title="Counting shares">
      {sync && <SyncNote status={sync} now={now} />}
      <form key={values.endpointUrl ?? ''} onSubmit={submit} noValidate>
        <TextField
          label="Endpoint address"
          name="endpointUrl"
          type="url"
          inputMode="url"
          placeholder="https://advocate.example.com/"
          defaultValue={values.endpointUrl ?? ''}
          spellCheck={false}
          hint="Your organisation’s Advocate endpoint. Applies at the next start."
          locked={locked.endpointUrl}
        />
        <TextField
          label="Enrollment code"
          name="enrollmentCode"
          autoComplete="off"
          spellCheck={false}
          placeholder={enrollmentCodeSet ? 'A code is set' : 'From your organisation'}
          hint={
            enrollmentCodeSet
              ? 'A code is set. Enter a new one only if asked to.'
              : 'Used once to connect this desktop.'
          }
          locked={locked.enrollmentCode}
        />
        <button type="submit" className="button" disabled={state.busy}>
          Save
        </button>
      </form>
      {/* "Saved" never stands beside a failure: once the endpoint refuses, the note above says what to do. */}
      <SaveStatus state={state} hideSaved={sync !== null && isSyncProblem(sync)} />
    </Card>
  );
}
