/**
 * Conversions against tracked links. A conversion is counted for whoever owns the link's code when it is
 * counted, so a merge of two people (merged_links) carries their conversions along, as it does clicks.
 */
import { sql } from 'kysely';
import { uuidv7 } from '../../common/uuid.ts';
import type { ConversionCount } from '../../common/protocol.ts';
import type { Db, DbNumber } from '../database.ts';

export interface ConversionReport {
  readonly code: string;
  readonly kind: string;
  readonly value: number | null;
  readonly siteKeyId: number;
}

/** False when the code is no tracked link of this endpoint (nothing is stored then). */
export async function recordConversion(db: Db, report: ConversionReport, now = new Date()): Promise<boolean> {
  const link =
    (await db
      .selectFrom('tracked_links')
      .select(['post_key', 'network'])
      .where('code', '=', report.code)
      .executeTakeFirst()) ??
    (await db
      .selectFrom('merged_links')
      .innerJoin('tracked_links', 'tracked_links.code', 'merged_links.into_code')
      .select(['tracked_links.post_key', 'tracked_links.network'])
      .where('merged_links.code', '=', report.code)
      .executeTakeFirst());
  if (!link) return false;
  await db
    .insertInto('conversions')
    .values({
      id: uuidv7(now.getTime()),
      code: report.code,
      post_key: link.post_key,
      network: link.network,
      kind: report.kind,
      value: report.value,
      site_key_id: report.siteKeyId,
      received_at: now.toISOString(),
    })
    .execute();
  return true;
}

const owned = (db: Db) =>
  db
    .selectFrom('conversions')
    .leftJoin('merged_links', 'merged_links.code', 'conversions.code')
    .innerJoin('tracked_links', (join) =>
      join.on(sql`tracked_links.code`, '=', sql`coalesce(merged_links.into_code, conversions.code)`),
    );

/** One person's conversions per kind, most first. */
export async function conversionsOf(db: Db, personId: number): Promise<ConversionCount[]> {
  const rows = await owned(db)
    .select(['conversions.kind', (eb) => eb.fn.countAll<DbNumber>().as('count')])
    .where('tracked_links.person_id', '=', personId)
    .groupBy('conversions.kind')
    .execute();
  return rows
    .map((row) => ({ kind: row.kind, count: Number(row.count) }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

/** Every conversion reported against the organisation's tracked links. */
export async function conversionTotal(db: Db): Promise<number> {
  const row = await db
    .selectFrom('conversions')
    .select((eb) => eb.fn.countAll<DbNumber>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
