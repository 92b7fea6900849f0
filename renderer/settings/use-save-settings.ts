/** Sends a settings change to main and tells the person how it went: "Saved", or main's reason in words. */
import { useState } from 'react';
import type { AdvocateApi } from '../../common/ipc/contract.ts';
import type { SettingsUpdate } from '../../common/settings.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { useTransient } from '../data/use-transient.ts';
import { messageOf } from '../errors.ts';

const SAVED_MS = 2500;

/** Asks main to save; answers what to say instead of a bare "Saved", if anything. */
export type SettingsSender = (api: AdvocateApi, change: SettingsUpdate) => Promise<string | null>;

const saveSettings: SettingsSender = async (api, change) => {
  await api.updateSettings(change);
  return null;
};

export interface SaveSettings {
  readonly busy: boolean;
  readonly saved: boolean;
  /** Said instead of "Saved" after this save, when main had more to say. */
  readonly note: string | null;
  readonly error: string | null;
  /** False when main refused (the error says why) or there was nothing to change. */
  readonly save: (change: SettingsUpdate) => Promise<boolean>;
  readonly fail: (message: string) => void;
}

export function useSaveSettings(send: SettingsSender = saveSettings): SaveSettings {
  const api = useAdvocate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, showSaved] = useTransient<true>(SAVED_MS);
  const [note, setNote] = useState<string | null>(null);
  return {
    busy,
    saved: saved === true,
    note,
    error,
    save: async (change) => {
      setError(null);
      setNote(null);
      showSaved(null);
      if (Object.keys(change).length === 0) return false;
      setBusy(true);
      try {
        setNote(await send(api, change));
        showSaved(true);
        return true;
      } catch (reason) {
        setError(messageOf(reason));
        return false;
      } finally {
        setBusy(false);
      }
    },
    fail: (message) => {
      showSaved(null);
      setNote(null);
      setError(message);
    },
  };
}
