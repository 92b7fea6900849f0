/** PATCH /v1/me over real HTTP: people rename themselves, and change team only when their code allows it. */
import { describe, expect, it } from 'vitest';
import type { ErrorBody, Me, Summary } from '../../common/protocol.ts';
import { createEnrollmentCode } from '../../server/admin/enrollment-codes.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs } from '../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest();

async function enrolled(code: string, displayName: string, team?: string) {
  const answer = await apiAs(endpoint.url, null).post<{ token: string }>('v1/enroll', { code, displayName, team });
  expect(answer.status).toBe(200);
  return apiAs(endpoint.url, answer.body.token);
}

describe('PATCH /v1/me', () => {
  it('renames the person, cleaned like at enrollment, and the summary says the new name', async () => {
    const ada = await enrolled(endpoint.enrollmentCode, 'Ada', 'Research');
    const answer = await ada.patch<Me>('v1/me', { displayName: '\u00a0Ada\u200b Lovelace ' });
    expect([answer.status, answer.body]).toEqual([200, { displayName: 'Ada Lovelace', team: 'Research' }]);
    expect((await ada.get<Summary>('v1/summary')).body.me).toMatchObject({ displayName: 'Ada Lovelace' });
  });

  it('refuses renaming to spaces or to a name disguised with bidi controls, in words, and the name stays', async () => {
    const ada = await enrolled(endpoint.enrollmentCode, 'Ada');
    const blank = await ada.patch<ErrorBody>('v1/me', { displayName: '\u3000\u00a0' });
    expect([blank.status, blank.body.message]).toEqual([
      400,
      'the display name is empty: spaces and invisible characters alone do not make a name',
    ]);
    const disguised = await ada.patch<ErrorBody>('v1/me', { displayName: '\u202eadA' });
    expect(disguised.status).toBe(400);
    expect(disguised.body.message).toContain('change the direction of text');
    expect((await ada.get<Summary>('v1/summary')).body.me.displayName).toBe('Ada');
  });

  it('changing team with a fixed-team code is refused, saying where the team comes from, and the team stays', async () => {
    const { code } = await createEnrollmentCode(endpoint.db, { team: 'Sales', expiresAt: null });
    const sam = await enrolled(code, 'Sam');
    const answer = await sam.patch<ErrorBody>('v1/me', { team: 'Board' });
    expect(answer.status).toBe(403);
    expect(answer.body.message).toBe(
      'your team (Sales) comes with the enrollment code you joined with and cannot be changed here; ask whoever gave you the code',
    );
    // Naming the team one is in is no change, and a rename sent with it goes through.
    const same = await sam.patch<Me>('v1/me', { displayName: 'Samuel', team: 'sales' });
    expect([same.status, same.body]).toEqual([200, { displayName: 'Samuel', team: 'Sales' }]);
    expect(await endpoint.db.selectFrom('teams').select('name').execute()).toEqual([{ name: 'Sales' }]);
  });

  it('moves the person to another team when their code lets people choose', async () => {
    const ada = await enrolled(endpoint.enrollmentCode, 'Ada', 'Research');
    const answer = await ada.patch<Me>('v1/me', { team: 'Support\u3000' });
    expect([answer.status, answer.body]).toEqual([200, { displayName: 'Ada', team: 'Support' }]);
    expect((await ada.get<Summary>('v1/summary')).body.me.team).toBe('Support');
    const none = await ada.patch<Me>('v1/me', { team: null });
    expect([none.status, none.body]).toEqual([200, { displayName: 'Ada', team: null }]);
  });

  it('leaving a fixed team (team null) is refused like joining another', async () => {
    const { code } = await createEnrollmentCode(endpoint.db, { team: 'Sales', expiresAt: null });
    const sam = await enrolled(code, 'Sam');
    expect((await sam.patch('v1/me', { team: null })).status).toBe(403);
    expect((await sam.get<Summary>('v1/summary')).body.me.team).toBe('Sales');
  });

  it('answers 401 without a device token and 400 to an empty or unknown change, changing nothing', async () => {
    expect((await apiAs(endpoint.url, null).patch('v1/me', { displayName: 'Mallory' })).status).toBe(401);
    const ada = await enrolled(endpoint.enrollmentCode, 'Ada');
    expect((await ada.patch('v1/me', {})).status).toBe(400);
    const unknown = await ada.patch<ErrorBody>('v1/me', { displayName: 'Ada', admin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('"admin"');
    const people = await endpoint.db.selectFrom('people').select('display_name').execute();
    expect(people).toEqual([{ display_name: 'Ada' }]);
  });
});
