/** Shares per week, for the whole organisation or one team, with empty weeks as zeros. */
import type { WeekCount } from '../../common/protocol.ts';
import type { Db, DbNumber } from '../database.ts';

export async function weeklyShares(db: Db, weeks: readonly string[], teamId?: number): Promise<WeekCount[]> {
  const [first] = weeks;
  if (first === undefined) return [];
  let query = db
    .selectFrom('weekly_shares')
    .select(['week', (eb) => eb.fn.sum<DbNumber>('shares').as('shares')])
    .where('week', '>=', first)
    .groupBy('week');
  if (teamId !== undefined) query = query.where('team_id', '=', teamId);
  const totals = new Map((await query.execute()).map((row) => [row.week, Number(row.shares)]));
  return weeks.map((week) => ({ week, shares: totals.get(week) ?? 0 }));
}

/** All shares standing, organisation-wide or for one team. */
export async function totalShares(db: Db, teamId?: number): Promise<number> {
  let query = db.selectFrom('weekly_shares').select((eb) => eb.fn.sum<DbNumber>('shares').as('shares'));
  if (teamId !== undefined) query = query.where('team_id', '=', teamId);
  const row = await query.executeTakeFirst();
  return Number(row?.shares ?? 0);
}

export async function peopleCount(db: Db, teamId?: number): Promise<number> {
  let query = db.selectFrom('people').select((eb) => eb.fn.countAll<DbNumber>().as('n'));
  if (teamId !== undefined) query = query.where('team_id', '=', teamId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
