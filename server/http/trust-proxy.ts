/**
 * Which proxies may tell the endpoint who the client is. X-Forwarded-For is a list each proxy appends
 * to, and its leftmost entries are whatever the client wrote: trusting all of it let anyone pick their
 * own address and escape every per-IP limit. So the endpoint trusts a number of hops counted from
 * itself, or only proxies at given addresses, and takes the client from the first entry (from the
 * right) that no trusted proxy wrote.
 */
import { isIP } from 'node:net';

/** Off, the number of proxies in front, or their addresses (IPs, CIDR ranges, proxy-addr's names). */
export type TrustProxy = false | number | readonly string[];

/** proxy-addr's names for whole ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.includes(entry) || isIP(entry) !== 0) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || bits === undefined || rest.length > 0 || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * `--trust-proxy` as written: empty or 0 for off, a whole number of hops, or a comma- or space-separated
 * list of addresses. Throws with a sentence that says what it takes.
 */
export function readTrustProxy(text: string): TrustProxy {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '0') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const entries = trimmed.split(/[\s,]+/).filter((entry) => entry.length > 0);
  const wrong = entries.find((entry) => !isAddressOrRange(entry));
  if (wrong !== undefined)
    throw new RangeError(
      `give the number of proxies in front of the endpoint (1 for one reverse proxy) or their addresses (10.0.0.5,10.0.0.0/24), not "${wrong}"`,
    );
  return entries;
}

/**
 * In Fastify's terms. A hop count becomes a function of the hop, because Fastify trusts no one for a
 * number (it cannot tell the proxy from a client that connects directly): with a count, the endpoint
 * must be reachable only through its proxies, which docs/deploy.md says.
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}
