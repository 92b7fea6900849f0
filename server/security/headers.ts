/** Headers every answer carries. The dashboard is the only HTML, and it needs no script at all. */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const DASHBOARD_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export const SECURITY_HEADERS = {
  'content-security-policy': DASHBOARD_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  // Ignored over plain HTTP; binding once the endpoint is served over HTTPS, as it should be on the internet.
  'strict-transport-security': 'max-age=31536000',
  'cache-control': 'no-store',
} as const;

export function securityHeaders(_request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  void reply.headers(SECURITY_HEADERS);
  done();
}
