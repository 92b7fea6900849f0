/**
 * `npm run server:admin -- <command>`: enrollment codes, devices and the admin token, on the endpoint's
 * database (the endpoint may be running; SQLite's WAL lets both work on the file).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { listDevices, revokeDevice } from './admin/devices.ts';
import { createEnrollmentCode, listEnrollmentCodes, revokeEnrollmentCode } from './admin/enrollment-codes.ts';
import { rotateAdminToken } from './admin/organisation.ts';
import { databaseLocation, openDatabaseOrExit } from './cli-options.ts';
import { plural } from '../common/plural.ts';
import { archiveCsv } from './compliance/archive-store.ts';
import { listBlockTerms, removeBlockTerm, setBlockTerm } from './compliance/block-list-store.ts';
import type { Db } from './database.ts';

const HELP = `Usage: npm run server:admin -- <command> [options] [--db PATH | --db postgres://…]

  create-code [--team NAME] [--expires-in-days N]   a new enrollment code (printed once)
  list-codes                                         codes with their team, uses and state
  revoke-code ID                                     no new enrollments with this code
  list-devices                                       enrolled devices
  revoke-device ID                                   this device's token stops working (401)
  rotate-admin-token                                 a new admin token; the old one and dashboard sessions end
  export-archive [--out FILE]                         the compliance archive (policy ArchiveToEndpoint) as CSV
  block-list                                         the terms messages must not carry (block) or carry with care (warn)
  block-list block TERM…                             Copy and Open stay disabled while a message holds the term
  block-list warn TERM…                              a warning beside the term; sharing is allowed
  block-list remove TERM…                            the term is no longer marked
    (the words after the command are one term; phrases need no quotes)

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

async function blockList(db: Db, [action, ...words]: readonly string[]): Promise<void> {
  const term = words.join(' ');
  switch (action) {
    case undefined:
    case 'list':
      table(await listBlockTerms(db));
      return;
    case 'block':
    case 'warn': {
      const outcome = await setBlockTerm(db, term, action);
      if (!outcome.ok) fail(`The term was not added: ${outcome.reason}. The list is unchanged.`);
      console.log(
        `${outcome.change === 'added' ? 'Added' : 'Now'} “${outcome.entry.term}”: ${action}. Desktops get it with their next update of the kits.`,
      );
      return;
    }
    case 'remove':
      console.log(
        (await removeBlockTerm(db, term)) ? `Removed “${term.trim()}”.` : `“${term.trim()}” is not on the block list.`,
      );
      return;
    default:
      fail(`Unknown block-list action "${action}": use block, warn, remove or list.\n\n${HELP}`);
  }
}

async function run(
  db: Db,
  positionals: readonly string[],
  values: { team?: string; 'expires-in-days'?: string; out?: string },
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
    case 'export-archive': {
      const { csv, shares } = await archiveCsv(db);
      if (values.out === undefined) process.stdout.write(csv);
      else {
        await writeFile(values.out, csv, 'utf8');
        console.log(`Wrote ${plural(shares, 'archived share')} to ${values.out}.`);
      }
      return;
    }
    case 'block-list':
      await blockList(db, positionals.slice(1));
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
  options: {
    db: { type: 'string' },
    team: { type: 'string' },
    'expires-in-days': { type: 'string' },
    out: { type: 'string' },
  },
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
