/** Each team's people, standing shares and clicks; people without a team are grouped as "No team". */
import type { Db, DbNumber } from '../database.ts';

export interface TeamReport {
  readonly name: string;
  readonly people: number;
  readonly shares: number;
  readonly clicks: number;
}

export async function teamsReport(db: Db): Promise<TeamReport[]> {
  const rows = await db
    .selectFrom('people')
    .leftJoin('teams', 'teams.id', 'people.team_id')
    .select([
      'teams.name',
      (eb) => eb.fn.countAll<DbNumber>().as('people'),
      (eb) => eb.fn.sum<DbNumber>('people.shares').as('shares'),
      (eb) => eb.fn.sum<DbNumber>('people.clicks').as('clicks'),
    ])
    .groupBy(['people.team_id', 'teams.name'])
    .execute();
  return rows
    .map((row) => ({
      name: row.name ?? 'No team',
      people: Number(row.people),
      shares: Number(row.shares),
      clicks: Number(row.clicks),
    }))
    .sort((a, b) => b.shares - a.shares || a.name.localeCompare(b.name));
}
