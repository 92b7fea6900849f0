/**
 * The signature a generic webhook carries: `X-Advocate-Signature: v1=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">` keyed with the channel's secret, and the timestamp (Unix seconds) in
 * `X-Advocate-Timestamp`, so a receiver can reject forgeries and replays (docs/endpoint.md).
 */
import { createHmac } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-advocate-timestamp';
export const SIGNATURE_HEADER = 'x-advocate-signature';
export const DELIVERY_HEADER = 'x-advocate-delivery';

export function signatureHeaders(secret: string, body: string, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `v1=${signature}` };
}
