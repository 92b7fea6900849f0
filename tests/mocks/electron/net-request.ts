/**
 * `net.request` as Electron 45 documents it (ClientRequest, IncomingMessage), carried over real sockets by
 * node:http and node:https, so an adapter's test talks to a real local server. What Chromium does on the
 * way is played too: redirects per the `redirect` mode (`manual` cancels any redirect that `followRedirect()`
 * did not continue synchronously inside the `redirect` event, with "Redirect was cancelled"), at most 20
 * hops when following, Content-Encoding decoded while the headers stay as sent, failures as `net::ERR_*`.
 * Chromium's proxy and PAC have no stand-in (the fake connects directly); the OS certificate store is the
 * public roots plus `fakeState.trustedCertificates`.
 */
import { EventEmitter } from 'node:events';
import {
  request as httpRequest,
  type ClientRequest as NodeRequest,
  type IncomingMessage as NodeResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { app } from './app.ts';
import { fakeState } from './state.ts';

type RedirectMode = 'follow' | 'error' | 'manual';

export interface FakeRequestOptions {
  url?: string;
  method?: string;
  headers?: Record<string, string | string[]>;
  redirect?: RedirectMode;
  useSessionCookies?: boolean;
}

/** What one `net.request` was asked for, for a test to check. */
export interface FakeRequestRecord {
  readonly url: string;
  readonly method: string;
  readonly redirect: RedirectMode;
  readonly headers: Readonly<Record<string, string>>;
}

/** Chromium's own limit when it follows redirects (net::URLRequest's kMaxRedirects). */
const CHROMIUM_MAX_REDIRECTS = 20;
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
/** Headers whose repeats Electron's IncomingMessage drops, keeping the first (net-client-request.ts). */
const SINGLE_VALUE_HEADERS = new Set([
  'content-type',
  'content-length',
  'user-agent',
  'referer',
  'host',
  'authorization',
  'proxy-authorization',
  'if-modified-since',
  'if-unmodified-since',
  'from',
  'location',
  'max-forwards',
  'retry-after',
  'etag',
  'last-modified',
  'server',
  'age',
  'expires',
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function netError(error: NodeJS.ErrnoException): Error {
  const code = error.code ?? '';
  const name =
    code === 'ECONNREFUSED'
      ? 'CONNECTION_REFUSED'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'NAME_NOT_RESOLVED'
        : code === 'ECONNRESET'
          ? 'CONNECTION_RESET'
          : code === 'ETIMEDOUT'
            ? 'CONNECTION_TIMED_OUT'
            : code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
              ? 'CERT_AUTHORITY_INVALID'
              : 'FAILED';
  return new Error(`net::ERR_${name}`);
}

function decoded(response: NodeResponse): Readable {
  switch (response.headers['content-encoding']?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    case 'br':
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

/** Electron's IncomingMessage: a Readable with the response head. */
export class FakeIncomingMessage extends Readable {
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly httpVersion: string;
  readonly httpVersionMajor: number;
  readonly httpVersionMinor: number;
  readonly rawHeaders: string[];

  constructor(private readonly head: NodeResponse) {
    super();
    this.statusCode = head.statusCode ?? 0;
    this.statusMessage = head.statusMessage ?? '';
    this.httpVersion = head.httpVersion;
    this.httpVersionMajor = head.httpVersionMajor;
    this.httpVersionMinor = head.httpVersionMinor;
    this.rawHeaders = [...head.rawHeaders];
  }

  get headers(): Record<string, string | string[]> {
    const values = new Map<string, string[]>();
    for (let index = 0; index + 1 < this.head.rawHeaders.length; index += 2) {
      const name = (this.head.rawHeaders[index] ?? '').toLowerCase();
      values.set(name, [...(values.get(name) ?? []), this.head.rawHeaders[index + 1] ?? '']);
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, list] of values) {
      headers[name] = name === 'set-cookie' ? list : SINGLE_VALUE_HEADERS.has(name) ? (list[0] ?? '') : list.join(', ');
    }
    return headers;
  }

  override _read(): void {
    // Data is pushed as it arrives from the socket.
  }
}

export class FakeClientRequest extends EventEmitter {
  chunkedEncoding = false;
  readonly #headers = new Map<string, { name: string; value: string }>();
  readonly #body: Buffer[] = [];
  readonly #redirect: RedirectMode;
  #url: string;
  #method: string;
  #started = false;
  #aborted = false;
  #closed = false;
  #following: (() => void) | null = null;
  #current: NodeRequest | null = null;
  #response: FakeIncomingMessage | null = null;

  constructor(
    options: FakeRequestOptions | string,
    private readonly record: (request: FakeRequestRecord) => void,
  ) {
    super();
    if (!app.isReady()) throw new Error('net module can only be used after app is ready');
    const given = typeof options === 'string' ? { url: options } : options;
    this.#url = given.url ?? 'http://localhost/';
    if (!['http:', 'https:'].includes(new URL(this.#url).protocol))
      throw new Error('ClientRequest only supports http: and https: protocols');
    this.#method = (given.method ?? 'GET').toUpperCase();
    this.#redirect = given.redirect ?? 'follow';
    if (!['follow', 'error', 'manual'].includes(this.#redirect))
      throw new Error('redirect mode should be one of follow, error or manual');
    for (const [name, value] of Object.entries(given.headers ?? {})) this.setHeader(name, String(value));
  }

  setHeader(name: string, value: string): void {
    if (this.#started) throw new Error("Can't set headers after they are sent");
    if (!TOKEN.test(name)) throw new Error(`Invalid header name: '${name}'`);
    if (/[\r\n\0]/.test(value)) throw new Error(`Invalid value for header '${name}': '${value}'`);
    this.#headers.set(name.toLowerCase(), { name, value });
  }

  getHeader(name: string): string {
    return this.#headers.get(name.toLowerCase())?.value as string;
  }

  removeHeader(name: string): void {
    if (this.#started) throw new Error("Can't remove headers after they are sent");
    this.#headers.delete(name.toLowerCase());
  }

  write(chunk: string | Buffer): void {
    if (this.#started) throw new Error('write after end');
    this.#body.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }

  end(chunk?: string | Buffer): this {
    if (chunk !== undefined) this.write(chunk);
    if (this.#started) return this;
    this.#started = true;
    this.record({
      url: this.#url,
      method: this.#method,
      redirect: this.#redirect,
      headers: Object.fromEntries([...this.#headers.values()].map(({ name, value }) => [name, value])),
    });
    this.emit('finish');
    this.#send(0);
    return this;
  }

  followRedirect(): void {
    if (!this.#following) throw new Error('followRedirect() called, but was not waiting for a redirect');
    this.#following();
  }

  abort(): void {
    if (this.#closed) return;
    if (!this.#aborted) process.nextTick(() => this.emit('abort'));
    this.#aborted = true;
    this.#current?.destroy();
    if (this.#response) {
      this.#response.emit('aborted');
      this.#response.destroy();
    }
    this.#close();
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    process.nextTick(() => this.emit('close'));
  }

  #die(error: Error): void {
    if (this.#closed) return;
    this.#current?.destroy();
    // As Electron's _die: the response (if one came) fails, and so does the request.
    this.#response?.destroy(error);
    this.emit('error', error);
    this.#close();
  }

  #send(hops: number): void {
    const target = new URL(this.#url);
    const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' };
    for (const { name, value } of this.#headers.values()) headers[name] = value;
    const body = Buffer.concat(this.#body);
    const request =
      target.protocol === 'https:'
        ? httpsRequest(target, {
            method: this.#method,
            headers,
            ca: [...rootCertificates, ...fakeState.trustedCertificates],
          })
        : httpRequest(target, { method: this.#method, headers });
    this.#current = request;
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (!this.#aborted) this.#die(netError(error));
    });
    request.on('response', (response) => {
      if (this.#aborted) return;
      const location = response.headers.location;
      if (REDIRECT_CODES.has(response.statusCode ?? 0) && location !== undefined) {
        response.resume();
        this.#redirected(response, location, hops);
      } else this.#respond(response);
    });
    request.end(body.length > 0 ? body : undefined);
  }

  #redirected(response: NodeResponse, location: string, hops: number): void {
    const status = response.statusCode ?? 0;
    let next: URL;
    try {
      next = new URL(location, this.#url);
    } catch {
      this.#die(new Error('net::ERR_INVALID_REDIRECT'));
      return;
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      this.#die(new Error('net::ERR_UNSAFE_REDIRECT'));
      return;
    }
    if (this.#redirect === 'error') {
      this.#die(new Error("Attempted to redirect, but redirect policy was 'error'"));
      return;
    }
    if (hops + 1 > CHROMIUM_MAX_REDIRECTS) {
      this.#die(new Error('net::ERR_TOO_MANY_REDIRECTS'));
      return;
    }
    const method =
      (status === 303 && this.#method !== 'HEAD') || ((status === 301 || status === 302) && this.#method === 'POST')
        ? 'GET'
        : this.#method;
    const headers: Record<string, string[]> = {};
    for (let index = 0; index + 1 < response.rawHeaders.length; index += 2) {
      const name = (response.rawHeaders[index] ?? '').toLowerCase();
      headers[name] = [...(headers[name] ?? []), response.rawHeaders[index + 1] ?? ''];
    }
    let followed = this.#redirect === 'follow';
    this.#following = () => {
      followed = true;
    };
    try {
      this.emit('redirect', status, method, next.href, headers);
    } finally {
      this.#following = null;
    }
    if (this.#aborted) return;
    if (!followed) {
      this.#die(new Error('Redirect was cancelled'));
      return;
    }
    if (method !== this.#method) this.#body.length = 0;
    this.#method = method;
    this.#url = next.href;
    this.#send(hops + 1);
  }

  #respond(head: NodeResponse): void {
    const response = new FakeIncomingMessage(head);
    this.#response = response;
    this.emit('response', response);
    const body = decoded(head);
    body.on('data', (chunk: Buffer) => {
      if (!this.#aborted) response.push(chunk);
    });
    body.on('end', () => {
      if (this.#aborted) return;
      response.push(null);
      this.#close();
    });
    // A body cut short is named as Chromium names it: by what it had been promised.
    const cut = (): void => {
      if (this.#aborted || head.complete) return;
      const chunked = /chunked/i.test(head.headers['transfer-encoding'] ?? '');
      const declared = head.headers['content-length'] !== undefined;
      this.#die(
        new Error(
          chunked
            ? 'net::ERR_INCOMPLETE_CHUNKED_ENCODING'
            : declared
              ? 'net::ERR_CONTENT_LENGTH_MISMATCH'
              : 'net::ERR_CONNECTION_CLOSED',
        ),
      );
    };
    head.on('aborted', cut);
    head.on('close', cut);
    body.on('error', () => {
      if (!this.#aborted) this.#die(new Error('net::ERR_CONTENT_DECODING_FAILED'));
    });
  }
}
