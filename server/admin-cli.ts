/**
 * `npm run server:admin -- <command>`: people, enrollment codes, devices, the admin token and feeds, on the
 * endpoint's database (the endpoint may be running; SQLite's WAL lets both work on the file). Changes
 * to people, codes and devices go to the action log as made from the command line.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { listActions, type Actor } from './admin/action-log.ts';
import { listDevices } from './admin/devices.ts';
import { listEnrollmentCodes } from './admin/enrollment-codes.ts';
import { createCodeAs, revokeCodeAs, revokeDeviceAs } from './admin/logged-actions.ts';
import { mergePeople } from './admin/merge-people.ts';
import { rotateAdminToken } from './admin/organisation.ts';
import { changeTeam, listPeople, renamePerson, setPersonActive, type ChangeOutcome } from './admin/people.ts';
import { databaseLocation, openDatabaseOrExit } from './cli-options.ts';
import { plural } from '../common/plural.ts';
import { archiveCsv } from './compliance/archive-store.ts';
import { listBlockTerms, removeBlockTerm, setBlockTerm } from './compliance/block-list-store.ts';
import { createSiteKey, listSiteKeys, revokeSiteKey } from './conversions/site-keys.ts';
import type { Db } from './database.ts';
import { PERSONAL_LINK_DAYS, sharePageLink } from './share-page/share-page-link.ts';
import { runFeedCommand } from './feeds/feed-commands.ts';
import { runChannelCommand } from './channels/channel-commands.ts';

const HELP = `Usage: npm run server:admin -- <command> [options] [--db PATH | --db postgres://…]

  create-code [--team NAME] [--team-choice] [--max-uses N] [--expires-in-days N]
                                                     a new enrollment code (printed once). Its people are
                                                     in team NAME (none without --team) and cannot pick
                                                     another, unless --team-choice lets them name theirs
                                                     (NAME is then for those who name none); --max-uses
                                                     ends it after N enrollments
  list-codes                                         codes with their team, uses and state
  revoke-code ID                                     no new enrollments with this code
  list-devices                                       enrolled devices
  revoke-device ID                                   this device's token stops working (401)
  list-people                                        people with team, devices, shares, last seen, state
  list-enrollments                                   the newest enrollments: who, when, with which code
  rename-person ID NAME                              a new display name
  set-team ID [TEAM]                                 a new team (none without TEAM)
  deactivate-person ID                               their devices are refused; off the leaderboard
  reactivate-person ID                               their devices work again
  merge-people KEEP_ID REMOVE_ID                     one human enrolled twice: everything moves to KEEP_ID
  list-actions                                       the admin action log, newest first
  rotate-admin-token                                 a new admin token; the old one and dashboard sessions end
  add-feed URL                                       check the feed (or find it behind a web page) and poll it
  remove-feed URL                                    stop polling it; its posts are no longer served
  list-feeds                                         the feeds with when they were read, what is next, problems
  new-ping-secret URL                                a new secret for the feed's ping URL (printed once)
  share-page-link URL [--person ID] [--expires-in-days N] [--public-url URL]
                                                     the address of the post's share page, for people
                                                     without the app: for a channel, or --person's own
                                                     (their marks count as theirs; 14 days unless N)
  new-site-key ORIGIN…                               a key for POST /v1/conversions from landing pages on
                                                     these origins (https://www.example.com; printed once)
  list-site-keys                                     the site keys with their origins
  revoke-site-key ID                                 its pages' conversions are refused from now on
  add-channel KIND URL NAME [--teams A,B]            a Slack, Teams or webhook channel (KIND slack, teams or
                                                     webhook) that gets each new post once; a webhook's
                                                     signing key is printed once. --allow-local-channels
                                                     (tests and development only) lets it post to http://
                                                     and to this machine
  remove-channel ID                                  nothing more is sent to it
  list-channels                                      channels with what was sent, waiting and stopped (and why)
  export-archive [--out FILE]                         the compliance archive (policy ArchiveToEndpoint) as CSV
  block-list                                         the terms messages must not carry (block) or carry with care (warn)
  block-list block TERM…                             Copy and Open stay disabled while a message holds the term
  block-list warn TERM…                              a warning beside the term; sharing is allowed
  block-list remove TERM…                            the term is no longer marked
    (the words after the command are one term; phrases need no quotes)

add-feed reads the feed once over the network from this machine, as the endpoint will.
--public-url defaults to ADVOCATE_PUBLIC_URL, as for the endpoint.
add-channel checks the address: https only, Slack's on hooks.slack.com, Teams' Workflows on logic.azure.com or powerplatform.com.
--db defaults to ADVOCATE_DB, then DATABASE_URL, then .advocate-data/endpoint.sqlite.`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const ACTOR: Actor = 'command line';
const LIST_LIMIT = 200;

function idArgument(positionals: readonly string[], at = 1): number {
  const id = Number(positionals[at]);
  if (!Number.isInteger(id) || id <= 0)
    fail(`${positionals[0] ?? ''} needs the id shown by the list command, got ${String(positionals[at])}`);
  return id;
}

/** Prints what happened, or the reason nothing did (and exits 1). */
function report(outcome: ChangeOutcome): void {
  if (outcome.ok) console.log(outcome.message);
  else {
    console.error(outcome.reason);
    process.exitCode = 1;
  }
}

const table = (rows: readonly object[]): void => {
  if (rows.length === 0) console.log('(none)');
  else console.table(rows);
};

type Values = {
  team?: string;
  'team-choice'?: boolean;
  'max-uses'?: string;
  'expires-in-days'?: string;
  out?: string;
  person?: string;
  'public-url'?: string;
  teams?: string;
  'allow-local-channels'?: boolean;
};

