/** Enrollment and device authentication, over real HTTP with a real database file. */
import { beforeEach, describe, expect, it } from 'vitest';
import { listDevices, revokeDevice } from '../../server/admin/devices.ts';
import { createEnrollmentCode, revokeEnrollmentCode } from '../../server/admin/enrollment-codes.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest();
let anonymous: ReturnType<typeof apiAs>;

beforeEach(() => {
  anonymous = apiAs(endpoint.url, null);
});

type Enrolled = { token: string; displayName: string; team: string | null };
type ErrorBody = { statusCode: number; message: string };
type Me = { me: { displayName: string; team: string | null } };

describe('POST /v1/enroll', () => {
  it('gives a 43-character token, stores only its hash, and the token names the person', async () => {
    const answer = await anonymous.post<Enrolled>('v1/enroll', {
      code: endpoint.enrollmentCode,
      displayName: ' Ada Lovelace ',
      team: 'Research',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
      displayName: 'Ada Lovelace',
      team: 'Research',
    });
    const stored = await endpoint.db.selectFrom('devices').select('token_hash').execute();
    expect(stored).toEqual([{ token_hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown }]);
    expect(JSON.stringify(stored)).not.toContain(answer.body.token);
    const me = await apiAs(endpoint.url, answer.body.token).get<Me>('v1/summary');
    expect(me.body.me).toMatchObject({ displayName: 'Ada Lovelace', team: 'Research' });
  });

  it('accepts a code typed in lower case, with spaces, O for 0 and I or L for 1', async () => {
    const typed = endpoint.enrollmentCode.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect((await anonymous.post('v1/enroll', { code: typed, displayName: 'Typist' })).status).toBe(200);
  });

  it("keeps people in the code's team, ignoring the one they name, unless the code lets them choose", async () => {
    const fixed = await createEnrollmentCode(endpoint.db, { team: 'Sales', expiresAt: null });
    const sam = await anonymous.post<Enrolled>('v1/enroll', { code: fixed.code, displayName: 'Sam' });
    expect(sam.body.team).toBe('Sales');
    const kim = await anonymous.post<Enrolled>('v1/enroll', { code: fixed.code, displayName: 'Kim', team: 'Support' });
    expect([kim.status, kim.body.team]).toEqual([200, 'Sales']);

    const choice = await createEnrollmentCode(endpoint.db, { team: 'Sales', expiresAt: null, teamChoice: true });
    expect((await anonymous.post<Enrolled>('v1/enroll', { code: choice.code, displayName: 'Lee' })).body.team).toBe(
      'Sales',
    );
    expect(
      (await anonymous.post<Enrolled>('v1/enroll', { code: choice.code, displayName: 'Max', team: 'sales ' })).body
        .team,
    ).toBe('Sales');
    expect(
      (await anonymous.post<Enrolled>('v1/enroll', { code: choice.code, displayName: 'Ned', team: 'Support' })).body
        .team,
    ).toBe('Support');
  });

  it('refuses an unknown, malformed, expired or revoked code with a 403 that says which', async () => {
    const cases: [string, string][] = [
      ['ZZZZ-ZZZZ-ZZZZ-ZZZZ', 'not known here'],
      ['hello', 'not an enrollment code'],
      [
        (await createEnrollmentCode(endpoint.db, { team: null, expiresAt: new Date(Date.now() - 1000) })).code,
        'expired on',
      ],
    ];
    const revoked = await createEnrollmentCode(endpoint.db, { team: null, expiresAt: null });
    await revokeEnrollmentCode(endpoint.db, revoked.id);
    cases.push([revoked.code, 'was revoked']);
    for (const [code, reason] of cases) {
      const answer = await anonymous.post<ErrorBody>('v1/enroll', { code, displayName: 'Eve' });
      expect(answer.status, code).toBe(403);
      expect(answer.body.message).toContain(reason);
    }
    expect(await listDevices(endpoint.db)).toEqual([]);
  });

  it('refuses a display name with control or bidi-override characters, and unknown fields', async () => {
    expect(
      (await anonymous.post('v1/enroll', { code: endpoint.enrollmentCode, displayName: 'Ada\u202eecafrus' })).status,
    ).toBe(400);
    expect(
      (await anonymous.post('v1/enroll', { code: endpoint.enrollmentCode, displayName: 'Ada\u0000' })).status,
    ).toBe(400);
    const extra = await anonymous.post<ErrorBody>('v1/enroll', {
      code: endpoint.enrollmentCode,
      displayName: 'Ada',
      admin: true,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toContain('"admin"');
  });
});

describe('device authentication', () => {
  const batch = () => ({ events: [shareEvent()] });

  it('answers 401 with no token, a malformed one, an unknown one, and the admin token', async () => {
    const tokens = [null, 'not-a-token', 'A'.repeat(43), endpoint.adminToken];
    for (const token of tokens) {
      const answer = await apiAs(endpoint.url, token).post<ErrorBody>('v1/events', batch());
      expect(answer.status, String(token)).toBe(401);
      expect(answer.headers.get('www-authenticate')).toContain('Bearer');
      expect((await apiAs(endpoint.url, token).get('v1/summary')).status).toBe(401);
    }
    expect(await endpoint.rows()).toHaveLength(0);
  });

  it('answers 401 before reading the body: an unknown caller learns nothing about the schema', async () => {
    const answer = await anonymous.post<ErrorBody>('v1/events', { nonsense: true });
    expect(answer.status).toBe(401);
  });

  it('answers 401 to a revoked device, saying so, while other devices keep working', async () => {
    const revokedToken = await endpoint.enroll('Leaver');
    const stayingToken = await endpoint.enroll('Stayer');
    const [leaver] = await listDevices(endpoint.db);
    if (!leaver) throw new Error('no device');
    await revokeDevice(endpoint.db, leaver.id);
    const answer = await apiAs(endpoint.url, revokedToken).post<ErrorBody>('v1/events', batch());
    expect(answer.status).toBe(401);
    expect(answer.body.message).toContain('revoked');
    expect((await apiAs(endpoint.url, stayingToken).post('v1/events', batch())).status).toBe(200);
  });

  it('keeps devices enrolled with a code working after the code is revoked', async () => {
    const token = await endpoint.enroll('Early');
    const codes = await endpoint.db.selectFrom('enrollment_codes').select('id').execute();
    for (const { id } of codes) await revokeEnrollmentCode(endpoint.db, id);
    expect((await apiAs(endpoint.url, token).post('v1/events', batch())).status).toBe(200);
  });
});
