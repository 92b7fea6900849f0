/**
 * The one error type of the feed pipeline: a kind for code, a message in plain words for the people who
 * read it in the window or the CLI, and what the scheduler needs (the status, Retry-After).
 */
export type FeedErrorKind =
  'invalid-url' | 'network' | 'timeout' | 'too-large' | 'redirects' | 'http-status' | 'not-a-feed' | 'parse';

export interface FeedErrorDetails {
  readonly cause?: unknown;
  readonly status?: number;
  /** The server asked us to wait this long (Retry-After on 429/503). */
  readonly retryAfterMs?: number;
}

export class FeedError extends Error {
  override readonly name = 'FeedError';
  readonly status: number | null;
  readonly retryAfterMs: number | null;

  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    details: FeedErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

const STATUS_WORDS: Readonly<Record<number, string>> = {
  400: 'the server refused the request as malformed (400)',
  401: 'the server asks for a login (401): the feed must be public',
  403: 'the server refused access (403): the feed may need a login or block this network',
  404: 'the feed was not found at this address (404)',
  410: 'the feed was removed for good (410)',
  429: 'the server says we asked too often (429)',
  500: 'the server had an internal error (500)',
  502: "the server's gateway failed (502)",
  503: 'the server is unavailable for now (503)',
  504: "the server's gateway timed out (504)",
};

/** A status line in plain words, for the statuses people meet; the number for the rest. */
export function statusInWords(status: number, statusText: string): string {
  const known = STATUS_WORDS[status];
  if (known) return known;
  const text = statusText.trim();
  if (status >= 500) return `the server had an error (${String(status)}${text ? ` ${text}` : ''})`;
  return `the server answered ${String(status)}${text ? ` ${text}` : ''}`;
}
