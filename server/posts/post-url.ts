/**
 * Every URL the endpoint stores is read by `new URL` first and kept as its `.href`: the host in lower
 * case and punycode, the default port dropped, dot segments resolved, the rest percent-encoded the
 * WHATWG way. The fragment is kept: it is part of a post's link as its feed gives it, and the desktop
 * keys its posts by the same `.href`. A URL that cannot be read is refused here, so no stored key can
 * make a later answer fail.
 */
import { MAX_POST_KEY_LENGTH } from '../../common/protocol.ts';
import type { OrganisationHosts } from './organisation-hosts.ts';

export type UrlReading = { readonly href: string; readonly url: URL } | { readonly problem: string };

/** A web address for `field` (the name a message gives it), http or https unless `httpsOnly`. */
export function readWebUrl(field: string, value: string, httpsOnly = false): UrlReading {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `${field} is not a valid URL` };
  }
  if (httpsOnly ? url.protocol !== 'https:' : url.protocol !== 'https:' && url.protocol !== 'http:')
    return { problem: `${field} must be ${httpsOnly ? 'an https' : 'an http or https'} URL` };
  // https://blog.example.com@evil.example/ reads as blog.example.com to a person and goes to evil.example.
  if (url.username !== '' || url.password !== '')
    return { problem: `${field} must not carry a user name or password (a part before "@")` };
  if (url.href.length > MAX_POST_KEY_LENGTH)
    return { problem: `${field} is longer than ${String(MAX_POST_KEY_LENGTH)} characters once written out in full` };
  return { href: url.href, url };
}

/** A post of the organisation's: a web address on one of its sites. */
export async function readPostUrl(field: string, value: string, hosts: OrganisationHosts): Promise<UrlReading> {
  const reading = readWebUrl(field, value);
  if ('problem' in reading) return reading;
  const refusal = await hosts.refusal(reading.url);
  return refusal === null ? reading : { problem: `${field}: ${refusal}` };
}
