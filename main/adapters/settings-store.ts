/**
 * The person's settings and the app's small state (the notification pause) in electron-store files in
 * userData, main process only. No electron-store `schema` or `defaults`: a schema makes electron-store
 * throw on a hand-edited file at start-up, and defaults written into the file would hide the machine
 * defaults file below the person's layer. Values are checked by main/settings/ on every read instead.
 */
import Store from 'electron-store';
import { app, ipcMain } from 'electron';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/ports.ts';
import type { PauseStore } from '../notifications/notification-center.ts';
import type { KeyValueStore } from '../settings/settings-service.ts';

/** electron-store answers this synchronous channel to any renderer; the window never needs it. */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

export interface JsonStore extends KeyValueStore {
  readonly path: string;
}

function open(name: string): Store {
  const store = new Store({ name, clearInvalidConfig: false });
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return store;
}

/** Opens userData/<name>.json; a file that is not valid JSON is kept aside (never deleted) and a fresh one started. */
export function openJsonStore(name: string, log: Logger, now: () => Date = () => new Date()): JsonStore {
  let store: Store;
  try {
    store = open(name);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const file = join(app.getPath('userData'), `${name}.json`);
    const aside = join(app.getPath('userData'), `${name}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(file, aside);
    log.warn('a settings file was not valid JSON; kept it aside and started fresh', {
      file: aside,
      reason: error.message,
    });
    store = open(name);
  }
  return {
    path: store.path,
    read: () => store.store,
    replace(data) {
      store.store = { ...data };
    },
  };
}

const PAUSE_KEY = 'notificationsPausedUntil';

export function pauseStoreIn(store: KeyValueStore): PauseStore {
  return {
    load() {
      const value = store.read()[PAUSE_KEY];
      return typeof value === 'string' ? value : null;
    },
    save(until) {
      const rest = Object.fromEntries(Object.entries(store.read()).filter(([key]) => key !== PAUSE_KEY));
      store.replace(until === null ? rest : { ...rest, [PAUSE_KEY]: until });
    },
  };
}
