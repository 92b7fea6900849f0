/** The daily cap across restarts: the count of notifications shown today is kept in userData, per local day. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreEvents } from '../../../main/core/app-core.ts';
import { EventBus } from '../../../main/core/event-bus.ts';
import type { Logger, Notice } from '../../../main/core/ports.ts';
import { createNotificationCenter } from '../../../main/notifications/notification-center.ts';
import { openShownTally, SHOWN_TALLY_FILE } from '../../../main/notifications/shown-tally.ts';
import { testPost } from '../../helpers/posts.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(() => dir.remove());

const warnings: string[] = [];
const log: Logger = { info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined };

/** One run of the app: a notification center over the data folder, as main/index.ts builds it. */
async function startApp(now: () => Date, cap = 3) {
  const coreEvents = new EventBus<CoreEvents>();
  const shown: Notice[] = [];
  const tally = await openShownTally(join(dir.path, SHOWN_TALLY_FILE), log);
  const center = createNotificationCenter({
    core: { coreEvents },
    notifier: { show: (notice) => shown.push(notice) },
    rules: () => ({ quietHours: null, dailyNotificationCap: cap }),
    tally,
    now,
  });
  const poll = (...ids: string[]): void => {
    coreEvents.emit('newPosts', { feedId: 'feed', posts: ids.map((id) => testPost(id, null)), firstPoll: false });
  };
  const quit = async (): Promise<void> => {
    center.stop();
    await tally.flushed();
  };
  return { center, shown, poll, quit };
}

describe('the daily notification count across restarts', () => {
  it('keeps the cap after a restart on the same day, and starts again from zero the next day', async () => {
    let clock = new Date(2026, 10, 25, 10, 0);
    const first = await startApp(() => clock);
    first.poll('a');
    first.poll('b');
    expect(first.shown.map((notice) => notice.postId)).toEqual(['a', 'b']);
    await first.quit();

    clock = new Date(2026, 10, 25, 16, 0);
    const second = await startApp(() => clock);
    expect(second.center.shownToday()).toBe(2);
    second.poll('c');
    second.poll('d');
    // The cap of 3 counts the two shown before the restart: only c gets through.
    expect(second.shown.map((notice) => notice.postId)).toEqual(['c']);
    await second.quit();

    clock = new Date(2026, 10, 26, 9, 0);
    const nextDay = await startApp(() => clock);
    expect(nextDay.center.shownToday()).toBe(0);
    nextDay.poll('e');
    expect(nextDay.shown.map((notice) => notice.postId)).toEqual(['e']);
    await nextDay.quit();
    expect(JSON.parse(await readFile(join(dir.path, SHOWN_TALLY_FILE), 'utf8'))).toEqual({
      day: '2026-11-26',
      shown: 1,
    });
  });

  it('starts from zero, saying so, when the file is damaged, and replaces it with a good one', async () => {
    await writeFile(join(dir.path, SHOWN_TALLY_FILE), '{"day": 7, "shown": "many"');
    warnings.length = 0;
    const clock = new Date(2026, 10, 25, 10, 0);
    const app = await startApp(() => clock);
    expect(warnings).toEqual(['the count of notifications shown today could not be read; counting from zero']);
    expect(app.center.shownToday()).toBe(0);
    app.poll('a');
    await app.quit();
    const again = await startApp(() => clock);
    expect(again.center.shownToday()).toBe(1);
    await again.quit();
  });
});
