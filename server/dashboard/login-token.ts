/**
 * The sign-in form's double-submit token, minted by the endpoint only. A token taken from the browser's
 * cookie as it came would let whoever planted the cookie (a sibling subdomain, a shared machine) know
 * the form's token in advance; a token carries its issue time and an HMAC, so the endpoint adopts only
 * one of its own, for an hour. The key is the admin token's hash, which only the database holds and
 * every replica reads alike; rotating the admin token voids every open sign-in form with it.
 */
import { createHmac } from 'node:crypto';
import type { Db } from '../database.ts';
import { newToken, sameSecret } from '../security/secrets.ts';

export const LOGIN_TOKEN_SECONDS = 60 * 60;

async function signingKey(db: Db): Promise<string> {
  const row = await db.selectFrom('organisation').select('admin_token_hash').executeTakeFirstOrThrow();
  return row.admin_token_hash;
}

const mac = (key: string, body: string): string =>
  createHmac('sha256', key).update(`dashboard sign-in ${body}`).digest('base64url');

export async function mintLoginToken(db: Db, now: Date): Promise<string> {
  const body = `${String(Math.floor(now.getTime() / 1000))}.${newToken()}`;
  return `${body}.${mac(await signingKey(db), body)}`;
}

/** Whether this endpoint minted `token` less than an hour ago. */
export async function isOwnLoginToken(db: Db, token: string, now: Date): Promise<boolean> {
  const match = /^(\d{1,12})\.[A-Za-z0-9_-]{43}\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const age = now.getTime() / 1000 - Number(match[1]);
  if (age < 0 || age > LOGIN_TOKEN_SECONDS) return false;
  const body = token.slice(0, token.lastIndexOf('.'));
  return sameSecret(mac(await signingKey(db), body), match[2] ?? '');
}
