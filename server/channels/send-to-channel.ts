/**
 * One POST to a channel's receiver, and its answer in words. A 2xx is sent; 429 asks to wait (its
 * Retry-After honoured); a 5xx, a timeout or a network failure is worth another try; any other answer
 * (400, 403, 404, a redirect) will not change by retrying, so the post stops there and the dashboard
 * shows why. Redirects are not followed: a webhook address that moved must be changed by the admin.
 */
import { channelBody, type ChannelPost } from './channel-payloads.ts';
import type { Channel } from './channel-store.ts';
import { DELIVERY_HEADER, signatureHeaders } from './webhook-signature.ts';

export type SendAnswer =
  | { readonly outcome: 'sent'; readonly words: string }
  | { readonly outcome: 'retry'; readonly words: string; readonly retryAfterMs: number | null }
  | { readonly outcome: 'stop'; readonly words: string };

const TIMEOUT_MS = 10_000;
const MAX_QUOTED = 200;

/** Retry-After as seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** What the receiver wrote back, as one short line of text (Slack answers "invalid_payload", "no_service"…). */
async function quoted(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  return `: “${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text}”`;
}

/** A failed fetch in words: Node's cause codes are for logs, not for people. */
function unreachable(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return `the receiver did not answer within ${String(TIMEOUT_MS / 1000)} seconds`;
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the receiver’s name was not found on the network';
  if (code === 'ECONNREFUSED') return 'nothing answered at the receiver’s address';
  if (typeof code === 'string' && /CERT|SSL|TLS/.test(code)) return 'the receiver’s certificate was not trusted';
  return 'the connection to the receiver failed before it answered';
}

export async function sendToChannel(
  channel: Channel,
  post: ChannelPost,
  options: { readonly fetch?: typeof fetch; readonly now?: Date; readonly test?: boolean } = {},
): Promise<SendAnswer> {
  const now = options.now ?? new Date();
  const body = channelBody(channel.kind, post, options.test ?? false);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Advocate endpoint' };
  if (channel.secret !== null)
    Object.assign(headers, signatureHeaders(channel.secret, body, now), { [DELIVERY_HEADER]: post.deliveryId });
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(channel.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return { outcome: 'retry', words: unreachable(error), retryAfterMs: null };
  }
  const said = await quoted(response);
  const status = response.status;
  if (status >= 200 && status < 300) return { outcome: 'sent', words: `the receiver took the post${said}` };
  if (status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after'), now);
    const asked = wait === null ? '' : ` and asked to wait ${String(Math.ceil(wait / 1000))} seconds`;
    return { outcome: 'retry', words: `the receiver said posts came too often${asked}`, retryAfterMs: wait };
  }
  if (status >= 500)
    return { outcome: 'retry', words: `the receiver had a problem of its own${said}`, retryAfterMs: null };
  if (status >= 300 && status < 400)
    return { outcome: 'stop', words: 'the receiver’s address has moved; add the channel again with its new address' };
  if (status === 401 || status === 403)
    return {
      outcome: 'stop',
      words: `the receiver did not let us post${said}; check the webhook address is still valid`,
    };
  if (status === 404 || status === 410)
    return { outcome: 'stop', words: `the receiver does not know this webhook address (any more)${said}` };
  return { outcome: 'stop', words: `the receiver refused the post${said}` };
}
