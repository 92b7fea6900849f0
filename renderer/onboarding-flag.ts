/**
 * Whether this person has seen the three-step onboarding. Kept in the window's own localStorage
 * (origin app://advocate, Electron's persistent default session): it is the window's own UI state,
 * nothing in main reads it, and a setting would need a policy key and templates IT never sets.
 * Storage that refuses (private mode in a browser) just means the onboarding shows again.
 */
const KEY = 'advocate.onboardingSeen';

export function onboardingSeen(storage: Storage | null = safeLocalStorage()): boolean {
  try {
    return storage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberOnboardingSeen(storage: Storage | null = safeLocalStorage()): void {
  try {
    storage?.setItem(KEY, '1');
  } catch {
    // Not kept: shown again next time, which is harmless.
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
