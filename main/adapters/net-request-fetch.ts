/**
 * The HttpFetch port (feeds/ports.ts) over Electron's `net.request`: Chromium's network stack, so the
 * system proxy, PAC scripts, NTLM/Kerberos and the OS certificate store apply, with the one thing
 * `net.fetch` cannot do: `redirect: 'manual'` answers the 3xx itself (net.fetch rejects it with "Redirect
 * was cancelled", electron/electron#43715). The feed pipeline needs that to count hops and to move a
 * feed's stored address on a 301/308 (feeds/http-get.ts), exactly as Node's fetch lets it in the preview.
 */
import { net, type ClientRequest, type IncomingMessage } from 'electron';
import type { HttpFetch } from '../core/ports.ts';

/** Statuses whose answer has no body, as the Fetch standard says. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The signal's own reason (http-get.ts aborts with the error the person should read), else an AbortError. */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

function requestBody(body: RequestInit['body']): string | Buffer | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // Only the endpoint client sends a body, and it sends JSON text: anything else is a mistake to see early.
  throw new TypeError('net.request bodies are text or bytes here');
}

function responseHeaders(entries: Record<string, string | string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(entries)) {
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

interface BodyStream {
  readonly stream: ReadableStream<Uint8Array>;
  /** Ends the stream with this error (an abort's reason); nothing once it has ended. */
  readonly fail: (reason: unknown) => void;
}

/** The answer's body as a web stream: ends or fails with the IncomingMessage; cancelling aborts the request. */
function bodyStream(response: IncomingMessage, request: ClientRequest, finished: () => void): BodyStream {
  let open = true;
  let fail: (reason: unknown) => void = () => undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const end = (outcome: () => void): void => {
        if (!open) return;
        open = false;
        finished();
        outcome();
      };
      fail = (reason) => end(() => controller.error(reason));
      response.on('data', (chunk: Buffer) => {
        if (open) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      });
      response.on('end', () => end(() => controller.close()));
      response.on('error', fail);
      response.on('aborted', () => fail(new Error('net::ERR_ABORTED')));
    },
    cancel() {
      open = false;
      finished();
      request.abort();
    },
  });
  return { stream, fail: (reason) => fail(reason) };
}

/** The engine's fetch on Electron's main process. */
export const netRequestFetch: HttpFetch = (input, init = {}) =>
  new Promise<Response>((resolve, reject) => {
    const signal = init.signal ?? null;
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const body = requestBody(init.body);
    const request = net.request({
      url: input,
      method: init.method ?? 'GET',
      redirect: init.redirect ?? 'follow',
      headers: Object.fromEntries(new Headers(init.headers)),
    });
    // An abort stops the promise before the answer, the body's stream after it, and the request either way.
    let answered = false;
    let failBody: ((reason: unknown) => void) | null = null;
    const onAbort = (): void => {
      const reason = abortReason(signal as AbortSignal);
      if (failBody) failBody(reason);
      else if (!answered) reject(reason);
      request.abort();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const finished = (): void => signal?.removeEventListener('abort', onAbort);
    request.on('redirect', (status, _method, redirectUrl, headers) => {
      if (init.redirect !== 'manual') return;
      // Not followed: the caller gets the 3xx, its Location resolved by Chromium, and decides itself.
      answered = true;
      finished();
      request.abort();
      const answer = responseHeaders(headers);
      answer.set('location', redirectUrl);
      resolve(new Response(null, { status, headers: answer }));
    });
    request.on('response', (response) => {
      answered = true;
      const status = response.statusCode;
      const empty = NULL_BODY_STATUSES.has(status) || init.method === 'HEAD';
      if (empty || status < 200 || status > 599) {
        // Nobody will read an empty answer's stream: end the request rather than leave it waiting.
        finished();
        request.abort();
      }
      if (status < 200 || status > 599) {
        reject(new Error(`net::ERR_INVALID_HTTP_RESPONSE (status ${String(status)})`));
        return;
      }
      const streamed = empty ? null : bodyStream(response, request, finished);
      failBody = streamed?.fail ?? null;
      resolve(
        new Response(streamed?.stream ?? null, {
          status,
          statusText: response.statusMessage,
          headers: responseHeaders(response.headers),
        }),
      );
    });
    request.on('error', (error) => {
      if (answered) return;
      finished();
      reject(error);
    });
    if (body === null) request.end();
    else request.end(body);
  });
