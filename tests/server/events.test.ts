/**
 * POST /v1/events over real HTTP on 127.0.0.1 with a real SQLite file: what is tried, and what must hold.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest();
let device: ReturnType<typeof apiAs>;

beforeEach(async () => {
  device = apiAs(endpoint.url, await endpoint.enroll('Ada'));
});

type Results = { results: { id: string; status: string; reason?: string }[] };
type ErrorBody = { message: string };

describe('POST /v1/events', () => {
  it('counts a batch sent three times exactly once, answering created then duplicate in request order', async () => {
    const batch = { events: [shareEvent(), shareEvent({ postKey: 'https://blog.example.com/b' })] };
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push((await device.post<Results>('v1/events', batch)).body);
    expect(answers[0]).toEqual({ results: batch.events.map((event) => ({ id: event.id, status: 'created' })) });
    expect(answers[1]).toEqual({ results: batch.events.map((event) => ({ id: event.id, status: 'duplicate' })) });
    expect(answers[2]).toEqual(answers[1]);
    expect(await endpoint.rows()).toHaveLength(2);
    const summary = await device.get<{ me: { shares: number } }>('v1/summary');
    expect(summary.body.me.shares).toBe(2);
  });

  it('answers an id repeated inside one batch as created, then duplicate', async () => {
    const event = shareEvent();
    const answer = await device.post<Results>('v1/events', { events: [event, event] });
    expect(answer.body.results.map((result) => result.status)).toEqual(['created', 'duplicate']);
    expect(await endpoint.rows()).toHaveLength(1);
  });

  it('rejects an id reused for a different event instead of calling it a duplicate, and keeps the first', async () => {
    const event = shareEvent();
    await device.post('v1/events', { events: [event] });
    const answer = await device.post<Results>('v1/events', { events: [{ ...event, network: 'x' }] });
    expect(answer.body.results).toEqual([
      { id: event.id, status: 'rejected', reason: 'this id was already used for a different event' },
    ]);
    expect(await endpoint.rows()).toEqual([expect.objectContaining({ id: event.id, network: 'linkedin' })]);
  });

  it("rejects the same id sent by another person: one device cannot claim or probe another's events", async () => {
    const event = shareEvent();
    await device.post('v1/events', { events: [event] });
    const other = apiAs(endpoint.url, await endpoint.enroll('Mallory'));
    const answer = await other.post<Results>('v1/events', { events: [event] });
    expect(answer.body.results[0]?.status).toBe('rejected');
  });

  it('rejects an event from a clock a day ahead, with the reason, and still stores the rest of its batch', async () => {
    const future = shareEvent({ at: new Date(Date.now() + 3 * 86_400_000) });
    const fine = shareEvent();
    const answer = await device.post<Results>('v1/events', { events: [future, fine] });
    expect(answer.status).toBe(200);
    expect(answer.body.results[0]).toMatchObject({
      id: future.id,
      status: 'rejected',
      reason: expect.stringContaining('in the future') as unknown,
    });
    expect(answer.body.results[1]).toEqual({ id: fine.id, status: 'created' });
    expect((await endpoint.rows()).map((row) => row.id)).toEqual([fine.id]);
  });

  it('rejects a time that matches the pattern but is not a real date', async () => {
    const answer = await device.post<Results>('v1/events', {
      events: [{ ...shareEvent(), at: '2024-13-45T99:00:00Z' }],
    });
    expect(answer.body.results[0]?.reason).toContain('not a real time');
  });

  it('refuses user fields in the body with a 400 that names them, and stores nothing', async () => {
    for (const field of ['displayName', 'personId', 'team', 'deviceId']) {
      const answer = await device.post<ErrorBody>('v1/events', { events: [{ ...shareEvent(), [field]: 'Mallory' }] });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain(`"${field}"`);
    }
    const topLevel = await device.post<ErrorBody>('v1/events', { events: [shareEvent()], personId: 7 });
    expect(topLevel.status).toBe(400);
    expect(topLevel.body.message).toContain('"personId"');
    expect(await endpoint.rows()).toHaveLength(0);
  });

  it('refuses a mistyped field instead of coercing it, naming where it is', async () => {
    const answer = await device.post<ErrorBody>('v1/events', { events: [{ ...shareEvent(), at: 1_700_000_000 }] });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('body.events.0.at');
  });

  it('refuses more than 100 events in one batch, and an empty batch', async () => {
    expect((await device.post('v1/events', { events: Array.from({ length: 101 }, () => shareEvent()) })).status).toBe(
      400,
    );
    expect((await device.post('v1/events', { events: [] })).status).toBe(400);
    expect(await endpoint.rows()).toHaveLength(0);
  });

  it('refuses a body that is not JSON with a 400, and keeps serving', async () => {
    expect((await device.post('v1/events', '{"events": [')).status).toBe(400);
    expect((await fetch(new URL('healthz', endpoint.url))).status).toBe(200);
  });
});
