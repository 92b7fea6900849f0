/**
 * The hosts of the organisation's feeds (where they were added and where they moved) and of their posts:
 * sites of the organisation without anyone listing them in --post-hosts. Read at most every 30 seconds, so
 * a tracked link's redirect rarely waits on the database, and the last hosts read are kept while the
 * database is away (a redirect keeps working in an outage, as it did before feeds were at the endpoint).
 */
import type { Db } from '../database.ts';
import type { HostSource } from '../posts/organisation-hosts.ts';

const REREAD_MS = 30_000;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export function feedHosts(db: Db, now: () => number = Date.now): HostSource {
  let last: { readonly at: number; readonly hosts: ReadonlySet<string> } | null = null;
  return async () => {
    if (last !== null && now() - last.at < REREAD_MS) return last.hosts;
    try {
      const feeds = await db.selectFrom('feeds').select(['url', 'fetch_url']).execute();
      const posts = await db.selectFrom('posts').select('link').distinct().execute();
      const urls = [...feeds.flatMap((feed) => [feed.url, feed.fetch_url]), ...posts.map((post) => post.link)];
      const hosts = new Set(urls.flatMap((url) => hostOf(url) ?? []));
      last = { at: now(), hosts };
      return hosts;
    } catch {
      return last?.hosts ?? new Set<string>();
    }
  };
}
