/**
 * Stand-ins for the receivers of channel posts, on 127.0.0.1: each CHECKS what it is sent as the real
 * one would (Slack: Block Kit block types and their required fields, the `text` fallback; Teams: the
 * Adaptive Card attachment's content type, type, version, body and actions; a generic webhook: the
 * HMAC signature over "<timestamp>.<body>", refusing a stale timestamp) and answers what a test scripts
 * (429 with Retry-After, 400, 500), or holds a request unanswered so the sender can be killed mid-send.
 * A message counts as delivered only when the receiver answered it 2xx on a connection still open.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { startLocalServer, type LocalServer } from './http-server.ts';

export type ReceiverKind = 'slack' | 'teams' | 'webhook';

export interface ScriptedAnswer {
  readonly status: number;
  readonly body?: string;
  readonly retryAfter?: string;
}

export interface Receiver extends LocalServer {
  /** Bodies answered 2xx, parsed, in order. */
  readonly delivered: unknown[];
  /** Requests that broke the receiver's rules, with what was wrong: a test expects none. */
  readonly problems: string[];
  /** Every request that arrived, whatever it was answered. */
  readonly requests: number;
  /** The next requests get these answers, in order; then 200 again. */
  script(...answers: ScriptedAnswer[]): void;
  /** The webhook's signing key, once the channel is made. */
  setSecret(secret: string): void;
  /**
   * The next request waits unanswered: `arrived` when it came in, `abandoned` when its sender closed the
   * connection while waiting, `release()` answers it (if its connection lives).
   */
  holdNext(): { arrived: Promise<void>; abandoned: Promise<void>; release: () => void };
}

const FIVE_MINUTES_S = 300;

type Check = (body: Record<string, unknown>) => string[];

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
/** A text object's text when it is one (of `type`, else plain_text or mrkdwn), else null. */
const textOf = (value: unknown, type?: string): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const object = value as { type?: unknown; text?: unknown };
  const typed = type === undefined ? object.type === 'plain_text' || object.type === 'mrkdwn' : object.type === type;
  return typed && isText(object.text) ? object.text : null;
};
const textObject = (value: unknown, type?: string): boolean => textOf(value, type) !== null;

