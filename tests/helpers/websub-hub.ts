/**
 * A WebSub hub on 127.0.0.1 that does the real handshake (W3C WebSub 5): takes a subscription
 * request (a form POST, checked for hub.callback, hub.mode, hub.topic), answers 202, then verifies
 * intent with a GET to the callback carrying a fresh hub.challenge, and counts the subscription only
 * when the callback echoes it exactly. It distributes content as hubs do: a POST to each verified
 * subscriber of the topic, signed `X-Hub-Signature: <method>=<HMAC of the body with its hub.secret>`.
 * It can refuse (400 with a reason), grant a lease of its choosing, and send what a forger would.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { startLocalServer, type LocalServer } from './http-server.ts';

export type Mode = 'subscribe' | 'unsubscribe';

export interface HubRequestSeen {
  readonly mode: string;
  readonly topic: string;
  readonly callback: string;
  readonly secret: string | null;
  readonly leaseSeconds: string | null;
}

export interface VerificationSeen {
  readonly mode: Mode;
  readonly topic: string;
  readonly callback: string;
  /** The callback's status, and whether its body was the challenge exactly. */
  readonly status: number;
  readonly echoed: boolean;
}

export interface Subscriber {
  readonly callback: string;
  readonly secret: string;
  readonly leaseSeconds: number;
}

export interface WebSubHub extends LocalServer {
  /** Subscription requests as they came. */
  readonly requests: HubRequestSeen[];
  /** Verifications of intent this hub made, in order. */
  readonly verifications: VerificationSeen[];
  /** Verified subscribers by topic. */
  readonly subscribers: Map<string, Subscriber>;
  /** From now on requests are refused with this reason (400, text/plain), or accepted again (null). */
  refuseWith(reason: string | null): void;
  /** Content distribution to the topic's subscriber: the callback's status. */
  publish(topic: string, body: string, method?: 'sha1' | 'sha256' | 'sha384' | 'sha512'): Promise<number>;
  /** A POST to `callback` with the given signature header (or none): what a forger can send. */
  post(callback: string, body: string, signature: string | null): Promise<number>;
  /** A verification GET the hub was never asked for: the callback's status and body. */
  verify(callback: string, mode: string, topic: string): Promise<{ status: number; body: string }>;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export const sign = (method: string, secret: string, body: string): string =>
  `${method}=${createHmac(method, secret).update(body).digest('hex')}`;

/** `leaseSeconds`: what the hub grants, whatever was asked. */
export async function startWebSubHub(leaseSeconds = 3600): Promise<WebSubHub> {
  const requests: HubRequestSeen[] = [];
  const verifications: VerificationSeen[] = [];
  const subscribers = new Map<string, Subscriber>();
  let refusal: string | null = null;

  async function verify(callback: string, mode: string, topic: string): Promise<{ status: number; body: string }> {
    const url = new URL(callback);
    const challenge = randomBytes(16).toString('hex');
    url.searchParams.set('hub.mode', mode);
    url.searchParams.set('hub.topic', topic);
    url.searchParams.set('hub.challenge', challenge);
    if (mode === 'subscribe') url.searchParams.set('hub.lease_seconds', String(leaseSeconds));
    const response = await fetch(url);
    const body = await response.text();
    return { status: response.status, body: body === challenge ? 'the challenge' : body };
  }

  async function verifyIntent(seen: HubRequestSeen): Promise<void> {
    const mode = seen.mode as Mode;
    const answer = await verify(seen.callback, mode, seen.topic);
    const echoed = answer.status >= 200 && answer.status < 300 && answer.body === 'the challenge';
    if (echoed && mode === 'subscribe')
      subscribers.set(seen.topic, { callback: seen.callback, secret: seen.secret ?? '', leaseSeconds });
    if (echoed && mode === 'unsubscribe') subscribers.delete(seen.topic);
    verifications.push({ mode, topic: seen.topic, callback: seen.callback, status: answer.status, echoed });
  }

  const server = await startLocalServer((request, response) => {
    void readForm(request).then((form) => {
      const seen: HubRequestSeen = {
        mode: form.get('hub.mode') ?? '',
        topic: form.get('hub.topic') ?? '',
        callback: form.get('hub.callback') ?? '',
        secret: form.get('hub.secret'),
        leaseSeconds: form.get('hub.lease_seconds'),
      };
      requests.push(seen);
      const wellFormed =
        request.method === 'POST' &&
        /^application\/x-www-form-urlencoded/.test(request.headers['content-type'] ?? '') &&
        (seen.mode === 'subscribe' || seen.mode === 'unsubscribe') &&
        URL.canParse(seen.topic) &&
        URL.canParse(seen.callback);
      if (!wellFormed || refusal !== null) {
        response.writeHead(400, { 'content-type': 'text/plain' });
        response.end(refusal ?? 'hub.mode, hub.topic and hub.callback are required');
        return;
      }
      response.writeHead(202);
      response.end();
      // Verification of intent after the answer, as the recommendation asks.
      void verifyIntent(seen);
    });
  });

  async function post(callback: string, body: string, signature: string | null): Promise<number> {
    const response = await fetch(callback, {
      method: 'POST',
      headers: {
        'content-type': 'application/rss+xml',
        ...(signature === null ? {} : { 'x-hub-signature': signature }),
      },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  return {
    ...server,
    requests,
    verifications,
    subscribers,
    refuseWith(reason) {
      refusal = reason;
    },
    async publish(topic, body, method = 'sha256') {
      const subscriber = subscribers.get(topic);
      if (!subscriber) throw new Error(`nobody is subscribed to ${topic}`);
      return post(subscriber.callback, body, sign(method, subscriber.secret, body));
    },
    post,
    verify,
  };
}
