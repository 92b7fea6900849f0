/** Turning a settings form into the change main is asked for. */
import type { SettingsUpdate, SettingsView } from '../../common/settings.ts';

/** Main refuses a change that touches a locked key, so a form never sends one (their inputs are greyed anyway). */
export function withoutLocked(change: SettingsUpdate, locked: SettingsView['locked']): SettingsUpdate {
  return Object.fromEntries(Object.entries(change).filter(([key]) => !Object.hasOwn(locked, key)));
}

/** A text field's value; a missing (disabled) field reads as empty. */
export const fieldText = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** What a person types for a site or feed: a bare host gets https://, as browsers do. */
export function feedAddress(input: string): string {
  const text = input.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
}
