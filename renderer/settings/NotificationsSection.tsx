import { Card } from '../components/Card.tsx';
import { useState, type SubmitEvent } from 'react';
import {
  DAILY_NOTIFICATION_CAP,
  POLL_INTERVAL_MINUTES,
  type NotificationPause,
  type SettingsUpdate,
  type SettingsView,
} from '../../common/settings.ts';
import { CheckField } from './CheckField.tsx';
import { fieldText, withoutLocked } from './form-change.ts';
import { PauseControl } from './PauseControl.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { TextField } from './TextField.tsx';
import { useSaveSettings, type SaveSettings } from './use-save-settings.ts';

/** Pause (as in the tray menu), quiet hours, the daily cap, how often feeds are checked, start at login. */
export function NotificationsSection({
  settings,
  pause,
  now,
}: {
  settings: SettingsView;
  pause: NotificationPause | null;
  now: Date;
}) {
  const state = useSaveSettings();
  const startup = useSaveSettings();
  const { values, locked } = settings;
  return (
    <Card id="notifications-title" title="Notifications">
      {pause && <PauseControl pause={pause} now={now} />}
      {/* Keyed by the saved values: a change from elsewhere (policy, another save) refills the form. */}
      <NotificationsForm
        key={JSON.stringify([values.quietHours, values.dailyNotificationCap, values.pollIntervalMinutes])}
        settings={settings}
        state={state}
      />
      <SaveStatus state={state} />
      <CheckField
        label="Start Advocate when I log in"
        checked={values.startAtLogin}
        locked={locked.startAtLogin}
        disabled={startup.busy}
        onChange={(on) => void startup.save({ startAtLogin: on })}
      />
      <SaveStatus state={startup} />
    </Card>
  );
}

function NotificationsForm({ settings, state }: { settings: SettingsView; state: SaveSettings }) {
  const { values, locked } = settings;
  const [quiet, setQuiet] = useState(values.quietHours !== null);
  // The checkbox carries the lock's reason; the two times are greyed with it.
  const quietLocked = locked.quietHours !== undefined;
  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const cap = Number(fieldText(form, 'dailyNotificationCap'));
    const interval = Number(fieldText(form, 'pollIntervalMinutes'));
    if (!locked.dailyNotificationCap && !Number.isInteger(cap)) {
      state.fail('Notifications per day must be a whole number.');
      return;
    }
    if (!locked.pollIntervalMinutes && !Number.isInteger(interval)) {
      state.fail('“Check feeds every … minutes” must be a whole number.');
      return;
    }
    const change: SettingsUpdate = {
      quietHours: quiet ? { start: fieldText(form, 'quietStart'), end: fieldText(form, 'quietEnd') } : null,
      dailyNotificationCap: cap,
      pollIntervalMinutes: interval,
    };
    void state.save(withoutLocked(change, locked));
  };
  return (
    <form onSubmit={submit} noValidate>
      <CheckField label="Quiet hours" checked={quiet} locked={locked.quietHours} onChange={setQuiet} />
      <div className="time-range">
        <TextField
          label="From"
          name="quietStart"
          type="time"
          defaultValue={values.quietHours?.start ?? '22:00'}
          disabled={!quiet || quietLocked}
          locked={undefined}
        />
        <TextField
          label="To"
          name="quietEnd"
          type="time"
          defaultValue={values.quietHours?.end ?? '07:00'}
          disabled={!quiet || quietLocked}
          locked={undefined}
        />
      </div>
      <TextField
        label="Notifications per day, at most"
        name="dailyNotificationCap"
        type="number"
        inputMode="numeric"
        min={DAILY_NOTIFICATION_CAP.min}
        max={DAILY_NOTIFICATION_CAP.max}
        defaultValue={values.dailyNotificationCap}
        hint="0 keeps only the count on the tray icon."
        locked={locked.dailyNotificationCap}
      />
      <TextField
        label="Check feeds every … minutes"
        name="pollIntervalMinutes"
        type="number"
        inputMode="numeric"
        min={POLL_INTERVAL_MINUTES.min}
        max={POLL_INTERVAL_MINUTES.max}
        defaultValue={values.pollIntervalMinutes}
        hint="Applies at the next start."
        locked={locked.pollIntervalMinutes}
      />
      <button type="submit" className="button" disabled={state.busy}>
        Save
      </button>
    </form>
  );
}
