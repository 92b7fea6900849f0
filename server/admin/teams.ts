/** Teams are made on first mention, by name; "Sales" and " sales" are the same team. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

export const teamKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

export async function findOrCreateTeam(db: Kysely<Database>, name: string): Promise<{ id: number; name: string }> {
  const key = teamKey(name);
  const display = name.trim().replace(/\s+/g, ' ');
  await db
    .insertInto('teams')
    .values({ name: display, name_key: key })
    .onConflict((conflict) => conflict.column('name_key').doNothing())
    .execute();
  return db.selectFrom('teams').select(['id', 'name']).where('name_key', '=', key).executeTakeFirstOrThrow();
}
