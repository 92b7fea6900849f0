/**
 * An endpoint's SQLite file from before PostgreSQL support (migrations 0001-0002, the schema in
 * fixtures/endpoint-schema-0002.sql) with an organisation in use: opening it with today's code adds the
 * later migrations in place, every row of every table survives as it was, the schema ends up the same as
 * a new database's, and the endpoint goes on counting for the people and devices it already had.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventResults, Summary } from '../../common/protocol.ts';
import { hashEnrollmentCode } from '../../server/admin/enrollment-codes.ts';
import { buildServer } from '../../server/app.ts';
import { openDatabase } from '../../server/database.ts';
import { hashSecret, normalizeEnrollmentCode } from '../../server/security/secrets.ts';
import { TEST_POST_HOSTS } from '../helpers/post-hosts.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TOKEN = { ada: 'A'.repeat(43), bo: 'B'.repeat(43), cy: 'C'.repeat(43) };
const CODE = '7KQ2-M9XD-3H8T-VW4C';
const POST_1 = 'https://blog.example.com/one';
const POST_2 = 'https://blog.example.com/two';
const WEEK = '2026-03-02';
const at = (hour: number): string => `2026-03-02T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** An organisation a few days in: teams, people (a device revoked), shares, a take-back, a click, a kit, a draw. */
const ROWS: Record<string, Record<string, string | number | null>[]> = {
  organisation: [
    { id: 1, admin_token_hash: hashSecret('admin'), anonymous_leaderboard: 1, kits_version: 3, created_at: at(8) },
  ],
  teams: [
    { id: 1, name: 'Sales', name_key: 'sales' },
    { id: 2, name: 'Support', name_key: 'support' },
  ],
  people: [
    { id: 1, display_name: 'Ada', team_id: 1, shares: 2, clicks: 1, created_at: at(9) },
    { id: 2, display_name: 'Bo', team_id: 2, shares: 1, clicks: 0, created_at: at(9) },
    { id: 3, display_name: 'Cy', team_id: null, shares: 0, clicks: 0, created_at: at(9) },
  ],
  enrollment_codes: [
    {
      id: 1,
      code_hash: hashEnrollmentCode(normalizeEnrollmentCode(CODE) ?? ''),
      team_id: null,
      uses: 3,
      created_at: at(8),
      expires_at: null,
      revoked_at: null,
    },
    {
      id: 2,
      code_hash: hashEnrollmentCode('OLDCODE'),
      team_id: 1,
      uses: 0,
      created_at: at(8),
      expires_at: '2026-04-01T00:00:00.000Z',
      revoked_at: at(10),
    },
  ],
  devices: [
    {
      id: 1,
      person_id: 1,
      enrollment_code_id: 1,
      token_hash: hashSecret(TOKEN.ada),
      created_at: at(9),
      revoked_at: null,
    },
    {
      id: 2,
      person_id: 2,
      enrollment_code_id: 1,
      token_hash: hashSecret(TOKEN.bo),
      created_at: at(9),
      revoked_at: null,
    },
    {
      id: 3,
      person_id: 3,
      enrollment_code_id: 1,
      token_hash: hashSecret(TOKEN.cy),
      created_at: at(9),
      revoked_at: at(12),
    },
  ],
  share_events_unattributed: [
    {
      id: '018e0000-0000-7000-8000-000000000001',
      type: 'shared',
      post_key: POST_1,
      network: 'x',
      at: at(7),
      received_at: at(7),
    },
  ],
  share_events: [
    {
      id: '018e0000-0000-7000-8000-000000000011',
      person_id: 1,
      type: 'shared',
      post_key: POST_1,
      network: 'linkedin',
      at: at(10),
      received_at: at(10),
    },
    {
      id: '018e0000-0000-7000-8000-000000000012',
      person_id: 1,
      type: 'shared',
      post_key: POST_2,
      network: 'linkedin',
      at: at(10),
      received_at: at(10),
    },
    {
      id: '018e0000-0000-7000-8000-000000000013',
      person_id: 2,
      type: 'shared',
      post_key: POST_1,
      network: 'x',
      at: at(11),
      received_at: at(11),
    },
    {
      id: '018e0000-0000-7000-8000-000000000014',
      person_id: 3,
      type: 'shared',
      post_key: POST_2,
      network: 'x',
      at: at(11),
      received_at: at(11),
    },
    {
      id: '018e0000-0000-7000-8000-000000000015',
      person_id: 3,
      type: 'unshared',
      post_key: POST_2,
      network: 'x',
      at: at(12),
      received_at: at(12),
    },
  ],
  share_states: [
    {
      person_id: 1,
      post_key: POST_1,
      network: 'linkedin',
      last_event_id: '018e0000-0000-7000-8000-000000000011',
      shared: 1,
      shared_at: at(10),
    },
    {
      person_id: 1,
      post_key: POST_2,
      network: 'linkedin',
      last_event_id: '018e0000-0000-7000-8000-000000000012',
      shared: 1,
      shared_at: at(10),
    },
    {
      person_id: 2,
      post_key: POST_1,
      network: 'x',
      last_event_id: '018e0000-0000-7000-8000-000000000013',
      shared: 1,
      shared_at: at(11),
    },
    {
      person_id: 3,
      post_key: POST_2,
      network: 'x',
      last_event_id: '018e0000-0000-7000-8000-000000000015',
      shared: 0,
      shared_at: null,
    },
  ],
  post_stats: [
    { post_key: POST_1, shares: 2, people: 2, clicks: 1, first_seen_at: at(10) },
    { post_key: POST_2, shares: 1, people: 1, clicks: 0, first_seen_at: at(10) },
  ],
  weekly_shares: [
    { week: WEEK, team_id: 0, shares: 0 },
    { week: WEEK, team_id: 1, shares: 2 },
    { week: WEEK, team_id: 2, shares: 1 },
  ],
  tracked_links: [{ code: 'q7Xk2mP9', person_id: 1, post_key: POST_1, network: 'linkedin', created_at: at(10) }],
  clicks: [{ id: 1, code: 'q7Xk2mP9', clicked_at: at(13), visitor: 'c0ffee'.repeat(8) }],
  share_kits: [
    {
      post_key: POST_1,
      pitch: 'Our new release, in two minutes.',
      messages: JSON.stringify({ linkedin: 'Read how we did it' }),
      hashtags: JSON.stringify(['release']),
      image_url: null,
      updated_at: at(9),
    },
  ],
  admin_sessions: [{ id_hash: hashSecret('session'), csrf_token: 'csrf', expires_at: '2099-01-01T00:00:00.000Z' }],
  draws: [
    {
      id: 1,
      drawn_at: at(14),
      from_day: '2026-03-02',
      to_day: '2026-03-02',
      seed: 'seed',
      candidates: 2,
      candidates_digest: 'digest',
      winner_person_id: 2,
      winner_name: 'Bo',
    },
  ],
};

