/**
 * Message variants on the endpoint, over real HTTP: a kit with several wordings per network, served to
 * desktops that ask for them and, as the single message they know, to desktops that do not; a wording
 * over its network's limit or a sixth one refused at save; share events with and without the variant
 * stored; the dashboard's count per wording. On SQLite and PostgreSQL.
 */
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import {
  KitsResponseSchema,
  type EventResults,
  type KitsResponse,
  type ShareKitInput,
  type ShareKitWire,
} from '../../common/protocol.ts';
import { signedInBrowser } from '../helpers/dashboard-browser.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';

const endpoint = freshEndpointPerTest({ publicUrl: 'https://advocate.example.com/' });

const POST = 'https://blog.example.com/ship-small';
const kit: ShareKitInput = {
  postKey: POST,
  pitch: 'We halved our release time; here is how.',
  messages: { linkedin: 'How we cut our release time in half.' },
  variants: {
    x: [
      { id: 2, text: 'Release day used to take a week. Now it takes an afternoon.' },
      { id: 1, text: 'Half the release time, twice the calm.' },
      { id: 4, text: 'What we stopped doing to ship twice as fast.' },
    ],
  },
  hashtags: [],
  imageUrl: null,
};
type ErrorBody = { message: string };

/** The kits answer exactly as a desktop from before variants validates it: closed objects, no `variants`. */
const KitsBeforeVariantsSchema = Type.Object(
  {
    kits: Type.Array(
      Type.Omit(KitsResponseSchema.properties.kits.items, ['variants'], { additionalProperties: false }),
    ),
    blockList: Type.Optional(KitsResponseSchema.properties.blockList),
  },
  { additionalProperties: false },
);

