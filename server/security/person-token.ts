/**
 * Links that act for one person without a sign-in (the share page's "mark shared" in a personal email,
 * an email's unsubscribe): the person's id and an expiry, signed. Each purpose signs apart, so a token
 * for one never works for another. The key is the admin token's hash, which only the database holds and
 * every replica reads alike; rotating the admin token voids every such link, as it voids sign-in forms.
 */
import { createHmac } from 'node:crypto';
import type { Db } from '../database.ts';
import { sameSecret } from './secrets.ts';

export type PersonTokenPurpose = 'share page';

const TOKEN = /^(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

async function signingKey(db: Db): Promise<string> {
  const row = await db.selectFrom('organisation').select('admin_token_hash').executeTakeFirstOrThrow();
  return row.admin_token_hash;
}

const mac = (key: string, purpose: PersonTokenPurpose, body: string): string =>
  createHmac('sha256', key).update(`${purpose} ${body}`).digest('base64url');

export async function mintPersonToken(
  db: Db,
  purpose: PersonTokenPurpose,
  personId: number,
  expiresAt: Date,
): Promise<string> {
  const body = `${String(personId)}.${String(Math.floor(expiresAt.getTime() / 1000))}`;
  return `${body}.${mac(await signingKey(db), purpose, body)}`;
}

/** The person `token` was minted for, or null when it is not one of ours for this purpose or has expired. */
export async function personOfToken(
  db: Db,
  purpose: PersonTokenPurpose,
  token: string,
  now: Date,
): Promise<number | null> {
  const match = TOKEN.exec(token);
  if (!match) return null;
  if (Number(match[2]) * 1000 <= now.getTime()) return null;
  const body = `${match[1] ?? ''}.${match[2] ?? ''}`;
  return sameSecret(mac(await signingKey(db), purpose, body), match[3] ?? '') ? Number(match[1]) : null;
}
