/** The contest draw: among people with a standing share in the range, reproducible from its seed, recorded. */
import { describe, expect, it } from 'vitest';
import { drawWinner, listDraws } from '../../server/draws/contest-draw.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest();

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('drawWinner', () => {
  it('picks only among people who shared in the range, gives the same winner for the same seed, and records every draw', async () => {
    const names = ['Ada', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay'];
    for (const name of names)
      await apiAs(endpoint.url, await endpoint.enroll(name)).post('v1/events', {
        events: [shareEvent({ at: day(-1) })],
      });
    await apiAs(endpoint.url, await endpoint.enroll('Old')).post('v1/events', {
      events: [shareEvent({ at: day(-40) })],
    });
    const range = { from: iso(day(-7)), to: iso(day(0)) };

    const first = await drawWinner(endpoint.db, { ...range, seed: 'town-hall-2025' });
    const again = await drawWinner(endpoint.db, { ...range, seed: 'town-hall-2025' });
    expect(first.candidates).toBe(6);
    expect(names).toContain(first.winner);
    expect(again.winner).toBe(first.winner);
    expect(again.candidatesDigest).toBe(first.candidatesDigest);

    const winners = new Set<string | null>();
    for (let i = 0; i < 30; i += 1) winners.add((await drawWinner(endpoint.db, range)).winner);
    expect(winners.size).toBeGreaterThan(1);
    expect(winners.has('Old')).toBe(false);
    expect(await listDraws(endpoint.db, 100)).toHaveLength(32);
  });

  it('records a draw with no candidates as won by nobody', async () => {
    const draw = await drawWinner(endpoint.db, { from: '2020-01-01', to: '2020-01-31', seed: 'x' });
    expect(draw).toMatchObject({ candidates: 0, winner: null, seed: 'x' });
  });
});
