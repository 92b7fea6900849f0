/**
 * `npm run server:admin -- <command>`: enrollment codes, devices, the admin token and feeds, on the endpoint's
 * database (the endpoint may be running; SQLite's WAL lets both work on the file).
 */
import { parseArgs } from 'node:util';
import { listDevices, revokeDevice } from './admin/devices.ts';
import { createEnrollmentCode, listEnrollmentCodes, revokeEnrollmentCode } from './admin/enrollment-codes.ts';
import { rotateAdminToken } from './admin/organisation.ts';
import { databaseLocation, openDatabaseOrExit } from './cli-options.ts';
import type { Db } from './database.ts';
import { runFeedCommand } from './feeds/feed-commands.ts';

const HELP = `Usage: npm run server:admin -- <command> [options] [--db PATH | --db postgres://…]

  create-code [--team NAME] [--expires-in-days N]   a new enrollment code (printed once)
  list-codes                                         codes with their team, uses and state
  revoke-code ID                                     no new enrollments with this code
  list-devices                                       enrolled devices
  revoke-device ID                                   this device's token stops working (401)
  rotate-admin-token                                 a new admin token; the old one and dashboard sessions end
  add-feed URL                                       check the feed (or find it behind a web page) and poll it
  remove-feed URL                                    stop polling it; its posts are no longer served
  list-feeds                                         the feeds with when they were read, what is next, problems
  new-ping-secret URL                                a new secret for the feed's ping URL (printed once)

add-feed reads the feed once over the network from this machine, as the endpoint will.
--db defaults to ADVOCATE_DB, then DATABASE_URL, then .advocate-data/endpoint.sqlite.`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function idArgument(positionals: readonly string[]): number {
  const id = Number(positionals[1]);
  if (!Number.isInteger(id) || id <= 0)
    fail(`${positionals[0] ?? ''} needs the id shown by the list command, got ${String(positionals[1])}`);
  return id;
}

const table = (rows: readonly object[]): void => {
  if (rows.length === 0) console.log('(none)');
  else console.table(rows);
};

async function run(
  db: Db,
  positionals: readonly string[],
  values: { team?: string; 'expires-in-days'?: string },
): Promise<void> {
  const command = positionals[0];
  switch (command) {
    case 'create-code': {
      const days = values['expires-in-days'] === undefined ? null : Number(values['expires-in-days']);
      if (days !== null && (!Number.isInteger(days) || days <= 0))
        fail(`--expires-in-days must be a whole number of days, got ${String(values['expires-in-days'])}`);
      const expiresAt = days === null ? null : new Date(Date.now() + days * 86_400_000);
      const { id, code } = await createEnrollmentCode(db, { team: values.team ?? null, expiresAt });
      console.log(
        `Enrollment code ${String(id)}: ${code}${expiresAt ? ` (expires ${expiresAt.toISOString().slice(0, 10)})` : ''}`,
      );
      return;
    }
    case 'list-codes':
      table(await listEnrollmentCodes(db));
      return;
    case 'revoke-code':
      console.log(
        (await revokeEnrollmentCode(db, idArgument(positionals)))
          ? 'Code revoked.'
          : 'No such code, or it was already revoked.',
      );
      return;
    case 'list-devices':
      table(await listDevices(db));
      return;
    case 'revoke-device':
      console.log(
        (await revokeDevice(db, idArgument(positionals)))
          ? 'Device revoked.'
          : 'No such device, or it was already revoked.',
      );
      return;
    case 'rotate-admin-token':
      console.log(`New admin token (shown once): ${await rotateAdminToken(db)}`);
      return;
    case 'add-feed':
    case 'remove-feed':
    case 'list-feeds':
    case 'new-ping-secret':
      await runFeedCommand(db, command, positionals[1]);
      return;
    case undefined:
    case 'help':
      console.log(HELP);
      return;
    default:
      fail(`Unknown command "${command}".\n\n${HELP}`);
  }
}

const { values, positionals } = parseArgs({
  options: { db: { type: 'string' }, team: { type: 'string' }, 'expires-in-days': { type: 'string' } },
  allowPositionals: true,
  strict: true,
});
const db = await openDatabaseOrExit(databaseLocation(values.db), 'Advocate admin');
try {
  await run(db, positionals, values);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await db.destroy();
}
