/**
 * The endpoint's compliance archive: devices send their shares' final texts (policy ArchiveToEndpoint),
 * each stored once under the person of the device token, refused when malformed; the admin exports it as
 * CSV with `npm run server:admin -- export-archive`.
 */
import { describe, expect, it } from 'vitest';
import type { ArchiveEntry } from '../../common/protocol.ts';
import { uuidv7 } from '../../common/uuid.ts';
import { archiveCsv } from '../../server/compliance/archive-store.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs } from '../helpers/endpoint-api.ts';
import { runTsx } from '../helpers/spawn-command.ts';

const endpoint = freshEndpointPerTest();

const entry = (overrides: Partial<ArchiveEntry> = {}): ArchiveEntry => ({
  id: uuidv7(Date.parse('2026-11-25T10:00:00.000Z')),
  postKey: 'https://blog.example.com/ship-small',
  network: 'linkedin',
  at: '2026-11-25T10:00:00.000Z',
  link: 'https://advocate.example.com/r/AbCdEfGh12',
  text: 'Proud of this team, "really".\n\nhttps://advocate.example.com/r/AbCdEfGh12',
  kitVersion: 'endpoint 2026-11-20T09:00:00.000Z',
  ...overrides,
});

describe('the compliance archive at the endpoint', () => {
  it('stores each entry once, under the person of the device token', async () => {
    const ada = apiAs(endpoint.url, await endpoint.enroll('Ada'));
    const first = entry();
    const answer = await ada.post('v1/archive', { entries: [first, entry({ network: 'x' })] });
    expect(answer).toMatchObject({ status: 200, body: { stored: 2, duplicates: 0 } });
    // A retry of the same share (a lost answer) is not stored twice.
    expect((await ada.post('v1/archive', { entries: [first] })).body).toEqual({ stored: 0, duplicates: 1 });
    const { csv, shares } = await archiveCsv(endpoint.db);
    expect(shares).toBe(2);
    expect(csv.split('\r\n')[0]).toBe('time,person,network,post,link,kit version,text,share id');
    expect(csv).toContain(
      `2026-11-25T10:00:00.000Z,Ada,linkedin,https://blog.example.com/ship-small,https://advocate.example.com/r/AbCdEfGh12,endpoint 2026-11-20T09:00:00.000Z,"Proud of this team, ""really"".\n\nhttps://advocate.example.com/r/AbCdEfGh12",${first.id}`,
    );
  });

  it.each([
    ['a text past 10,000 characters', { text: 'x'.repeat(10_001) }, 'text'],
    ['an empty text', { text: '' }, 'text'],
    ['an unknown network', { network: 'myspace' }, 'network'],
    ['an id that is not a UUIDv7', { id: 'not-an-id' }, 'id'],
  ])('refuses an entry with %s, naming the field, and stores nothing', async (_case, overrides, field) => {
    const device = apiAs(endpoint.url, await endpoint.enroll());
    const refused = await device.post<{ message: string }>('v1/archive', {
      entries: [entry(), { ...entry(), ...overrides }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain(field);
    expect((await archiveCsv(endpoint.db)).shares).toBe(0);
  });

  it('refuses a call without a device token, and the admin token too', async () => {
    expect((await apiAs(endpoint.url, null).post('v1/archive', { entries: [entry()] })).status).toBe(401);
    expect((await apiAs(endpoint.url, endpoint.adminToken).post('v1/archive', { entries: [entry()] })).status).toBe(
      401,
    );
  });

  it('is exported by the admin command, to standard output or a file', { timeout: 60_000 }, async () => {
    await apiAs(endpoint.url, await endpoint.enroll('Ada')).post('v1/archive', { entries: [entry()] });
    const printed = await runTsx('server/admin-cli.ts', ['export-archive', '--db', endpoint.location]);
    expect(printed.code).toBe(0);
    expect(printed.output).toContain(',Ada,linkedin,');
    const file = `${endpoint.dir}/archive.csv`;
    const written = await runTsx('server/admin-cli.ts', ['export-archive', '--out', file, '--db', endpoint.location]);
    expect(written.output).toContain(`Wrote 1 archived share to ${file}.`);
  });
});
