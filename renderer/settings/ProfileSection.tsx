import { Card } from '../components/Card.tsx';
import type { SubmitEvent } from 'react';
import { PROFILE_TEXT } from '../../common/messages.ts';
import { MAX_NAME_LENGTH, type SettingsView } from '../../common/settings.ts';
import { fieldText, withoutLocked } from './form-change.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { TextField } from './TextField.tsx';
import { useSaveSettings, type SettingsSender } from './use-save-settings.ts';

/** Main checks the names, tells the endpoint, and saves them once it took them; it says which happened. */
const saveProfile: SettingsSender = async (api, { displayName, team }) => {
  const { endpoint } = await api.updateProfile({
    ...(displayName === undefined ? {} : { displayName }),
    ...(team === undefined ? {} : { team }),
  });
  return endpoint === 'unchanged' ? null : PROFILE_TEXT[endpoint];
};

/**
 * How colleagues see the person on the leaderboard, and their team for team totals: changed on the endpoint
 * too (a team only when the organisation's enrollment code lets people choose).
 */
export function ProfileSection({ settings }: { settings: SettingsView }) {
  const state = useSaveSettings(saveProfile);
  const { values, locked } = settings;
  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void state.save(
      withoutLocked({ displayName: fieldText(form, 'displayName'), team: fieldText(form, 'team') }, locked),
    );
  };
  return (
    <Card id="profile-title" title="You">
      {/* Keyed by the saved values: a change from elsewhere (policy, the endpoint) refills the fields. */}
      <form key={`${values.displayName}\u0000${values.team}`} onSubmit={submit} noValidate>
        <TextField
          label="Display name"
          name="displayName"
          defaultValue={values.displayName}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="name"
          hint="How the leaderboard names you."
          locked={locked.displayName}
        />
        <TextField
          label="Team"
          name="team"
          defaultValue={values.team}
          maxLength={MAX_NAME_LENGTH}
          locked={locked.team}
        />
        <button type="submit" className="button" disabled={state.busy}>
          Save
        </button>
      </form>
      <SaveStatus state={state} />
    </Card>
  );
}
