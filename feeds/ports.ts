/**
 * The one port of the feed engine: how it reaches the network. The desktop passes Electron's `net.request`
 * behind this signature (main/adapters/net-request-fetch.ts), the endpoint, the CLI and tests pass Node's
 * global `fetch`. Time and randomness come in as plain values
 * (`now`, `random`) on each call, so the engine has no clock or timer of its own.
 */

/**
 * The standard fetch signature. What the engine relies on: the body streams and stops when the signal
 * aborts, gzip/deflate/br arrive decoded, request headers (If-None-Match, ...) go out as given, and with
 * `redirect: 'manual'` a 3xx comes back as the answer with its Location, not followed (http-get.ts counts
 * the hops). Electron's `net.fetch` cannot do the last (it rejects with "Redirect was cancelled"), which is
 * why the desktop does not pass it.
 */
export type HttpFetch = (input: string, init?: RequestInit) => Promise<Response>;
