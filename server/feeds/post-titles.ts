/** Titles for post URLs, from the feeds' posts: what the dashboard, its CSVs and the kit editor show. */
import type { Db } from '../database.ts';

const KEYS_PER_QUERY = 500;

/** The title of each of these links that a feed has (the most recently changed post's, if several feeds do). */
export async function postTitles(db: Db, links: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const unique = [...new Set(links)];
  for (let start = 0; start < unique.length; start += KEYS_PER_QUERY) {
    const rows = await db
      .selectFrom('posts')
      .select(['link', 'title'])
      .where('link', 'in', unique.slice(start, start + KEYS_PER_QUERY))
      .orderBy('revision')
      .execute();
    for (const row of rows) if (row.title !== '') titles.set(row.link, row.title);
  }
  return titles;
}

export interface KnownPost {
  readonly link: string;
  readonly title: string;
  readonly publishedAt: string | null;
}

/** The feeds' posts, newest first (by publication, else when first read), one per link: the kit editor's choice. */
export async function recentPosts(db: Db, limit: number): Promise<KnownPost[]> {
  const rows = await db
    .selectFrom('posts')
    .select(['link', 'title', 'published_at', 'first_seen_at'])
    .orderBy('first_seen_at', 'desc')
    .limit(limit * 2)
    .execute();
  const seen = new Set<string>();
  return rows
    .sort((a, b) => (b.published_at ?? b.first_seen_at).localeCompare(a.published_at ?? a.first_seen_at))
    .filter((row) => !seen.has(row.link) && seen.add(row.link))
    .slice(0, limit)
    .map((row) => ({ link: row.link, title: row.title, publishedAt: row.published_at }));
}