/** Columns later migrations added to old tables, as every old row has them after the upgrade. */
/** A database file as main's code left it: the old schema, then the organisation's rows. */
async function oldDatabase(path: string): Promise<void> {
  const schema = await readFile(new URL('fixtures/endpoint-schema-0002.sql', import.meta.url), 'utf8');
  const file = new SQLite(path);
  try {
    file.pragma('journal_mode = WAL');
    file.exec(schema);
    for (const [table, rows] of Object.entries(ROWS))
      for (const row of rows) {
        const columns = Object.keys(row);
        file
          .prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`)
          .run(row);
      }
  } finally {
    file.close();
  }
}

type Row = Record<string, string | number | null>;
/**
 * Columns later steps add to the rows from before them, with the values old rows get: 0005's codes
 * without a team go on letting people name theirs; those with one keep their people in it.
 */
const ADDED_LATER: Record<string, (row: Row) => Row> = {
  enrollment_codes: (row) => ({ max_uses: null, team_choice: row['team_id'] === null ? 1 : 0 }),
  devices: () => ({ enrollment_id: null, last_seen_at: null }),
  people: () => ({ deactivated_at: null }),
  share_kits: () => ({ variants: null }),
  share_events: () => ({ variant: null }),
};

/** Reads with a connection of its own, as another process would. */
function inspect<T>(path: string, read: (file: SQLite.Database) => T): T {
  const file = new SQLite(path, { readonly: true });
  try {
    return read(file);
  } finally {
    file.close();
  }
}

const rowsOf = (file: SQLite.Database, table: string): unknown[] =>
  file.prepare(`select * from ${table} order by rowid`).all();

/** Every table and index as SQL, by name; Kysely's own tables and SQLite's are left out. */
const schemaOf = (file: SQLite.Database): unknown[] =>
  file
    .prepare(
      "select type, name, sql from sqlite_master where name not like 'sqlite_%' and name not like 'kysely_%' order by name",
    )
    .all();

describe('an endpoint database from before PostgreSQL support', () => {
  it('is brought up to date in place without losing or changing a row, and the endpoint counts on with it', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const path = join(dir.path, 'endpoint.sqlite');
    await oldDatabase(path);

    const db = await openDatabase(path);
    cleanups.push(() => db.destroy());

    inspect(path, (file) => {
      for (const [table, rows] of Object.entries(ROWS))
        expect(rowsOf(file, table), table).toEqual(rows.map((row) => ({ ...row, ...ADDED_LATER[table]?.(row) })));
      expect(file.prepare('select name from kysely_migration order by name').pluck().all()).toEqual([
        '0001-share-events',
        '0002-organisation',
        '0003-job-leases',
        '0004-visitor-salts',
        '0005-enrollment-rules',
        '0006-people-admin',
        '0007-feeds-posts',
        '0009-compliance',
        '0010-websub',
        '0011-channels',
        '0012-message-variants',
        '0016-page-shares',
        '0017-conversions',
      ]);
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(file.pragma('foreign_key_check')).toEqual([]);
    });
    // The same tables, columns and indexes as a database created today: the shipped steps did not change.
    const fresh = join(dir.path, 'fresh.sqlite');
    await (await openDatabase(fresh)).destroy();
    expect(inspect(path, schemaOf)).toEqual(inspect(fresh, schemaOf));

    // Its people go on sharing with the devices they had; a revoked one stays revoked; the code still enrolls.
    const app = await buildServer({ db, postHosts: TEST_POST_HOSTS });
    cleanups.push(() => app.close());
    const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/`;
    const ada = apiAs(url, TOKEN.ada);
    const event = shareEvent({ postKey: 'https://blog.example.com/three' });
    expect((await ada.post<EventResults>('v1/events', { events: [event] })).body.results).toEqual([
      { id: event.id, status: 'created' },
    ]);
    const summary = (await ada.get<Summary>('v1/summary')).body;
    expect(summary.me).toMatchObject({ displayName: 'Ada', team: 'Sales', shares: 3, clicks: 1 });
    expect(summary.organisation).toMatchObject({ people: 2, shares: 4 });
    expect((await apiAs(url, TOKEN.cy).get('v1/summary')).status).toBe(401);
    const enrolled = await apiAs(url, null).post<{ token: string }>('v1/enroll', { code: CODE, displayName: 'Di' });
    expect(enrolled.status).toBe(200);
    // New rows are numbered after the old ones.
    expect(inspect(path, (file) => file.prepare('select id, display_name from people order by id').all())).toEqual([
      { id: 1, display_name: 'Ada' },
      { id: 2, display_name: 'Bo' },
      { id: 3, display_name: 'Cy' },
      { id: 4, display_name: 'Di' },
    ]);
  });
});
