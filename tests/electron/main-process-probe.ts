/**
 * Functions Playwright runs inside Electron's main process (`electronApp.evaluate`), so the test can see
 * the app's tray and notifications without any test hook in the app: the app keeps them in closures,
 * and V8's inspector can still list every live object of a class (`Runtime.queryObjects`, what
 * DevTools' `queryObjects(Tray)` does). Playwright sends each function as source text, so each one is
 * self-contained: no imports, no helpers, nothing from this module's scope.
 *
 * `Runtime.queryObjects` collects garbage first: a tray the app does not keep referenced is gone,
 * exactly as it would vanish from the screen some minutes after start in real use.
 */
import type * as Electron from 'electron';

export type ProbedClass = 'Tray' | 'Notification';
type ElectronModule = typeof Electron;

/** Finds the live instances of `electron[className]`, keeps them on globalThis for later probes, returns how many. */
export async function collectLive(electron: ElectronModule, className: ProbedClass): Promise<number> {
  const store = globalThis as typeof globalThis & {
    __advocateProbePrototype?: object;
    __advocateLive?: Partial<Record<ProbedClass, unknown[]>>;
  };
  const { Session } = process.getBuiltinModule('node:inspector');
  const session = new Session();
  session.connect();
  type Reply = Record<string, { objectId?: string } | undefined>;
  const post = (method: string, params: object): Promise<Reply> =>
    new Promise((resolve, reject) => {
      session.post(method, params, (error, result) => {
        if (error) reject(error);
        else resolve((result ?? {}) as Reply);
      });
    });
  const objectGroup = 'advocate-probe';
  store.__advocateProbePrototype = electron[className].prototype;
  try {
    const { result } = await post('Runtime.evaluate', {
      expression: 'globalThis.__advocateProbePrototype',
      objectGroup,
    });
    const { objects } = await post('Runtime.queryObjects', { prototypeObjectId: result?.objectId, objectGroup });
    await post('Runtime.callFunctionOn', {
      objectId: objects?.objectId,
      functionDeclaration: `function () { (globalThis.__advocateLive ??= {})[${JSON.stringify(className)}] = Array.from(this); }`,
      objectGroup,
    });
    return store.__advocateLive?.[className]?.length ?? 0;
  } finally {
    delete store.__advocateProbePrototype;
    await post('Runtime.releaseObjectGroup', { objectGroup });
    session.disconnect();
  }
}

/** What each collected tray shows: whether it is still alive (destroyed trays vanish from the screen). */
export function trayStates(): { destroyed: boolean }[] {
  const store = globalThis as typeof globalThis & { __advocateLive?: { Tray?: Electron.Tray[] } };
  return (store.__advocateLive?.Tray ?? []).map((tray) => ({ destroyed: tray.isDestroyed() }));
}

/** Titles of the collected notifications. */
export function notificationTitles(): string[] {
  const store = globalThis as typeof globalThis & { __advocateLive?: { Notification?: Electron.Notification[] } };
  return (store.__advocateLive?.Notification ?? []).map((notification) => notification.title);
}

/** Plays the person clicking the collected notification with this title; false when there is none. */
export function clickNotification(_electron: ElectronModule, title: string): boolean {
  const store = globalThis as typeof globalThis & { __advocateLive?: { Notification?: Electron.Notification[] } };
  const notification = (store.__advocateLive?.Notification ?? []).find((candidate) => candidate.title === title);
  return notification ? notification.emit('click') : false;
}
