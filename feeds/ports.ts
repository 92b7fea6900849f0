/**
 * The one port of the feed engine: how it reaches the network. The desktop passes Electron's `net.fetch`,
 * the endpoint, the CLI and tests pass Node's global `fetch`. Time and randomness come in as plain values
 * (`now`, `random`) on each call, so the engine has no clock or timer of its own.
 */

/**
 * The standard fetch signature: Electron's `net.fetch` and Node's global `fetch` both fit. Both stream
 * the body, abort on the signal, and decode gzip/deflate/br themselves. One difference the engine
 * handles (http-get.ts): with `redirect: 'manual'` Node returns the 3xx response, while Electron
 * rejects with "Redirect was cancelled".
 */
export type HttpFetch = (input: string, init?: RequestInit) => Promise<Response>;
