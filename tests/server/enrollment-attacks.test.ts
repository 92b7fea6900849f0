/**
 * Issue 16, holes 3, 4 and 7, tried over real HTTP (SQLite here, PostgreSQL in node-postgres): names
 * made of spaces or invisible characters, enrollment retried after a lost answer, and one code used to
 * make unlimited people in any team. Each refusal is in words, and a refused enrollment stores nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createEnrollmentCode } from '../../server/admin/enrollment-codes.ts';
import { revokeDevice } from '../../server/admin/devices.ts';
import type { EnrollResponse, ErrorBody } from '../../common/protocol.ts';
import { uuidv7 } from '../../common/uuid.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest();
let anonymous: ReturnType<typeof apiAs>;

beforeEach(() => {
  anonymous = apiAs(endpoint.url, null);
});

/** What enrolling may leave behind: people, devices, and the uses counted on each code. */
async function stored() {
  const people = await endpoint.db.selectFrom('people').select(['display_name', 'team_id']).orderBy('id').execute();
  const devices = await endpoint.db.selectFrom('devices').select(['id', 'person_id']).orderBy('id').execute();
  const uses = await endpoint.db.selectFrom('enrollment_codes').select('uses').orderBy('id').execute();
  return { people, devices, uses: uses.map((row) => row.uses) };
}

const enroll = (body: object) =>
  anonymous.post<EnrollResponse & ErrorBody>('v1/enroll', { code: endpoint.enrollmentCode, ...body });

describe('hole 3: names of spaces and invisible characters', () => {
  it('refuses a team of plain, no-break or ideographic spaces in words, retried three times, storing nothing', async () => {
    for (const team of [' ', '\u00a0\u00a0', '\u3000', ' \u200b\u00a0\t']) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const answer = await enroll({ displayName: 'Ada', team });
        expect(answer.status, JSON.stringify(team)).toBe(400);
        expect(answer.body.message).toBe('the team is empty: spaces and invisible characters alone do not make a name');
      }
    }
    // What must hold: no orphan person, no device, no use of the code.
    expect(await stored()).toEqual({ people: [], devices: [], uses: [0] });
  });

  it('refuses a display name of no-break spaces instead of storing it empty', async () => {
    const answer = await enroll({ displayName: '\u00a0\u3000\u00a0' });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('the display name is empty');
    expect((await stored()).people).toEqual([]);
  });

  it('removes zero-width characters, so "Ad\\u200ba" is stored as the Ada it looks like, and folds odd spaces', async () => {
    const answer = await enroll({
      displayName: '\ufeffAd\u200ba\u00a0\u2060Love\u200clace\u200d',
      team: 'Re\u200bsearch\u3000',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ displayName: 'Ada Lovelace', team: 'Research' });
    const [person] = (await stored()).people;
    expect(person?.display_name).toBe('Ada Lovelace');
    const teams = await endpoint.db.selectFrom('teams').select(['name', 'name_key']).execute();
    expect(teams).toEqual([{ name: 'Research', name_key: 'research' }]);
  });

  it('refuses bidi controls in a display name or a team, saying why, and stores nothing', async () => {
    for (const disguise of ['Ada\u202eecafrus', '\u2067Ada\u2069', 'Ada\u200f', 'Ada\u061c']) {
      const asName = await enroll({ displayName: disguise });
      expect(asName.status, JSON.stringify(disguise)).toBe(400);
      expect(asName.body.message).toContain('the display name contains invisible characters that change the direction');
      const asTeam = await enroll({ displayName: 'Ada', team: disguise });
      expect(asTeam.status).toBe(400);
      expect(asTeam.body.message).toContain('the team contains invisible characters that change the direction');
    }
    expect(await stored()).toEqual({ people: [], devices: [], uses: [0] });
  });

  it('refuses a name longer than 80 characters once cleaned, and accepts one that fits after cleaning', async () => {
    const long = await enroll({ displayName: 'A'.repeat(81) });
    expect([long.status, long.body.message]).toEqual([400, 'the display name must be at most 80 characters']);
    const padded = await enroll({ displayName: `  ${'B'.repeat(80)}\u200b\u200b  ` });
    expect(padded.status).toBe(200);
  });
});

