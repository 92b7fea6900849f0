/** Who shared most, and where one person stands: read by the summary and the dashboard. */
import type { Db, DbNumber } from '../database.ts';

export interface Standing {
  readonly personId: number;
  readonly displayName: string;
  readonly team: string | null;
  readonly shares: number;
  readonly clicks: number;
  /** Competition ranking: people with equal shares share a rank ("1, 2, 2, 4"). */
  readonly rank: number;
}

export async function topPeople(db: Db, limit: number): Promise<Standing[]> {
  const rows = await db
    .selectFrom('people')
    .leftJoin('teams', 'teams.id', 'people.team_id')
    .select(['people.id', 'people.display_name', 'teams.name as team', 'people.shares', 'people.clicks'])
    .where('people.shares', '>', 0)
    // Deactivated people keep their shares in the totals but leave the leaderboard (admin/people.ts).
    .where('people.deactivated_at', 'is', null)
    .orderBy('people.shares', 'desc')
    .orderBy('people.id')
    .limit(limit)
    .execute();
  let rank = 0;
  return rows.map((row, index) => {
    if (index === 0 || rows[index - 1]?.shares !== row.shares) rank = index + 1;
    return {
      personId: row.id,
      displayName: row.display_name,
      team: row.team,
      shares: row.shares,
      clicks: row.clicks,
      rank,
    };
  });
}

/** The rank someone with `shares` standing shares has. */
export async function rankFor(db: Db, shares: number): Promise<number> {
  const ahead = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<DbNumber>().as('n'))
    .where('shares', '>', shares)
    .where('deactivated_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}
