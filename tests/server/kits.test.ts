/**
 * Share kits over the API: written with the admin token, checked with common/share's lengths, read by devices with
 * ETag.
 */
import { describe, expect, it } from 'vitest';
import type { KitsResponse, ShareKitInput } from '../../common/protocol.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs } from '../helpers/endpoint-api.ts';

// A public address with a domain, as deployed: X counts a link to a bare IP address in full (twitter-text's rules).
const endpoint = freshEndpointPerTest({ publicUrl: 'https://advocate.example.com/' });

const kit: ShareKitInput = {
  postKey: 'https://blog.example.com/ship-small',
  pitch: 'We halved our release time; here is how.',
  messages: {
    x: 'Half the release time, twice the calm. 🚀',
    linkedin: 'How we cut our release time in half, step by step.',
  },
  hashtags: ['devops', 'Lieferung'],
  imageUrl: 'https://blog.example.com/ship-small.png',
};
type ErrorBody = { message: string };

describe('share kits', () => {
  it('saves a kit with the admin token and serves it to devices, with an ETag that changes on edits', async () => {
    const admin = apiAs(endpoint.url, endpoint.adminToken);
    const saved = await admin.put('v1/kits', kit);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...kit, updatedAt: expect.any(String) as unknown });

    const device = apiAs(endpoint.url, await endpoint.enroll());
    const first = await device.get<KitsResponse>('v1/kits');
    expect(first.body.kits).toEqual([saved.body]);
    const etag = first.headers.get('etag') ?? '';
    expect((await device.get('v1/kits', { 'if-none-match': etag })).status).toBe(304);

    await admin.put('v1/kits', { ...kit, pitch: 'Edited.' });
    const edited = await device.get<KitsResponse>('v1/kits', { 'if-none-match': etag });
    expect(edited.status).toBe(200);
    expect(edited.body.kits[0]?.pitch).toBe('Edited.');

    expect((await admin.delete(`v1/kits?postKey=${encodeURIComponent(kit.postKey)}`)).status).toBe(204);
    expect((await device.get<KitsResponse>('v1/kits')).body.kits).toEqual([]);
    expect((await admin.delete(`v1/kits?postKey=${encodeURIComponent(kit.postKey)}`)).status).toBe(404);
  });

  it("refuses a message over its network's limit (counted with the link, as the window counts), naming the network", async () => {
    const admin = apiAs(endpoint.url, endpoint.adminToken);
    // 250 + a space + a link counted as 23 = 274 on X: fine. 260 + 1 + 23 = 284: over.
    expect((await admin.put('v1/kits', { ...kit, messages: { x: 'a'.repeat(250) } })).status).toBe(200);
    const over = await admin.put<ErrorBody>('v1/kits', {
      ...kit,
      messages: { x: 'a'.repeat(260), bluesky: '👍'.repeat(299) },
    });
    expect(over.status).toBe(422);
    expect(over.body.message).toContain('messages.x: 284 characters with the link, the limit is 280');
    expect(over.body.message).toContain('messages.bluesky');
  });

  it('refuses a pitch past 300 characters, an image that is not https, and an unknown network', async () => {
    const admin = apiAs(endpoint.url, endpoint.adminToken);
    expect((await admin.put<ErrorBody>('v1/kits', { ...kit, pitch: 'p'.repeat(301) })).body.message).toContain(
      'pitch: 301 characters',
    );
    expect((await admin.put('v1/kits', { ...kit, imageUrl: 'javascript:alert(1)' })).status).toBe(400);
    const unknown = await admin.put<ErrorBody>('v1/kits', { ...kit, messages: { myspace: 'hi' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('"myspace"');
  });

  it('lets only the admin token write: a device token or none is 401', async () => {
    expect((await apiAs(endpoint.url, await endpoint.enroll()).put('v1/kits', kit)).status).toBe(401);
    expect((await apiAs(endpoint.url, null).put('v1/kits', kit)).status).toBe(401);
    expect((await apiAs(endpoint.url, null).get('v1/kits')).status).toBe(401);
  });
});
