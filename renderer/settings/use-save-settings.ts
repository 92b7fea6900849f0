/** Sends a settings change to main and tells the person how it went: "Saved", or main's reason in words. */
import { useState } from 'react';
import type { SettingsUpdate } from '../../common/settings.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { useTransient } from '../data/use-transient.ts';
import { messageOf } from '../errors.ts';

const SAVED_MS = 2500;

export interface SaveSettings {
  readonly busy: boolean;
  readonly saved: boolean;
  readonly error: string | null;
  /** False when main refused (the error says why) or there was nothing to change. */
  readonly save: (change: SettingsUpdate) => Promise<boolean>;
  readonly fail: (message: string) => void;
}

export function useSaveSettings(): SaveSettings {
  const api = useAdvocate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, showSaved] = useTransient<true>(SAVED_MS);
  return {
    busy,
    saved: saved === true,
    error,
    save: async (change) => {
      setError(null);
      showSaved(null);
      if (Object.keys(change).length === 0) return false;
      setBusy(true);
      try {
        await api.updateSettings(change);
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
      setError(message);
    },
  };
}
