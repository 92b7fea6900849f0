/**
 * X-Hub-Signature on a WebSub content distribution (W3C WebSub 8): `method=hex`, an HMAC of the body
 * exactly as received, keyed with the hub.secret this subscriber gave. The recommendation names sha1,
 * sha256, sha384 and sha512; any other method, a missing header or a wrong value means the
 * notification is not the hub's.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const METHODS = new Set(['sha1', 'sha256', 'sha384', 'sha512']);

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function checkSignature(header: string | undefined, body: Buffer, secret: string): SignatureCheck {
  if (header === undefined || header.trim() === '')
    return { ok: false, reason: 'the notification is not signed (no X-Hub-Signature)' };
  const match = /^\s*([A-Za-z0-9]+)=([0-9a-fA-F]+)\s*$/.exec(header);
  const method = match?.[1]?.toLowerCase();
  if (match === null || method === undefined || !METHODS.has(method))
    return { ok: false, reason: 'the signature is not one of sha1=, sha256=, sha384= or sha512= with a hex value' };
  const expected = createHmac(method, secret).update(body).digest();
  const given = Buffer.from(match[2] ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { ok: true }
    : { ok: false, reason: 'the signature does not match the body' };
}
