/**
 * Site keys for POST /v1/conversions: write-only (they can report a conversion, nothing else), tied to the
 * origins of the organisation's landing pages, and stored as SHA-256 hashes like every other secret here.
 * A key sits in a page's source for anyone to read: the origin list and the rate limit bound what it can do.
 */
import type { Db } from '../database.ts';
import { hashSecret, newToken } from '../security/secrets.ts';

export interface SiteKeyListing {
  readonly id: number;
  readonly origins: readonly string[];
  readonly createdAt: string;
  readonly revoked: boolean;
}

export type OriginCheck = { ok: true; origin: string } | { ok: false; reason: string };

/** An origin as browsers send it: https://host[:port] (http only for this machine), nothing after. */
export function readOrigin(text: string): OriginCheck {
  if (!URL.canParse(text)) return { ok: false, reason: `"${text}" is not an origin like https://www.example.com` };
  const url = new URL(text);
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    return { ok: false, reason: `${text} is not https: landing pages that report conversions must be` };
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '')
    return { ok: false, reason: `${text} is more than an origin: give only https://host (and a port if any)` };
  return { ok: true, origin: url.origin };
}

export async function createSiteKey(
  db: Db,
  origins: readonly string[],
  now = new Date(),
): Promise<{ ok: true; id: number; key: string } | { ok: false; reason: string }> {
  if (origins.length === 0) return { ok: false, reason: 'a site key needs the origin of at least one landing page' };
  const checked: string[] = [];
  for (const text of origins) {
    const origin = readOrigin(text);
    if (!origin.ok) return origin;
    checked.push(origin.origin);
  }
  const key = `site_${newToken()}`;
  const row = await db
    .insertInto('site_keys')
    .values({
      key_hash: hashSecret(key),
      origins: JSON.stringify([...new Set(checked)]),
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ok: true, id: row.id, key };
}

export async function listSiteKeys(db: Db): Promise<SiteKeyListing[]> {
  const rows = await db.selectFrom('site_keys').selectAll().orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    origins: JSON.parse(row.origins) as string[],
    createdAt: row.created_at,
    revoked: row.revoked_at !== null,
  }));
}

export async function revokeSiteKey(db: Db, id: number, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('site_keys')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The key's id and origins while it is not revoked; null for any other text. */
export async function activeSiteKey(db: Db, key: string): Promise<{ id: number; origins: string[] } | null> {
  const row = await db
    .selectFrom('site_keys')
    .select(['id', 'origins'])
    .where('key_hash', '=', hashSecret(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, origins: JSON.parse(row.origins) as string[] } : null;
}
