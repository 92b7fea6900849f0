/** Batches the endpoint accepts: at most 100 events and under its 64 KiB body limit, in outbox order. */
import { describe, expect, it } from 'vitest';
import type { ShareEvent } from '../../../common/domain.ts';
import { uuidv7 } from '../../../common/uuid.ts';
import { MAX_BATCH_BYTES, nextBatch } from '../../../main/sync/event-batches.ts';

const event = (postKey = 'https://blog.example.com/a'): ShareEvent => ({
  id: uuidv7(),
  type: 'shared',
  postKey,
  network: 'x',
  at: '2026-03-02T09:00:00.000Z',
});

describe('nextBatch', () => {
  it('takes the first 100 events in order, and nothing from an empty outbox', () => {
    const events = Array.from({ length: 250 }, () => event());
    expect(nextBatch(events)).toEqual(events.slice(0, 100));
    expect(nextBatch(events.slice(200))).toEqual(events.slice(200));
    expect(nextBatch([])).toEqual([]);
  });

  it('stops before the body would pass the limit when post URLs are long', () => {
    const long = `https://blog.example.com/${'a'.repeat(2000)}`;
    const events = Array.from({ length: 100 }, () => event(long));
    const batch = nextBatch(events);
    expect(batch.length).toBeLessThan(100);
    expect(new TextEncoder().encode(JSON.stringify({ events: batch })).length).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    expect(batch).toEqual(events.slice(0, batch.length));
  });

  it('still sends a single event larger than the limit, for the endpoint to rule on', () => {
    const huge = event(`https://blog.example.com/${'a'.repeat(70_000)}`);
    expect(nextBatch([huge, event()])).toEqual([huge]);
  });
});
