/**
 * Generates request bodies that must all be refused: broken JSON, wrong shapes and types, unknown and
 * missing fields, odd Unicode in every field, deep nesting, oversized bodies and wrong content types.
 * Seeded, so a failure names a body that can be generated again.
 */
import { uuidv7 } from '../../common/uuid.ts';

export interface BadRequest {
  readonly label: string;
  readonly contentType: string;
  readonly body: string | Uint8Array<ArrayBuffer>;
}

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_UNICODE = [
  '\u0000',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\uffff',
  '👨‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  '\u2028',
  '\u0085',
  '𝕏',
  'ﷺ',
  '\u0007',
  'İ',
  '\u061c',
  '؂',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function oddText(random: () => number, length = 1 + Math.floor(random() * 12)): string {
  return Array.from({ length }, () => pick(random, ODD_UNICODE)).join('');
}

function validEvent(): Record<string, unknown> {
  return {
    id: uuidv7(),
    type: 'shared',
    postKey: 'https://blog.example.com/post',
    network: 'linkedin',
    at: new Date().toISOString(),
  };
}

function nested(depth: number, open: string, close: string, inner: string): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

const WRONG_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  '',
  [],
  {},
  [null],
  { a: 1 },
  'x'.repeat(5000),
];
const FIELDS = ['id', 'type', 'postKey', 'network', 'at'] as const;

/** Changes one thing about a valid event so that it is no longer valid. */
function brokenEvent(random: () => number): { label: string; event: Record<string, unknown> } {
  const event = validEvent();
  const field = pick(random, FIELDS);
  switch (Math.floor(random() * 8)) {
    case 0:
      event[field] = pick(random, WRONG_VALUES);
      return { label: `${field} of a wrong type or empty`, event };
    case 1:
      Reflect.deleteProperty(event, field);
      return { label: `${field} missing`, event };
    case 2:
      event[oddText(random) || 'extra'] = 'x';
      return { label: 'unknown field with an odd name', event };
    case 3:
      event[field] =
        field === 'postKey'
          ? `https://blog.example.com/${oddText(random)}`
          : `${String(event[field])}${oddText(random)}`;
      return { label: `odd Unicode in ${field}`, event };
    case 4:
      event['id'] = pick(random, [
        '7B1A0C2E-1234-7ABC-8DEF-0123456789AB',
        crypto.randomUUID(),
        '00000000-0000-0000-0000-000000000000',
        uuidv7().slice(0, 35),
      ]);
      return { label: 'id not a lowercase UUIDv7', event };
    case 5:
      event['postKey'] = pick(random, [
        'javascript:alert(1)',
        'ftp://blog.example.com/a',
        'https://',
        `https://blog.example.com/${'a'.repeat(2100)}`,
        'https://blog.example.com/a b',
        '//blog.example.com/a',
      ]);
      return { label: 'postKey not an acceptable URL', event };
    case 6:
      event['at'] = pick(random, [
        'yesterday',
        '2024-01-01',
        '2024-01-01 10:00:00',
        '1700000000',
        '+002024-01-01T00:00:00Z',
        '2024-01-01T10:00:00',
      ]);
      return { label: 'at not an ISO time', event };
    default:
      event[field] = JSON.parse(nested(50 + Math.floor(random() * 500), '[', ']', '1')) as unknown;
      return { label: `${field} deeply nested`, event };
  }
}

/** `count` bodies for POST /v1/events, none of which may be accepted. */
export function malformedEventBodies(count: number, seed: number): BadRequest[] {
  const random = seededRandom(seed);
  const json = 'application/json';
  const valid = JSON.stringify({ events: [validEvent()] });
  const makers: (() => BadRequest)[] = [
    () => {
      const { label, event } = brokenEvent(random);
      const events = Array.from({ length: 1 + Math.floor(random() * 5) }, validEvent);
      events.splice(Math.floor(random() * events.length), 0, event);
      return { label: `event: ${label}`, contentType: json, body: JSON.stringify({ events }) };
    },
    () => ({
      label: 'truncated JSON',
      contentType: json,
      body: valid.slice(0, Math.floor(random() * (valid.length - 1))),
    }),
    () => ({
      label: 'random bytes',
      contentType: json,
      body: Uint8Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() * 256)),
    }),
    () => ({
      label: 'invalid UTF-8 inside a string',
      contentType: json,
      body: Uint8Array.from([...Buffer.from('{"events":[{"id":"'), 0xc3, 0x28, 0xff, 0xfe, ...Buffer.from('"}]}')]),
    }),
    () => ({
      label: 'not an object at the top',
      contentType: json,
      body: JSON.stringify(pick(random, [null, 1, 'events', [], [validEvent()], true])),
    }),
    () => ({
      label: 'events of a wrong type',
      contentType: json,
      body: JSON.stringify({ events: pick(random, WRONG_VALUES) }),
    }),
    () => ({
      label: 'no events or 101 events',
      contentType: json,
      body: JSON.stringify({ events: random() < 0.5 ? [] : Array.from({ length: 101 }, validEvent) }),
    }),
    () => ({
      label: 'unknown top-level field',
      contentType: json,
      body: JSON.stringify({
        events: [validEvent()],
        [pick(random, ['personId', 'displayName', 'team', oddText(random) || 'x'])]: 'Mallory',
      }),
    }),
    () => ({
      label: 'deeply nested arrays',
      contentType: json,
      body: nested(1000 + Math.floor(random() * 20_000), '[', ']', ''),
    }),
    () => ({
      label: 'deeply nested objects',
      contentType: json,
      body: nested(1000 + Math.floor(random() * 5000), '{"a":', '}', '1'),
    }),
    () => ({
      label: 'over 64 KiB',
      contentType: json,
      body: JSON.stringify({
        events: [
          {
            ...validEvent(),
            postKey: `https://blog.example.com/${'a'.repeat(66_000 + Math.floor(random() * 100_000))}`,
          },
        ],
      }),
    }),
    () => ({
      label: 'prototype pollution',
      contentType: json,
      body: pick(random, [
        '{"events":[],"__proto__":{"admin":true}}',
        '{"events":[{"__proto__":{"x":1}}]}',
        '{"constructor":{"prototype":{"admin":true}},"events":[]}',
      ]),
    }),
    () => ({
      label: 'JSON extensions',
      contentType: json,
      body: pick(random, [
        "{'events':[]}",
        '{"events":[],}',
        '{"events":[NaN]}',
        '{"events":[Infinity]}',
        '{"events":[] /* c */}',
        '{"events":[01]}',
        '{"events":[1e99999]}',
      ]),
    }),
    () => ({
      label: 'duplicate key, the last one wrong',
      contentType: json,
      body: `{"events":[${JSON.stringify(validEvent())}],"events":7}`,
    }),
    () => ({
      label: 'wrong content type',
      contentType: pick(random, [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/json; charset=utf-16',
      ]),
      body: valid,
    }),
    () => ({ label: 'empty body', contentType: json, body: '' }),
  ];
  return Array.from({ length: count }, (_, index) => {
    const make = makers[index % makers.length];
    if (!make) throw new Error('no body maker');
    return make();
  });
}
