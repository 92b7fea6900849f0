/** Per post: standing shares and clicks on each network, for the dashboard and its CSV export. */
import type { Network } from '../../common/domain.ts';
import type { Db, DbNumber } from '../database.ts';
import { postTitles } from '../feeds/post-titles.ts';

export interface PostReport {
  readonly postKey: string;
  /** From the feeds' posts; undefined when none of them has this URL. */
  readonly title: string | undefined;
  readonly people: number;
  readonly shares: number;
  readonly clicks: number;
  readonly sharesBy: ReadonlyMap<Network, number>;
  readonly clicksBy: ReadonlyMap<Network, number>;
  /** Visitors counted once per day each (the salt that tells them apart lives one day). */
  readonly uniqueVisitors: number;
}

/** SQLite bounds how many values one query may bind, so posts are looked up in slices. */
const KEYS_PER_QUERY = 500;

type Counts = Map<string, Map<Network, number>>;

function tally(into: Counts, rows: readonly { post_key: string; network: Network; n: DbNumber }[]): void {
  for (const row of rows) {
    const networks = into.get(row.post_key) ?? new Map<Network, number>();
    networks.set(row.network, Number(row.n));
    into.set(row.post_key, networks);
  }
}

export async function postsReport(db: Db, limit: number): Promise<PostReport[]> {
  const posts = await db.selectFrom('post_stats').selectAll().orderBy('first_seen_at', 'desc').limit(limit).execute();
  const shares: Counts = new Map();
  const clicks: Counts = new Map();
  const visitors = new Map<string, number>();
  for (let start = 0; start < posts.length; start += KEYS_PER_QUERY) {
    const keys = posts.slice(start, start + KEYS_PER_QUERY).map((post) => post.post_key);
    const clicksOfKeys = db
      .selectFrom('clicks')
      .innerJoin('tracked_links', 'tracked_links.code', 'clicks.code')
      .where('tracked_links.post_key', 'in', keys);
    tally(
      shares,
      await db
        .selectFrom('share_states')
        .select(['post_key', 'network', (eb) => eb.fn.countAll<DbNumber>().as('n')])
        .where('shared', '=', 1)
        .where('post_key', 'in', keys)
        .groupBy(['post_key', 'network'])
        .execute(),
    );
    tally(
      clicks,
      await clicksOfKeys
        .select(['tracked_links.post_key', 'tracked_links.network', (eb) => eb.fn.countAll<DbNumber>().as('n')])
        .groupBy(['tracked_links.post_key', 'tracked_links.network'])
        .execute(),
    );
    const unique = await clicksOfKeys
      .select(['tracked_links.post_key', (eb) => eb.fn.count<DbNumber>('clicks.visitor').distinct().as('n')])
      .groupBy('tracked_links.post_key')
      .execute();
    for (const row of unique) visitors.set(row.post_key, Number(row.n));
  }
  const titles = await postTitles(
    db,
    posts.map((post) => post.post_key),
  );
  return posts.map((post) => ({
    postKey: post.post_key,
    title: titles.get(post.post_key),
    people: post.people,
    shares: post.shares,
    clicks: post.clicks,
    sharesBy: shares.get(post.post_key) ?? new Map(),
    clicksBy: clicks.get(post.post_key) ?? new Map(),
    uniqueVisitors: visitors.get(post.post_key) ?? 0,
  }));
}
