/**
 * GET /v1/summary for one person: their results, their team's, the organisation's, the leaderboard
 * and the counts of recent posts. Every figure is read from counts kept as events arrive, so the cost
 * does not grow with the number of events.
 */
import { conversionsOf } from '../conversions/conversion-store.ts';
import type { Summary, WeekCount } from '../../common/protocol.ts';
import { isLeaderboardAnonymous } from '../admin/organisation.ts';
import type { Caller } from '../auth/device-auth.ts';
import type { Db, DbNumber } from '../database.ts';
import { rankFor, topPeople } from '../reports/standings.ts';
import { totalShares, weeklyShares } from '../reports/weekly.ts';
import { monthStart, previousWeek, recentWeeks, weekOf, weekStart } from '../../common/weeks.ts';

export const SUMMARY_WEEKS = 9;
export const LEADERBOARD_SIZE = 10;
export const SUMMARY_POSTS = 200;

/** Consecutive weeks with a share, ending this week, or last week while this one has none yet. */
export function streakWeeks(weeksWithShares: ReadonlySet<string>, now: Date): number {
  let week = weekOf(now.toISOString());
  if (!weeksWithShares.has(week)) week = previousWeek(week);
  let streak = 0;
  while (weeksWithShares.has(week)) {
    streak += 1;
    week = previousWeek(week);
  }
  return streak;
}

async function myResults(db: Db, caller: Caller, now: Date, weeks: readonly string[]): Promise<Summary['me']> {
  const person = await db
    .selectFrom('people')
    .leftJoin('teams', 'teams.id', 'people.team_id')
    .select(['people.display_name', 'people.shares', 'people.clicks', 'teams.name as team'])
    .where('people.id', '=', caller.personId)
    .executeTakeFirstOrThrow();
  const sharedAt = (
    await db
      .selectFrom('share_states')
      .select('shared_at')
      .where('person_id', '=', caller.personId)
      .where('shared', '=', 1)
      .execute()
  )
    .map((row) => row.shared_at)
    .filter((at): at is string => at !== null);
  const [thisWeek, thisMonth] = [weekStart(now), monthStart(now)];
  const perWeek = new Map<string, number>();
  for (const at of sharedAt) {
    const week = weekOf(at);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  return {
    displayName: person.display_name,
    team: person.team,
    shares: person.shares,
    // Compared as instants: desktops send times with their own offsets.
    sharesThisWeek: sharedAt.filter((at) => Date.parse(at) >= Date.parse(thisWeek)).length,
    sharesThisMonth: sharedAt.filter((at) => Date.parse(at) >= Date.parse(thisMonth)).length,
    clicks: person.clicks,
    rank: await rankFor(db, person.shares),
    streakWeeks: streakWeeks(new Set(perWeek.keys()), now),
    weekly: weeks.map((week): WeekCount => ({ week, shares: perWeek.get(week) ?? 0 })),
  };
}

/**
 * People with at least one share standing, organisation-wide or in one team: enrolled people who never shared are not.
 */
async function sharersCount(db: Db, teamId?: number): Promise<number> {
  let query = db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<DbNumber>().as('n'))
    .where('shares', '>', 0);
  if (teamId !== undefined) query = query.where('team_id', '=', teamId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/**
 * `withConversions`: only for desktops that ask (`?include=conversions`); older ones check the summary
 * against a closed schema and would refuse a field they do not know.
 */
export async function buildSummary(
  db: Db,
  caller: Caller,
  now = new Date(),
  { withConversions = false } = {},
): Promise<Summary> {
  const weeks = recentWeeks(now, SUMMARY_WEEKS);
  const results = await myResults(db, caller, now, weeks);
  const me = withConversions ? { ...results, conversions: await conversionsOf(db, caller.personId) } : results;
  const anonymous = await isLeaderboardAnonymous(db);
  const leaders = await topPeople(db, LEADERBOARD_SIZE);
  const posts = await db
    .selectFrom('post_stats')
    .select(['post_key', 'shares', 'people', 'clicks'])
    .orderBy('first_seen_at', 'desc')
    .limit(SUMMARY_POSTS)
    .execute();
  return {
    anonymous,
    me,
    team:
      caller.teamId === null || me.team === null
        ? null
        : {
            name: me.team,
            people: await sharersCount(db, caller.teamId),
            shares: await totalShares(db, caller.teamId),
            weekly: await weeklyShares(db, weeks, caller.teamId),
          },
    organisation: {
      people: await sharersCount(db),
      shares: await totalShares(db),
      weekly: await weeklyShares(db, weeks),
    },
    leaderboard: leaders.map((leader) => {
      const isMe = leader.personId === caller.personId;
      return {
        rank: leader.rank,
        displayName: anonymous && !isMe ? null : leader.displayName,
        shares: leader.shares,
        me: isMe,
      };
    }),
    posts: posts.map((post) => ({
      postKey: post.post_key,
      shares: post.shares,
      people: post.people,
      clicks: post.clicks,
    })),
  };
}
