/** Talks /v1/ to the shared endpoint. Answers are checked against the protocol schemas before use. */
import { Value } from 'typebox/value';
import type { TSchema, Static } from 'typebox';
import type { ShareEvent } from '../../common/domain.ts';
import { EventResultsSchema, SummarySchema, type EventResults, type Summary } from '../../common/protocol.ts';
import type { HttpFetch } from '../core/ports.ts';

export class EndpointError extends Error {
  override readonly name = 'EndpointError';

  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export interface EndpointClient {
  sendEvents(events: readonly ShareEvent[]): Promise<EventResults>;
  fetchSummary(): Promise<Summary>;
}

export function createEndpointClient(fetch: HttpFetch, baseUrl: string): EndpointClient {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;

  async function request<S extends TSchema>(path: string, schema: S, init?: RequestInit): Promise<Static<S>> {
    const url = new URL(path, base).href;
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (cause) {
      throw new EndpointError(`the endpoint could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`, null);
    }
    if (!response.ok) throw new EndpointError(`the endpoint answered ${String(response.status)}`, response.status);
    const body: unknown = await response.json().catch(() => undefined);
    if (!Value.Check(schema, body)) throw new EndpointError(`the endpoint's answer to ${path} has an unexpected shape`, response.status);
    return body;
  }

  return {
    sendEvents: (events) =>
      request('v1/events', EventResultsSchema, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      }),
    fetchSummary: () => request('v1/summary', SummarySchema),
  };
}
