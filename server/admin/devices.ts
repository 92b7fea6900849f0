/** Enrolled devices: listing and revoking (a revoked device's token answers 401 from then on). */
import type { Db } from '../database.ts';

export interface DeviceListing {
  readonly id: number;
  readonly displayName: string;
  readonly team: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export async function listDevices(db: Db): Promise<DeviceListing[]> {
  const rows = await db
    .selectFrom('devices')
    .innerJoin('people', 'people.id', 'devices.person_id')
    .leftJoin('teams', 'teams.id', 'people.team_id')
    .select(['devices.id', 'people.display_name', 'teams.name as team', 'devices.created_at', 'devices.revoked_at'])
    .orderBy('devices.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    team: row.team,
    createdAt: row.created_at,
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