/** A whole number above 0 from an option, or null when it was not given. */
function countOption(values: Values, option: 'max-uses' | 'expires-in-days', what: string): number | null {
  const text = values[option];
  if (text === undefined) return null;
  const count = Number(text);
  if (!Number.isInteger(count) || count <= 0) fail(`--${option} must be a whole number of ${what}, got ${text}`);
  return count;
}

async function createCode(db: Db, values: Values): Promise<void> {
  const days = countOption(values, 'expires-in-days', 'days');
  const maxUses = countOption(values, 'max-uses', 'enrollments');
  const expiresAt = days === null ? null : new Date(Date.now() + days * 86_400_000);
  const teamChoice = values['team-choice'] === true;
  const { id, code } = await createCodeAs(db, { team: values.team ?? null, expiresAt, maxUses, teamChoice }, ACTOR);
  const rules = [
    values.team === undefined ? 'no team' : `team ${values.team}`,
    teamChoice ? 'people may name their own team' : 'people cannot choose another team',
    maxUses === null ? 'no limit of uses' : `at most ${String(maxUses)} enrollments`,
    ...(expiresAt ? [`expires ${expiresAt.toISOString().slice(0, 10)}`] : []),
  ];
  console.log(`Enrollment code ${String(id)}: ${code} (${rules.join('; ')})`);
}

async function printSharePageLink(db: Db, postUrl: string | undefined, values: Values): Promise<void> {
  if (postUrl === undefined) fail("share-page-link needs the post's address, as list-feeds' posts have it");
  const publicUrl = values['public-url'] ?? process.env['ADVOCATE_PUBLIC_URL'];
  if (publicUrl === undefined || !/^https?:\/\/[^/]+/.test(publicUrl))
    fail('share-page-link needs --public-url (or ADVOCATE_PUBLIC_URL): the address people reach the endpoint at');
  const personId = values.person === undefined ? null : Number(values.person);
  if (personId !== null && (!Number.isInteger(personId) || personId <= 0))
    fail(`--person needs the id list-people shows, got ${String(values.person)}`);
  const days = countOption(values, 'expires-in-days', 'days') ?? PERSONAL_LINK_DAYS;
  const outcome = await sharePageLink(db, {
    postUrl,
    publicUrl: publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`,
    ...(personId === null ? {} : { person: { id: personId, expiresAt: new Date(Date.now() + days * 86_400_000) } }),
  });
  if (!outcome.ok) fail(`No link: ${outcome.reason}.`);
  console.log(outcome.link);
}

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

async function run(db: Db, positionals: readonly string[], values: Values): Promise<void> {
  const command = positionals[0];
  switch (command) {
    case 'create-code':
      await createCode(db, values);
      return;
    case 'list-codes':
      table(await listEnrollmentCodes(db));
      return;
    case 'revoke-code':
      console.log(
        (await revokeCodeAs(db, idArgument(positionals), ACTOR))
          ? 'Code revoked.'
          : 'No such code, or it was already revoked.',
      );
      return;
    case 'list-devices':
      table(await listDevices(db));
      return;
    case 'revoke-device':
      console.log(
        (await revokeDeviceAs(db, idArgument(positionals), ACTOR)) !== null
          ? 'Device revoked.'
          : 'No such device, or it was already revoked.',
      );
      return;
    case 'list-people':
      table(await listPeople(db));
      return;
    case 'list-enrollments':
      table(await listDevices(db, { newestFirst: true, limit: LIST_LIMIT }));
      return;
    case 'rename-person':
      report(await renamePerson(db, idArgument(positionals), positionals.slice(2).join(' '), ACTOR));
      return;
    case 'set-team':
      report(await changeTeam(db, idArgument(positionals), positionals.slice(2).join(' '), ACTOR));
      return;
    case 'deactivate-person':
    case 'reactivate-person':
      report(await setPersonActive(db, idArgument(positionals), command === 'reactivate-person', ACTOR));
      return;
    case 'merge-people':
      report(await mergePeople(db, { keep: idArgument(positionals), remove: idArgument(positionals, 2) }, ACTOR));
      return;
    case 'list-actions':
      table(await listActions(db, LIST_LIMIT));
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
    case 'new-site-key': {
      const outcome = await createSiteKey(db, positionals.slice(1));
      if (!outcome.ok) fail(`No key was made: ${outcome.reason}.`);
      console.log(
        `Site key ${String(outcome.id)}: ${outcome.key}\n(shown only now: put it in the landing pages' snippet, docs/endpoint.md "Leads")`,
      );
      return;
    }
    case 'list-site-keys':
      table(await listSiteKeys(db));
      return;
    case 'revoke-site-key':
      console.log(
        (await revokeSiteKey(db, idArgument(positionals)))
          ? 'Revoked: conversions with this key are refused from now on.'
          : 'No such site key, or it was already revoked.',
      );
      return;
    case 'share-page-link':
      await printSharePageLink(db, positionals[1], values);
      return;
    case 'add-channel':
    case 'remove-channel':
    case 'list-channels':
      await runChannelCommand(db, command, positionals.slice(1), {
        ...(values.teams === undefined ? {} : { teams: values.teams }),
        allowLocal: values['allow-local-channels'] === true,
      });
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
    'team-choice': { type: 'boolean' },
    'max-uses': { type: 'string' },
    'expires-in-days': { type: 'string' },
    out: { type: 'string' },
    person: { type: 'string' },
    'public-url': { type: 'string' },
    teams: { type: 'string' },
    'allow-local-channels': { type: 'boolean' },
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
