/**
 * Talks /v1/ to the shared endpoint for one device token. Answers are checked against the protocol
 * schemas before use; failures become an EndpointError that says whether the endpoint was reached at
 * all, what it answered and when it asked to be tried again.
 */
import { Value } from 'typebox/value';
import type { TSchema, Static } from 'typebox';
import type { ShareEvent } from '../../common/domain.ts';
import {
  EnrollResponseSchema,
  EventResultsSchema,
  ArchiveResultSchema,
  KitsResponseSchema,
  LinksResponseSchema,
  PostsResponseSchema,
  MeSchema,
  SummarySchema,
  type EnrollRequest,
  type EnrollResponse,
  type EventResults,
  type ArchiveEntry,
  type ArchiveResult,
  type KitsResponse,
  type LinksRequest,
  type LinksResponse,
  type PostsResponse,
  type Me,
  type MeUpdate,
  type Summary,
} from '../../common/protocol.ts';
import type { SyncProblem } from '../../common/messages.ts';
import type { HttpFetch } from '../core/ports.ts';

export class EndpointError extends Error {
  override readonly name = 'EndpointError';

  /** What the person is told (common/messages.ts); the message itself, with its details, is for the log. */
  readonly problem: SyncProblem;

  constructor(
    message: string,
    /** The HTTP status, or null when no answer came (offline, refused, timed out). */
    readonly status: number | null,
    /** The Retry-After header as sent. */
    readonly retryAfter: string | null = null,
    /** Set when the answer came but could not be read. */
    unreadable = false,
  ) {
    super(message);
    this.problem = unreadable
      ? 'unreadable-answer'
      : status === null
        ? 'unreachable'
        : status === 429 || status === 503
          ? 'busy'
          : 'endpoint-error';
  }
}

/** A conditional GET's outcome: unchanged since the ETag we sent, or a new body and its ETag. */
export type Conditional<T> =
  { readonly changed: false } | { readonly changed: true; readonly body: T; readonly etag: string | null };

export interface EndpointClient {
  enroll(request: EnrollRequest): Promise<EnrollResponse>;
  /** PATCH /v1/me: the person's display name or team, changed after enrolling. */
  updateMe(token: string, update: MeUpdate): Promise<Me>;
  sendEvents(token: string, events: readonly ShareEvent[]): Promise<EventResults>;
  sendArchive(token: string, entries: readonly ArchiveEntry[]): Promise<ArchiveResult>;
  fetchSummary(token: string, etag: string | null): Promise<Conditional<Summary>>;
  fetchKits(token: string, etag: string | null): Promise<Conditional<KitsResponse>>;
  trackedLinks(token: string, request: LinksRequest, timeoutMs?: number): Promise<LinksResponse>;
  /** The organisation's posts added or changed after `since` (all of them without). */
  fetchPosts(token: string, since: string | null, etag: string | null): Promise<Conditional<PostsResponse>>;
}

/** No call may hang the outbox: a silent endpoint counts as unreachable after this long. */
const REQUEST_TIMEOUT_MS = 30_000;

const describeCause = (cause: unknown): string => {
  const inner = cause instanceof Error && cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return cause instanceof Error ? `${cause.message}${inner}` : String(cause);
};

export function createEndpointClient(fetch: HttpFetch, baseUrl: string): EndpointClient {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;

  async function send(path: string, init: RequestInit, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(new URL(path, base).href, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      throw new EndpointError(`the endpoint could not be reached (${describeCause(cause)})`, null);
    }
    if (response.ok || response.status === 304) return response;
    const body: unknown = await response.json().catch(() => undefined);
    const message = (body as { message?: unknown } | undefined)?.message;
    throw new EndpointError(
      `the endpoint answered ${String(response.status)}${typeof message === 'string' ? `: ${message}` : ''}`,
      response.status,
      response.headers.get('retry-after'),
    );
  }

  async function read<S extends TSchema>(path: string, schema: S, response: Response): Promise<Static<S>> {
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new EndpointError(
        `the endpoint's answer to ${path} was cut short or not JSON (${describeCause(cause)})`,
        null,
        null,
        true,
      );
    }
    if (!Value.Check(schema, body))
      throw new EndpointError(`the endpoint's answer to ${path} has an unexpected shape`, response.status, null, true);
    return body;
  }

  const withBody = async <S extends TSchema>(
    method: 'POST' | 'PATCH',
    path: string,
    schema: S,
    body: unknown,
    token: string | null,
    timeoutMs?: number,
  ): Promise<Static<S>> => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    };
    return read(path, schema, await send(path, { method, headers, body: JSON.stringify(body) }, timeoutMs));
  };

  async function conditionalGet<S extends TSchema>(
    path: string,
    schema: S,
    token: string,
    etag: string | null,
  ): Promise<Conditional<Static<S>>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      ...(etag === null ? {} : { 'if-none-match': etag }),
    };
    const response = await send(path, { headers });
    if (response.status === 304) return { changed: false };
    return { changed: true, body: await read(path, schema, response), etag: response.headers.get('etag') };
  }

  return {
    enroll: (request) => withBody('POST', 'v1/enroll', EnrollResponseSchema, request, null),
    updateMe: (token, update) => withBody('PATCH', 'v1/me', MeSchema, update, token),
    sendEvents: (token, events) => withBody('POST', 'v1/events', EventResultsSchema, { events }, token),
    sendArchive: (token, entries) => withBody('POST', 'v1/archive', ArchiveResultSchema, { entries }, token),
    fetchSummary: (token, etag) => conditionalGet('v1/summary?include=conversions', SummarySchema, token, etag),
    // The block list and each kit's wordings come with the kits; an endpoint from before the block list ignores
    // the query and sends neither.
    fetchKits: (token, etag) => conditionalGet('v1/kits?include=blockList,variants', KitsResponseSchema, token, etag),
    trackedLinks: (token, request, timeoutMs) =>
      withBody('POST', 'v1/links', LinksResponseSchema, request, token, timeoutMs),
    fetchPosts: (token, since, etag) =>
      conditionalGet(
        since === null ? 'v1/posts' : `v1/posts?since=${encodeURIComponent(since)}`,
        PostsResponseSchema,
        token,
        etag,
      ),
  };
}