describe('message variants', () => {
  it('serves every wording to desktops that ask, and the first as the one message to desktops that do not', async () => {
    const admin = apiAs(endpoint.url, endpoint.adminToken);
    const saved = await admin.put<ShareKitWire>('v1/kits', kit);
    expect(saved.status).toBe(200);
    // Kept in number order; the network with one message is variant 1.
    expect(saved.body.variants).toEqual({
      linkedin: [{ id: 1, text: 'How we cut our release time in half.' }],
      x: [
        { id: 1, text: 'Half the release time, twice the calm.' },
        { id: 2, text: 'Release day used to take a week. Now it takes an afternoon.' },
        { id: 4, text: 'What we stopped doing to ship twice as fast.' },
      ],
    });

    const device = apiAs(endpoint.url, await endpoint.enroll());
    for (const path of ['v1/kits', 'v1/kits?include=blockList']) {
      const older = await device.get<KitsResponse>(path);
      expect(Value.Check(KitsBeforeVariantsSchema, older.body), path).toBe(true);
      expect(older.body.kits[0]?.messages).toEqual({
        linkedin: 'How we cut our release time in half.',
        x: 'Half the release time, twice the calm.',
      });
    }
    const newer = await device.get<KitsResponse>('v1/kits?include=blockList,variants');
    expect(newer.status).toBe(200);
    expect(newer.body.kits[0]?.variants).toEqual(saved.body.variants);
    expect(newer.body.blockList).toEqual([]);
    // Each shape has its own ETag: a tag of the answer without variants does not stand for the one with them.
    const olderTag = (await device.get('v1/kits?include=blockList')).headers.get('etag') ?? '';
    expect((await device.get('v1/kits?include=blockList,variants', { 'if-none-match': olderTag })).status).toBe(200);
    const newerTag = newer.headers.get('etag') ?? '';
    expect((await device.get('v1/kits?include=blockList,variants', { 'if-none-match': newerTag })).status).toBe(304);
  });

  it('refuses a wording over its network’s limit, naming the network, the variant and the count; the kit saved stays', async () => {
    const admin = apiAs(endpoint.url, endpoint.adminToken);
    expect((await admin.put('v1/kits', kit)).status).toBe(200);
    // 260 + a space + the link counted as 23 = 284 on X: over 280.
    const over = await admin.put<ErrorBody>('v1/kits', {
      ...kit,
      variants: { x: [...(kit.variants?.x ?? []), { id: 3, text: 'a'.repeat(260) }] },
    });
    expect(over.status).toBe(422);
    expect(over.body.message).toBe('X, variant 3: 284 characters with the link, the limit is 280');
    const device = apiAs(endpoint.url, await endpoint.enroll());
    const kept = await device.get<KitsResponse>('v1/kits?include=variants');
    expect(kept.body.kits[0]?.variants?.x?.map((variant) => variant.id)).toEqual([1, 2, 4]);
  });

  it('refuses a sixth wording, a number past 5 and a number used twice, each in words', async () => {
    const admin = apiAs(endpoint.url, endpoint.adminToken);
    const six = Array.from({ length: 6 }, (_, index) => ({ id: index + 1, text: `Wording ${String(index + 1)}` }));
    const tooMany = await admin.put<ErrorBody>('v1/kits', { ...kit, variants: { linkedin: six } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.message).toContain('LinkedIn: 6 variants, a kit holds at most 5 per network');
    expect(tooMany.body.message).toContain('LinkedIn: variant number 6, variants are numbered 1 to 5');
    const twice = await admin.put<ErrorBody>('v1/kits', {
      ...kit,
      variants: {
        bluesky: [
          { id: 2, text: 'One.' },
          { id: 2, text: 'Two.' },
        ],
      },
    });
    expect(twice.status).toBe(422);
    expect(twice.body.message).toBe('Bluesky: variant number 2 is used twice');
    // Nothing was saved by either.
    expect((await apiAs(endpoint.url, await endpoint.enroll()).get<KitsResponse>('v1/kits')).body.kits).toEqual([]);
  });

  it('stores the variant a share event carries, and accepts events without one as desktops before variants send them', async () => {
    const device = apiAs(endpoint.url, await endpoint.enroll('Ada'));
    const withVariant = { ...shareEvent({ postKey: POST, network: 'x' }), variant: 2 };
    const without = shareEvent({ postKey: POST, network: 'linkedin' });
    const answer = await device.post<EventResults>('v1/events', { events: [withVariant, without] });
    expect(answer.body.results).toEqual([
      { id: withVariant.id, status: 'created' },
      { id: without.id, status: 'created' },
    ]);
    // Keyed by id: two UUIDv7s made in one millisecond sort by their random bits, in either order.
    const rows = await endpoint.db.selectFrom('share_events').select(['id', 'variant']).execute();
    expect(Object.fromEntries(rows.map((row) => [row.id, row.variant]))).toEqual({
      [withVariant.id]: 2,
      [without.id]: null,
    });
    // A retry is a duplicate; the same id with another variant is another event, refused.
    const again = await device.post<EventResults>('v1/events', {
      events: [withVariant, { ...without, variant: 1 }],
    });
    expect(again.body.results).toEqual([
      { id: withVariant.id, status: 'duplicate' },
      { id: without.id, status: 'rejected', reason: 'this id was already used for a different event' },
    ]);
    // A variant past 5 is no variant a kit can hold: refused by shape, nothing stored.
    const past = await device.post<ErrorBody>('v1/events', { events: [{ ...shareEvent(), variant: 6 }] });
    expect(past.status).toBe(400);
    expect(await endpoint.rows()).toHaveLength(2);
  });

  it('shows on the kit’s page how many people have the post shared with each wording, take-backs removed', async () => {
    const admin = apiAs(endpoint.url, endpoint.adminToken);
    expect((await admin.put('v1/kits', kit)).status).toBe(200);
    const share = async (name: string, variant: number | null, takeBack = false) => {
      const device = apiAs(endpoint.url, await endpoint.enroll(name));
      // A minute apart: the take-back is the newer event, whatever order ids made in one millisecond take.
      const event = shareEvent({ postKey: POST, network: 'x', at: new Date(Date.now() - 60_000) });
      const events = [variant === null ? event : { ...event, variant }];
      if (takeBack) events.push(shareEvent({ postKey: POST, network: 'x', type: 'unshared' }));
      const answer = await device.post<EventResults>('v1/events', { events });
      expect(answer.body.results.every((result) => result.status === 'created')).toBe(true);
    };
    await share('Ada', 2);
    await share('Bo', 2);
    await share('Cy', 4);
    await share('Di', 4, true);
    await share('Ed', null);

    const browser = await signedInBrowser(endpoint);
    const page = await browser.get(`dashboard/kits?postKey=${encodeURIComponent(POST)}`);
    expect(page.status).toBe(200);
    const table = page.text.slice(page.text.indexOf('<h2>Shares per wording</h2>'));
    const rows = [
      ...table.matchAll(/<tr>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<td class="number">(\d+)<\/td>/g),
    ].map((match) => [match[1], match[2]?.replace(/\s+/g, ' '), Number(match[3])]);
    expect(rows).toEqual([
      ['X', 'Variant 2: “Release day used to take a week. Now it takes an afternoon.”', 2],
      ['X', 'Variant 4: “What we stopped doing to ship twice as fast.”', 1],
      ['X', 'Not recorded (shared from a desktop from before variants)', 1],
    ]);
  });

  it('saves the wordings typed in the editor’s slots under their numbers', async () => {
    const browser = await signedInBrowser(endpoint);
    const saved = await browser.post('dashboard/kits', {
      postKey: POST,
      pitch: 'Why it matters.',
      message_x: 'First wording.',
      message_x_3: 'Third slot.',
      message_x_5: 'Fifth slot.',
    });
    expect(saved.status).toBe(303);
    const device = apiAs(endpoint.url, await endpoint.enroll());
    const kits = (await device.get<KitsResponse>('v1/kits?include=variants')).body.kits;
    expect(kits[0]?.variants?.x).toEqual([
      { id: 1, text: 'First wording.' },
      { id: 3, text: 'Third slot.' },
      { id: 5, text: 'Fifth slot.' },
    ]);
    const editor = await browser.get(`dashboard/kits?postKey=${encodeURIComponent(POST)}`);
    expect(editor.text).toContain('<textarea name="message_x_3" rows="2">Third slot.</textarea>');

    const refused = await browser.post('dashboard/kits', {
      postKey: POST,
      message_x: 'First wording.',
      message_x_2: 'b'.repeat(270),
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('X, variant 2: 294 characters with the link, the limit is 280');
    // The refused form comes back as typed.
    expect(refused.text).toContain(`<textarea name="message_x_2" rows="2">${'b'.repeat(270)}</textarea>`);
  });
});
