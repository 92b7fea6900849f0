/**
 * Cuts the outbox into requests the endpoint accepts: at most 100 events, and a body well under its
 * 64 KiB limit (a post URL may be 2,048 characters, so 100 events can exceed it).
 */
import type { ShareEvent } from '../../common/domain.ts';
import { MAX_EVENTS_PER_BATCH } from '../../common/protocol.ts';

/** Below the endpoint's 64 KiB body limit, with room for the envelope. */
export const MAX_BATCH_BYTES = 60 * 1024;
const ENVELOPE_BYTES = '{"events":[]}'.length;

const encoder = new TextEncoder();

/** The first batch of `events` to send (in order), or an empty list when there is nothing to send. */
export function nextBatch(
  events: readonly ShareEvent[],
  maxEvents = MAX_EVENTS_PER_BATCH,
  maxBytes = MAX_BATCH_BYTES,
): ShareEvent[] {
  const batch: ShareEvent[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const event of events) {
    if (batch.length >= maxEvents) break;
    const size = encoder.encode(JSON.stringify(event)).length + 1;
    // One event always goes, whatever its size: the endpoint's answer decides what becomes of it.
    if (batch.length > 0 && bytes + size > maxBytes) break;
    batch.push(event);
    bytes += size;
  }
  return batch;
}