describe('hole 4: enrolling again after a lost answer', () => {
  it('a lost answer retried with the same enrollment id: one person, the old token refused, the new one works', async () => {
    const enrollmentId = uuidv7();
    const lost = await enroll({ displayName: 'Ada', team: 'Research', enrollmentId });
    const retried = await enroll({ displayName: 'Ada', team: 'Research', enrollmentId });
    expect([lost.status, retried.status]).toEqual([200, 200]);
    expect(retried.body).toMatchObject({ displayName: 'Ada', team: 'Research' });
    expect(retried.body.token).not.toBe(lost.body.token);

    const after = await stored();
    expect(after.people).toHaveLength(1);
    expect(after.devices).toHaveLength(1);
    expect(after.uses).toEqual([1]);
    const batch = { events: [shareEvent()] };
    const old = await apiAs(endpoint.url, lost.body.token).post<ErrorBody>('v1/events', batch);
    expect(old.status).toBe(401);
    expect((await apiAs(endpoint.url, retried.body.token).post('v1/events', batch)).status).toBe(200);
  });

  it('retries that overtake their first try (sent at once, as through a proxy that gave up): one person', async () => {
    const enrollmentId = uuidv7();
    const answers = await Promise.all(Array.from({ length: 4 }, () => enroll({ displayName: 'Ada', enrollmentId })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(await stored()).toMatchObject({ uses: [1] });
    expect((await stored()).people).toHaveLength(1);
    // Only the token given last works: each answer replaced the one before.
    const works = await Promise.all(
      answers.map(async (answer) => (await apiAs(endpoint.url, answer.body.token).get('v1/summary')).status),
    );
    expect(works.filter((status) => status === 200)).toHaveLength(1);
  });

  it('two desktops with their own enrollment ids are two people', async () => {
    await enroll({ displayName: 'Ada', enrollmentId: uuidv7() });
    await enroll({ displayName: 'Ada', enrollmentId: uuidv7() });
    expect((await stored()).people).toHaveLength(2);
  });

  it('an enrollment id replayed with another code gets no device back and makes no second person', async () => {
    const enrollmentId = uuidv7();
    const first = await enroll({ displayName: 'Ada', enrollmentId });
    const other = await createEnrollmentCode(endpoint.db, { team: null, expiresAt: null });
    const replay = await anonymous.post<ErrorBody>('v1/enroll', { code: other.code, displayName: 'Eve', enrollmentId });
    expect(replay.status).toBe(409);
    expect(replay.body.message).toContain('started with another enrollment code');
    expect((await stored()).people).toEqual([{ display_name: 'Ada', team_id: null }]);
    expect((await apiAs(endpoint.url, first.body.token).get('v1/summary')).status).toBe(200);
  });

  it('an enrollment id whose device was revoked does not bring the device back', async () => {
    const enrollmentId = uuidv7();
    await enroll({ displayName: 'Leaver', enrollmentId });
    const [device] = (await stored()).devices;
    await revokeDevice(endpoint.db, device?.id ?? 0);
    const again = await enroll({ displayName: 'Leaver', enrollmentId });
    expect(again.status).toBe(403);
    expect(again.body.message).toContain('removed from the endpoint');
    expect((await stored()).people).toHaveLength(1);
  });

  it('refuses an enrollment id that is not a UUIDv7, naming the field', async () => {
    const answer = await enroll({ displayName: 'Ada', enrollmentId: 'same-every-time' });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('enrollmentId');
    expect((await stored()).people).toEqual([]);
  });
});

describe('hole 7: one code making unlimited people in any team', () => {
  it('a code with at most 2 uses enrolls two people and refuses the third in words', async () => {
    const { code } = await createEnrollmentCode(endpoint.db, { team: null, expiresAt: null, maxUses: 2 });
    const answers = [];
    for (const displayName of ['One', 'Two', 'Three'])
      answers.push(await anonymous.post<ErrorBody>('v1/enroll', { code, displayName }));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 403]);
    expect(answers[2]?.body.message).toBe(
      'this enrollment code has been used the 2 times it allows; ask for a new one',
    );
    expect((await stored()).uses).toEqual([0, 2]);
  });

  it('six enrollments racing for a code with 3 uses: exactly 3 people, 3 uses', async () => {
    const { code } = await createEnrollmentCode(endpoint.db, { team: null, expiresAt: null, maxUses: 3 });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        anonymous.post('v1/enroll', { code, displayName: `Racer ${String(index)}` }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 403)).toHaveLength(3);
    const after = await stored();
    expect(after.people).toHaveLength(3);
    expect(after.uses).toEqual([0, 3]);
  });

  it('a retried enrollment does not spend another use of a limited code', async () => {
    const { code } = await createEnrollmentCode(endpoint.db, { team: null, expiresAt: null, maxUses: 1 });
    const enrollmentId = uuidv7();
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect((await anonymous.post('v1/enroll', { code, displayName: 'Ada', enrollmentId })).status).toBe(200);
    expect((await stored()).uses).toEqual([0, 1]);
  });

  it('a code without a team or a choice enrolls people without a team, whatever team they name', async () => {
    const { code } = await createEnrollmentCode(endpoint.db, { team: null, expiresAt: null });
    const answer = await anonymous.post<EnrollResponse>('v1/enroll', {
      code,
      displayName: 'Ada',
      team: 'Board of directors',
    });
    expect([answer.status, answer.body.team]).toEqual([200, null]);
    expect(await endpoint.db.selectFrom('teams').select('name').execute()).toEqual([]);
  });
});
