/**
 * The probes the real-Electron test runs in the main process, exercised here in plain Node on stand-in
 * classes: once as imported, once re-created from their source text the way Playwright ships them, so
 * that a bundler helper or a module variable sneaking into one of them fails here, not only on release CI.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Electron from 'electron';
import { clickNotification, collectLive, notificationTitles, trayStates } from './main-process-probe.ts';

class StandInTray extends EventEmitter {
  isDestroyed(): boolean {
    return false;
  }
}

class StandInNotification extends EventEmitter {
  constructor(readonly title: string) {
    super();
  }
}

const electron = { Tray: StandInTray, Notification: StandInNotification } as unknown as typeof Electron;

/** Re-creates a function from its source text alone, as Playwright's evaluate does in the target process. */
function fromSource<F extends (...args: never[]) => unknown>(probe: F): F {
  // Evaluating source text is the point: it proves the probe needs nothing from this module.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const rebuild = new Function(`return (${probe.toString()});`) as () => F;
  return rebuild();
}

afterEach(() => {
  delete (globalThis as { __advocateLive?: unknown }).__advocateLive;
});

describe('main-process probes', () => {
  it('find a tray the app keeps only inside a closure, and report it alive', async () => {
    const keptByApp = (() => {
      const tray = new StandInTray();
      return () => tray;
    })();
    expect(await collectLive(electron, 'Tray')).toBe(1);
    expect(trayStates()).toEqual([{ destroyed: false }]);
    expect(keptByApp()).toBeInstanceOf(StandInTray);
  });

  it('do not find a tray nobody references: the query collects garbage first, as V8 eventually would', async () => {
    (() => new StandInTray())();
    expect(await collectLive(electron, 'Tray')).toBe(0);
  });

  it("list notification titles and click the one asked for, reaching the app's listener", async () => {
    const clicked: string[] = [];
    const live = ['First post', 'Second post'].map((title) => {
      const notification = new StandInNotification(title);
      notification.on('click', () => clicked.push(title));
      return notification;
    });
    expect(await collectLive(electron, 'Notification')).toBe(2);
    expect(notificationTitles().sort()).toEqual(['First post', 'Second post']);
    expect(clickNotification(electron, 'Second post')).toBe(true);
    expect(clickNotification(electron, 'No such post')).toBe(false);
    expect(clicked).toEqual(['Second post']);
    expect(live).toHaveLength(2);
  });

  it('work when rebuilt from their source text alone', async () => {
    const notification = new StandInNotification('From source');
    let clicks = 0;
    notification.on('click', () => (clicks += 1));
    expect(await fromSource(collectLive)(electron, 'Notification')).toBe(1);
    expect(fromSource(notificationTitles)()).toEqual(['From source']);
    expect(fromSource(clickNotification)(electron, 'From source')).toBe(true);
    expect(clicks).toBe(1);
    expect(await fromSource(collectLive)(electron, 'Tray')).toBe(0);
    expect(fromSource(trayStates)()).toEqual([]);
  });
});
