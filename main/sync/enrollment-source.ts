/** How the desktop enrolls, read from the settings (policy or the person's): the code, the name and the team. */
import { userInfo } from 'node:os';
import { checkName } from '../../common/names.ts';
import type { SettingKey, Settings } from '../../common/settings.ts';
import type { EnrollmentSource } from './device-auth.ts';

const ENROLLMENT_KEYS: readonly SettingKey[] = ['enrollmentCode', 'displayName', 'team'];
const NAMELESS = 'Advocate user';

/** The person's account name on this computer: how a silent enrollment names them until they choose a display name. */
export function accountName(): string {
  try {
    const name = checkName(userInfo().username);
    return name.ok ? name.value : NAMELESS;
  } catch {
    return NAMELESS;
  }
}

export function enrollmentFromSettings(
  settings: {
    values(): Settings;
    onChange(listener: (values: Settings, changed: readonly SettingKey[]) => void): () => void;
  },
  fallbackName: () => string = accountName,
): EnrollmentSource {
  return {
    current() {
      const values = settings.values();
      return {
        code: values.enrollmentCode,
        displayName: values.displayName.trim() || fallbackName(),
        team: values.team,
      };
    },
    onChange: (listener) =>
      settings.onChange((_values, changed) => {
        if (changed.some((key) => ENROLLMENT_KEYS.includes(key))) listener();
      }),
  };
}
