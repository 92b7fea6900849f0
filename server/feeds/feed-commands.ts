/** The feed commands of `npm run server:admin`: what they print is for the person who runs them. */
import { checkFeed } from '../../feeds/index.ts';
import type { Db } from '../database.ts';
import { addFeed, listFeeds, removeFeed, renewPingSecret, type FeedHealth } from './feed-catalogue.ts';

export type FeedCommand = 'add-feed' | 'remove-feed' | 'list-feeds' | 'new-ping-secret';

/** "2026-12-08 09:30 UTC": a minute is as exact as a poll schedule needs. */
export const minuteOf = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function describeFeed(feed: FeedHealth): string {
  const lines = [`${feed.title || '(no title yet)'}  ${feed.url}`];
  if (feed.fetchUrl !== feed.url) lines.push(`  read from ${feed.fetchUrl} (the feed moved there)`);
  lines.push(
    feed.checkedAt === null
      ? `  not read yet; the endpoint reads it at ${minuteOf(feed.nextCheckAt)} or as soon as it runs`
      : `  last read ${minuteOf(feed.checkedAt)}, next ${minuteOf(feed.nextCheckAt)}; ${String(feed.itemCount)} ${feed.itemCount === 1 ? 'post' : 'posts'} in the last good read`,
  );
  if (feed.lastError !== null) lines.push(`  problem: ${feed.lastError} (its posts so far are still served)`);
  return lines.join('\n');
}

export class FeedCommandError extends Error {}

export async function runFeedCommand(db: Db, command: FeedCommand, url: string | undefined): Promise<void> {
  if (command === 'list-feeds') {
    const feeds = await listFeeds(db);
    console.log(
      feeds.length === 0
        ? 'No feeds yet: desktops read the feeds their own policy names. Add one with add-feed URL.'
        : feeds.map(describeFeed).join('\n\n'),
    );
    return;
  }
  if (url === undefined || url.trim() === '')
    throw new FeedCommandError(
      `${command} needs the feed's address, for example ${command} https://blog.example.com/feed.xml`,
    );
  switch (command) {
    case 'add-feed': {
      const added = await addFeed(db, await checkFeed(fetch, url.trim()));
      if (!added.ok) throw new FeedCommandError(added.reason);
      console.log(
        [
          `Added ${added.feed.title ? `"${added.feed.title}" ` : ''}${added.feed.url}` +
            (added.discoveredFrom === null ? '' : ` (found behind ${added.discoveredFrom})`),
          'The endpoint reads it within a minute and serves its posts to desktops.',
          `Ping secret (shown once; for POST /v1/feeds/ping?secret=…, see docs/endpoint.md): ${added.pingSecret}`,
        ].join('\n'),
      );
      return;
    }
    case 'remove-feed':
      if (!(await removeFeed(db, url.trim())))
        throw new FeedCommandError(`${url} is not one of the organisation's feeds (list-feeds shows them)`);
      console.log(`Removed ${url}. Its posts are no longer served; shares already counted stay counted.`);
      return;
    case 'new-ping-secret': {
      const secret = await renewPingSecret(db, url.trim());
      if (secret === null)
        throw new FeedCommandError(`${url} is not one of the organisation's feeds (list-feeds shows them)`);
      console.log(`New ping secret for ${url} (shown once; the old one no longer works): ${secret}`);
      return;
    }
  }
}
