/**
 * `npm run server`: the endpoint, on an embedded SQLite file with no other setup, or on PostgreSQL.
 * Flags (or environment):
 *   --port (ADVOCATE_SERVER_PORT, default 8787)  --host (ADVOCATE_SERVER_HOST, default 127.0.0.1)
 *   --db PATH or postgres://user:pass@host:5432/db (ADVOCATE_DB, or DATABASE_URL; default
 *        .advocate-data/endpoint.sqlite); ADVOCATE_DB_POOL_SIZE connections at most (PostgreSQL, default 10)
 *   --public-url URL (ADVOCATE_PUBLIC_URL: the https address people reach it at, for tracked links, and WebSub
 *        hubs, which it then subscribes at; http only as http://127.0.0.1:PORT/ for tests)
 *   --trust-proxy 1 or 10.0.0.5,10.0.0.0/24 (ADVOCATE_TRUST_PROXY: behind reverse proxies, how many there are
 *        or their addresses; the client's address then comes from what they add to X-Forwarded-For)
 *   --post-hosts blog.example.com,*.example.com (ADVOCATE_POST_HOSTS: the organisation's sites, the only
 *        hosts links and shares are taken for; without any, every link and share is refused)
 *   --allow-outside-posts (ADVOCATE_ALLOW_OUTSIDE_POSTS=1: count shares of URLs none of the feeds has)
 *   --allow-local-channels (tests and development only: channels may post to http:// and to this machine)
 * ADVOCATE_LEASE_SECONDS (default 30): how long a replica's lease on a scheduled job lasts unrenewed.
 * ADVOCATE_REQUEST_TIMEOUT_SECONDS (30): a request must have arrived whole within this;
 * ADVOCATE_IDLE_TIMEOUT_SECONDS (60): a connection where nothing moves for this long is closed.
 * Rate limits per minute: ADVOCATE_RATE_PER_IP, ADVOCATE_RATE_PER_DEVICE, ADVOCATE_RATE_ENROLL, ADVOCATE_RATE_LOGIN.
 * The first start creates the organisation and prints the admin token and an enrollment code, once.
 */
import { parseArgs } from 'node:util';
import { ensureOrganisation } from './admin/organisation.ts';
import { buildServer } from './app.ts';
import { databaseLocation, describeLocation, openDatabaseOrExit, readOption, wholeNumber } from './cli-options.ts';
import { DEFAULT_RATE_LIMITS } from './context.ts';
import { DEFAULT_TIMEOUTS } from './http/timeouts.ts';
import { readPublicUrl } from './http/public-url.ts';
import { readTrustProxy } from './http/trust-proxy.ts';
import { HOUSEKEEPING_JOB, startHousekeeping } from './jobs/housekeeping.ts';
import { DEFAULT_LEASE_SECONDS, replicaId } from './jobs/lease-keeper.ts';
import { readHostList } from './posts/organisation-hosts.ts';

function flags() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        'public-url': { type: 'string' },
        'trust-proxy': { type: 'string' },
        'post-hosts': { type: 'string' },
        'allow-outside-posts': { type: 'boolean' },
        'allow-local-channels': { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    // Node's own words name the flag: "Option '--trust-proxy <value>' argument missing".
    console.error(`Advocate endpoint: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
const values = flags();
const env = process.env;
const port = wholeNumber('port', values.port, 'ADVOCATE_SERVER_PORT', 8787, 65535);
const host = values.host ?? env['ADVOCATE_SERVER_HOST'] ?? '127.0.0.1';
const publicUrl = readOption('public-url', values['public-url'], 'ADVOCATE_PUBLIC_URL', readPublicUrl);
const rateLimits = {
  perIp: wholeNumber('rate-per-ip', undefined, 'ADVOCATE_RATE_PER_IP', DEFAULT_RATE_LIMITS.perIp),
  perDevice: wholeNumber('rate-per-device', undefined, 'ADVOCATE_RATE_PER_DEVICE', DEFAULT_RATE_LIMITS.perDevice),
  enrollPerIp: wholeNumber('rate-enroll', undefined, 'ADVOCATE_RATE_ENROLL', DEFAULT_RATE_LIMITS.enrollPerIp),
  loginPerIp: wholeNumber('rate-login', undefined, 'ADVOCATE_RATE_LOGIN', DEFAULT_RATE_LIMITS.loginPerIp),
};
const trustProxy = readOption('trust-proxy', values['trust-proxy'], 'ADVOCATE_TRUST_PROXY', readTrustProxy);
const postHosts = readOption('post-hosts', values['post-hosts'], 'ADVOCATE_POST_HOSTS', readHostList);
/** Seconds from the environment, at least 1 (0 would switch Node's timeout off), in milliseconds. */
const seconds = (name: string, envName: string, fallbackMs: number): number =>
  1000 * Math.max(1, wholeNumber(name, undefined, envName, fallbackMs / 1000, 3600));
const timeouts = {
  requestMs: seconds('request-timeout', 'ADVOCATE_REQUEST_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.requestMs),
  idleMs: seconds('idle-timeout', 'ADVOCATE_IDLE_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.idleMs),
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
  postHosts,
  trustProxy,
  timeouts,
  allowOutsidePosts: values['allow-outside-posts'] ?? env['ADVOCATE_ALLOW_OUTSIDE_POSTS'] === '1',
  feedPolls: { holder, seconds: leaseSeconds },
  webSub: { holder, seconds: leaseSeconds },
  channelSends: { holder, seconds: leaseSeconds },
  allowLocalChannels: values['allow-local-channels'] ?? false,
  ...(publicUrl === null ? {} : { publicUrl }),
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
if (postHosts.length === 0)
  console.log(
    "No --post-hosts given: the organisation's sites are its feeds' (npm run server:admin -- add-feed <url>); while it has none, every tracked link and share is refused (or start with --post-hosts blog.example.com, or ADVOCATE_POST_HOSTS).",
  );
console.log(`Advocate endpoint: ${address}/ (database ${describeLocation(location)}, replica ${holder})`);
