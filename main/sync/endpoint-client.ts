/** Talks /v1/ to the shared endpoint. Answers are checked against the protocol schemas before use. */
import { Value } from 'typebox/value';
import type { TSchema, Static } from 'typebox';
import type { ShareEvent } from '../../common/domain.ts';
import {
  EnrollResponseSchema,
  EventResultsSchema,
  SummarySchema,
  type EnrollRequest,
  type EnrollResponse,
  type EventResults,
  type Summary,
} from '../../common/protocol.ts';
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

/** A device token from an earlier enrollment, or a code to enroll with on first use. */
export type EndpointCredentials = { readonly token: string } | { readonly enrollment: EnrollRequest };

export interface EndpointClient {
  enroll(request: EnrollRequest): Promise<EnrollResponse>;
  sendEvents(events: readonly ShareEvent[]): Promise<EventResults>;
  fetchSummary(): Promise<Summary>;
}

export function createEndpointClient(fetch: HttpFetch, baseUrl: string, credentials: EndpointCredentials | null = null): EndpointClient {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  let token: Promise<string> | null = credentials && 'token' in credentials ? Promise.resolve(credentials.token) : null;

  async function request<S extends TSchema>(path: string, schema: S, init?: RequestInit): Promise<Static<S>> {
    const url = new URL(path, base).href;
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (cause) {
      throw new EndpointError(`the endpoint could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`, null);
    }
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => undefined);
      const message = (body as { message?: unknown } | undefined)?.message;
      throw new EndpointError(`the endpoint answered ${String(response.status)}${typeof message === 'string' ? `: ${message}` : ''}`, response.status);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!Value.Check(schema, body)) throw new EndpointError(`the endpoint's answer to ${path} has an unexpected shape`, response.status);
    return body;
  }

  const enroll = (enrollment: EnrollRequest): Promise<EnrollResponse> =>
    request('v1/enroll', EnrollResponseSchema, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(enrollment) });

  /** The Authorization header, enrolling once first when all we have is a code. */
  async function authorization(): Promise<Record<string, string>> {
    if (token === null && credentials && 'enrollment' in credentials) {
      const enrolling = enroll(credentials.enrollment).then((answer) => answer.token);
      token = enrolling;
      // A failed enrollment is tried again on the next call rather than remembered.
      enrolling.catch(() => {
        if (token === enrolling) token = null;
      });
    }
    return token === null ? {} : { authorization: `Bearer ${await token}` };
  }

  return {
    enroll,
    sendEvents: async (events) =>
      request('v1/events', EventResultsSchema, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await authorization()) },
        body: JSON.stringify({ events }),
      }),
    fetchSummary: async () => request('v1/summary', SummarySchema, { headers: await authorization() }),
  };
}
