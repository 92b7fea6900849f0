/**
 * The subscriber's request to a hub (W3C WebSub 5.1): a form POST with hub.callback, hub.mode,
 * hub.topic and, to subscribe, hub.secret and the lease asked for. The hub answers 202 and then
 * verifies on its own (a GET to the callback); any other answer is a refusal, told here in words.
 */
export interface HubRequest {
  readonly hub: string;
  readonly mode: 'subscribe' | 'unsubscribe';
  readonly topic: string;
  readonly callback: string;
  readonly secret: string;
  readonly leaseSeconds: number;
}

export type HubAnswer = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const TIMEOUT_MS = 20_000;
/** What of a refusal's body is shown: hubs explain in a sentence (Google's hub, WebSub.rocks). */
const REASON_CHARS = 200;

/** The hub's own explanation as one plain line, or null when it gave none readable. */
function explanation(body: string, contentType: string | null): string | null {
  if (contentType !== null && /html/i.test(contentType)) return null;
  // Control characters out (\p{Cc}), whatever the hub sent: the reason is shown on the dashboard.
  const line = body.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  if (line === '') return null;
  return line.length > REASON_CHARS ? `${line.slice(0, REASON_CHARS)}…` : line;
}

export async function askHub(request: HubRequest, fetch: typeof globalThis.fetch): Promise<HubAnswer> {
  const form = new URLSearchParams({
    'hub.callback': request.callback,
    'hub.mode': request.mode,
    'hub.topic': request.topic,
  });
  if (request.mode === 'subscribe') {
    form.set('hub.secret', request.secret);
    form.set('hub.lease_seconds', String(request.leaseSeconds));
  }
  let response: Response;
  try {
    response = await fetch(request.hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      ok: false,
      reason: timedOut
        ? `the hub did not answer within ${String(TIMEOUT_MS / 1000)} seconds`
        : 'the hub could not be reached (the address does not answer, or the connection failed)',
    };
  }
  const body = await response.text().catch(() => '');
  if (response.ok) return { ok: true };
  const said = explanation(body, response.headers.get('content-type'));
  if (response.status >= 500)
    return { ok: false, reason: `the hub had a problem of its own${said === null ? '' : `: ${said}`}` };
  return { ok: false, reason: said === null ? 'the hub refused without saying why' : `the hub refused: ${said}` };
}
