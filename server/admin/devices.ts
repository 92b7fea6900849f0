/** Enrolled devices: listing and revoking (a revoked device's token answers 401 from then on). */
import type { Db } from '../database.ts';

export interface DeviceListing {
  readonly id: number;
  readonly personId: number;
  readonly displayName: string;
  readonly team: string | null;
  /** The enrollment code it enrolled with (null for codes deleted before it existed). */
  readonly codeId: number | null;
  readonly createdAt: string;
  readonly lastSeenAt: string | null;
  readonly revokedAt: string | null;
}

/** Every device, or one person's, oldest first; `newestFirst` and `limit` for the enrollments list. */
export async function listDevices(
  db: Db,
  options: { personId?: number; newestFirst?: boolean; limit?: number } = {},
): Promise<DeviceListing[]> {
  let query = db
    .selectFrom('devices')
    .innerJoin('people', 'people.id', 'devices.person_id')
    .leftJoin('teams', 'teams.id', 'people.team_id')
    .select([
      'devices.id',
      'devices.person_id',
      'people.display_name',
      'teams.name as team',
      'devices.enrollment_code_id',
      'devices.created_at',
      'devices.last_seen_at',
      'devices.revoked_at',
    ])
    .orderBy('devices.id', options.newestFirst ? 'desc' : 'asc');
  if (options.personId !== undefined) query = query.where('devices.person_id', '=', options.personId);
  if (options.limit !== undefined) query = query.limit(options.limit);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    displayName: row.display_name,
    team: row.team,
    codeId: row.enrollment_code_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
  }));
}

export async function revokeDevice(db: Db, id: number, now = new Date()): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable('devices')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}