/** Block Kit as Slack's reference lists each block's required fields. */
export const checkSlack: Check = (body) => {
  const problems: string[] = [];
  if (!isText(body['text'])) problems.push('no top-level text fallback');
  const blocks = body['blocks'];
  if (!Array.isArray(blocks) || blocks.length === 0 || blocks.length > 50)
    return [...problems, 'blocks: 1 to 50 needed'];
  for (const [index, block] of (blocks as Record<string, unknown>[]).entries()) {
    const where = `blocks[${String(index)}] (${String(block['type'])})`;
    switch (block['type']) {
      case 'header':
        if ((textOf(block['text'], 'plain_text') ?? 'x'.repeat(151)).length > 150)
          problems.push(`${where}: plain_text of at most 150 characters needed`);
        break;
      case 'section':
        if ((textOf(block['text']) ?? 'x'.repeat(3001)).length > 3000)
          problems.push(`${where}: a text object of at most 3000 characters needed`);
        break;
      case 'image':
        if (!isText(block['image_url']) || !isText(block['alt_text']))
          problems.push(`${where}: image_url and alt_text needed`);
        break;
      case 'actions': {
        const elements = block['elements'];
        if (!Array.isArray(elements) || elements.length === 0) problems.push(`${where}: elements needed`);
        for (const element of (elements ?? []) as Record<string, unknown>[]) {
          if (element['type'] !== 'button' || !textObject(element['text'], 'plain_text'))
            problems.push(`${where}: a button with plain_text needed`);
          else if ((textOf(element['text']) ?? '').length > 75) problems.push(`${where}: button text over 75`);
          if (element['url'] !== undefined && !(isText(element['url']) && /^https?:\/\//.test(element['url'])))
            problems.push(`${where}: url`);
        }
        break;
      }
      case 'context': {
        const elements = block['elements'];
        if (
          !Array.isArray(elements) ||
          elements.length === 0 ||
          elements.length > 10 ||
          !elements.every((e) => textObject(e))
        )
          problems.push(`${where}: 1 to 10 text elements needed`);
        break;
      }
      default:
        problems.push(`${where}: not a block type for messages here`);
    }
  }
  return problems;
};

/** The Workflows "post card" shape: a message with one Adaptive Card attachment. */
export const checkTeams: Check = (body) => {
  const problems: string[] = [];
  const attachments = body['attachments'];
  if (body['type'] !== 'message') problems.push('type must be "message"');
  if (!Array.isArray(attachments) || attachments.length !== 1) return [...problems, 'one attachment needed'];
  const attachment = attachments[0] as Record<string, unknown>;
  if (attachment['contentType'] !== 'application/vnd.microsoft.card.adaptive') problems.push('contentType');
  const card = attachment['content'] as Record<string, unknown> | undefined;
  if (card?.['type'] !== 'AdaptiveCard') problems.push('content.type must be AdaptiveCard');
  if (card?.['$schema'] !== 'http://adaptivecards.io/schemas/adaptive-card.json') problems.push('$schema');
  if (typeof card?.['version'] !== 'string' || Number(card['version']) > 1.5) problems.push('version 1.5 or lower');
  const cardBody = card?.['body'];
  if (!Array.isArray(cardBody) || cardBody.length === 0) problems.push('body needed');
  for (const element of (cardBody ?? []) as Record<string, unknown>[]) {
    if (element['type'] === 'TextBlock' && !isText(element['text'])) problems.push('TextBlock without text');
    else if (element['type'] === 'Image' && !isText(element['url'])) problems.push('Image without url');
    else if (!['TextBlock', 'Image'].includes(String(element['type'])))
      problems.push(`unexpected ${String(element['type'])}`);
  }
  for (const action of (card?.['actions'] ?? []) as Record<string, unknown>[])
    if (action['type'] !== 'Action.OpenUrl' || !isText(action['title']) || !isText(action['url']))
      problems.push('actions must be Action.OpenUrl with title and url');
  return problems;
};

/** As docs/endpoint.md tells a receiver to: the signature over "<timestamp>.<body>", and a fresh timestamp. */
export function checkSignature(headers: IncomingHttpHeaders, raw: string, secret: string, nowS: number): string[] {
  const timestamp = String(headers['x-advocate-timestamp'] ?? '');
  const signature = String(headers['x-advocate-signature'] ?? '');
  if (!/^\d+$/.test(timestamp) || Math.abs(nowS - Number(timestamp)) > FIVE_MINUTES_S)
    return ['stale or missing timestamp'];
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`);
  const got = Buffer.from(signature);
  return got.length === expected.length && timingSafeEqual(got, expected) ? [] : ['bad signature'];
}

export async function startReceiver(kind: ReceiverKind): Promise<Receiver> {
  const delivered: unknown[] = [];
  const problems: string[] = [];
  const answers: ScriptedAnswer[] = [];
  const counts = { requests: 0 };
  let secret = '';
  let held: { arrived: () => void; abandoned: () => void; released: Promise<void> } | null = null;

  const answer = (request: IncomingMessage, response: ServerResponse, raw: string): void => {
    const scripted = answers.shift() ?? { status: 200, body: 'ok' };
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      problems.push('not JSON');
    }
    const found =
      kind === 'slack'
        ? checkSlack(parsed)
        : kind === 'teams'
          ? checkTeams(parsed)
          : checkSignature(request.headers, raw, secret, Math.floor(Date.now() / 1000));
    if (request.headers['content-type'] !== 'application/json') found.push('content-type');
    if (found.length > 0) {
      problems.push(...found);
      response.writeHead(400, { 'content-type': 'text/plain' }).end(found.join('; '));
      return;
    }
    if (response.socket === null || response.socket.destroyed) return;
    response.writeHead(scripted.status, {
      'content-type': 'text/plain',
      ...(scripted.retryAfter === undefined ? {} : { 'retry-after': scripted.retryAfter }),
    });
    response.end(scripted.body ?? '');
    if (scripted.status >= 200 && scripted.status < 300) delivered.push(parsed);
  };

  const server = await startLocalServer((request, response) => {
    counts.requests += 1;
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      const gate = held;
      held = null;
      if (gate === null) answer(request, response, raw);
      else {
        gate.arrived();
        response.once('close', () => {
          if (!response.writableFinished) gate.abandoned();
        });
        void gate.released.then(() => answer(request, response, raw));
      }
    });
  });
  return {
    ...server,
    delivered,
    problems,
    get requests() {
      return counts.requests;
    },
    script: (...next) => answers.push(...next),
    setSecret: (value) => (secret = value),
    holdNext() {
      let arrived = (): void => undefined;
      let abandoned = (): void => undefined;
      let release = (): void => undefined;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      const abandonment = new Promise<void>((resolve) => (abandoned = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      held = { arrived, abandoned, released };
      return { arrived: arrival, abandoned: abandonment, release };
    },
  };
}
