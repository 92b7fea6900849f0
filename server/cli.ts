/**
 * `npm run server`: the endpoint, on an embedded SQLite file with no other setup, or on PostgreSQL.
 * Flags (or environment):
 *   --port (ADVOCATE_SERVER_PORT, default 8787)  --host (ADVOCATE_SERVER_HOST, default 127.0.0.1)
 *   --db PATH or postgres://user:pass@host:5432/db (ADVOCATE_DB, or DATABASE_URL; default
 *        .advocate-data/endpoint.sqlite); ADVOCATE_DB_POOL_SIZE connections at most (PostgreSQL, default 10)
 *   --public-url URL (ADVOCATE_PUBLIC_URL: the address people reach it at, for tracked links)
 *   --trust-proxy (ADVOCATE_TRUST_PROXY=1: behind a reverse proxy that sets X-Forwarded-*)
 *   --allow-outside-posts (ADVOCATE_ALLOW_OUTSIDE_POSTS=1: count shares of URLs none of the feeds has)
 * ADVOCATE_LEASE_SECONDS (default 30): how long a replica's lease on a scheduled job lasts unrenewed.
 * Rate limits per minute: ADVOCATE_RATE_PER_IP, ADVOCATE_RATE_PER_DEVICE, ADVOCATE_RATE_ENROLL, ADVOCATE_RATE_LOGIN.
 * The first start creates the organisation and prints the admin token and an enrollment code, once.
 */
import { parseArgs } from 'node:util';
import { ensureOrganisation } from './admin/organisation.ts';
import { buildServer } from './app.ts';
import { databaseLocation, describeLocation, openDatabaseOrExit, wholeNumber } from './cli-options.ts';
import { DEFAULT_RATE_LIMITS } from './context.ts';
import { HOUSEKEEPING_JOB, startHousekeeping } from './jobs/housekeeping.ts';
import { DEFAULT_LEASE_SECONDS, replicaId } from './jobs/lease-keeper.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    'public-url': { type: 'string' },
    'trust-proxy': { type: 'boolean' },
    'allow-outside-posts': { type: 'boolean' },
  },
  strict: true,
});
const env = process.env;
const port = wholeNumber('port', values.port, 'ADVOCATE_SERVER_PORT', 8787, 65535);
const host = values.host ?? env['ADVOCATE_SERVER_HOST'] ?? '127.0.0.1';
const publicUrl = values['public-url'] ?? env['ADVOCATE_PUBLIC_URL'];
if (publicUrl !== undefined && !/^https?:\/\/[^/]+\/?/.test(publicUrl)) {
  console.error(`--public-url must be an http(s) address like https://advocate.example.com/, got ${publicUrl}`);
  process.exit(2);
}
const rateLimits = {
  perIp: wholeNumber('rate-per-ip', undefined, 'ADVOCATE_RATE_PER_IP', DEFAULT_RATE_LIMITS.perIp),
  perDevice: wholeNumber('rate-per-device', undefined, 'ADVOCATE_RATE_PER_DEVICE', DEFAULT_RATE_LIMITS.perDevice),
  enrollPerIp: wholeNumber('rate-enroll', undefined, 'ADVOCATE_RATE_ENROLL', DEFAULT_RATE_LIMITS.enrollPerIp),
  loginPerIp: wholeNumber('rate-login', undefined, 'ADVOCATE_RATE_LOGIN', DEFAULT_RATE_LIMITS.loginPerIp),
};
const location = databaseLocation(values.db);
const leaseSeconds = Math.max(
  1,
  wholeNumber('lease-seconds', undefined, 'ADVOCATE_LEASE_SECONDS', DEFAULT_LEASE_SECONDS, 3600),
);
const holder = replicaId();

const db = await openDatabaseOrExit(location, 'Advocate endpoint');
const firstStart = await ensureOrganisation(db);
const app = await buildServer({
  db,
  logger: true,
  rateLimits,
  trustProxy: values['trust-proxy'] ?? env['ADVOCATE_TRUST_PROXY'] === '1',
  allowOutsidePosts: values['allow-outside-posts'] ?? env['ADVOCATE_ALLOW_OUTSIDE_POSTS'] === '1',
  feedPolls: { holder, seconds: leaseSeconds },
  ...(publicUrl === undefined ? {} : { publicUrl: publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/` }),
});
const housekeeping = startHousekeeping(db, {
  holder,
  seconds: leaseSeconds,
  onChange: (lease) => {
    app.log.info({ job: HOUSEKEEPING_JOB, holder, held: lease !== null, generation: lease?.generation }, 'job lease');
  },
  onError: (error) => {
    app.log.warn({ err: error }, 'housekeeping');
  },
});
// Before the address is printed: whoever waits for that line may stop us right after it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void housekeeping
      .stop()
      .then(() => app.close())
      .then(() => db.destroy())
      .then(() => process.exit(0));
  });
}
const address = await app.listen({ port, host });
if (firstStart) {
  // Printed once, never logged: the database keeps only their hashes.
  console.log(`
New organisation created. Keep these; they are not shown again.
  Admin token (dashboard sign-in at ${address}/dashboard/): ${firstStart.adminToken}
  Enrollment code (for desktops, e.g. npm run preview -- --endpoint ${address}/ --enrollment-code CODE): ${firstStart.enrollmentCode}
More codes, revocation and a new admin token: npm run server:admin -- help
`);
}
console.log(`Advocate endpoint: ${address}/ (database ${describeLocation(location)}, replica ${holder})`);
