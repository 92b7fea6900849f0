/**
 * WebSub discovery in the engine: each format's way of naming a hub (atom:link in RSS, Atom's link,
 * JSON Feed's hubs), the Link header winning over the document, relative links resolved, non-http hubs
 * ignored, and the hub kept through a 304 in the state that goes through JSON like a database column.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { baseInterval, DEFAULT_LIMITS, newFeedState, pollFeed, readFeedState } from '../../feeds/index.ts';
import { startLocalServer } from '../helpers/http-server.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOW = Date.parse('2026-03-02T09:00:00Z');
const RSS = (links: string): string =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Blog</title>` +
  `<link>https://blog.example.com/</link>${links}<item><title>A</title><link>https://blog.example.com/a</link></item></channel></rss>`;
const ATOM =
  '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>urn:blog</id>' +
  '<link rel="alternate" href="https://blog.example.com/"/><link rel="hub" href="/hub"/>' +
  '<link rel="self" href="https://blog.example.com/atom.xml"/>' +
  '<entry><id>urn:a</id><title>A</title><link href="https://blog.example.com/a"/><updated>2026-03-01T00:00:00Z</updated></entry></feed>';
const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Blog',
  feed_url: 'https://blog.example.com/feed.json',
  hubs: [
    { type: 'rssCloud', url: 'https://cloud.example.com/' },
    { type: 'WebSub', url: 'https://hub.example.com/' },
  ],
  items: [{ id: 'a', url: 'https://blog.example.com/a', content_text: 'A' }],
});

interface Answer {
  readonly body: string;
  readonly type: string;
  readonly link?: string;
}

/** Polls a feed served with `answer` twice (the second time 304) and gives the WebSub links of each state. */
async function discovered(answer: Answer): Promise<{ first: unknown; afterNotModified: unknown; feedUrl: string }> {
  const server = await startLocalServer((request, response) => {
    const headers: Record<string, string> = { 'content-type': answer.type, etag: '"v1"' };
    if (answer.link !== undefined) headers['link'] = answer.link;
    response.writeHead(request.headers['if-none-match'] === '"v1"' ? 304 : 200, headers);
    response.end(request.headers['if-none-match'] === '"v1"' ? undefined : answer.body);
  });
  cleanups.push(server.close);
  const feedUrl = `${server.url}feed`;
  const context = (now: number) => ({
    fetch,
    limits: DEFAULT_LIMITS,
    now,
    random: () => 0,
    baseIntervalMs: baseInterval(undefined),
  });
  const first = await pollFeed(newFeedState(feedUrl, NOW, baseInterval(undefined)), context(NOW));
  const stored = readFeedState(JSON.parse(JSON.stringify(first.state)));
  if (!stored) throw new Error('the state did not survive JSON');
  const second = await pollFeed(stored, context(first.state.nextPollAt));
  expect(second.state.etag).toBe('"v1"');
  return { first: first.state.websub, afterNotModified: second.state.websub, feedUrl };
}

describe('WebSub links of a feed', () => {
  it('reads atom:link rel="hub" and rel="self" inside an RSS channel, and keeps them through a 304', async () => {
    const found = await discovered({
      type: 'application/rss+xml',
      body: RSS(
        '<atom:link rel="hub" href="https://hub.example.com/"/><atom:link rel="self" href="https://blog.example.com/feed"/>',
      ),
    });
    expect(found.first).toEqual({ hub: 'https://hub.example.com/', topic: 'https://blog.example.com/feed' });
    expect(found.afterNotModified).toEqual(found.first);
  });

  it("reads Atom's own links, resolving a relative hub against the feed's address", async () => {
    const found = await discovered({ type: 'application/atom+xml', body: ATOM });
    expect(found.first).toEqual({
      hub: new URL('/hub', found.feedUrl).href,
      topic: 'https://blog.example.com/atom.xml',
    });
  });

  it("reads JSON Feed's WebSub hub (not its rssCloud one) with feed_url as the topic", async () => {
    const found = await discovered({ type: 'application/feed+json', body: JSON_FEED });
    expect(found.first).toEqual({ hub: 'https://hub.example.com/', topic: 'https://blog.example.com/feed.json' });
  });

  it("takes the Link header's hub and self over the document's", async () => {
    const found = await discovered({
      type: 'application/rss+xml',
      body: RSS('<atom:link rel="hub" href="https://other-hub.example.com/"/>'),
      link: '<https://hub.example.com/>; rel="hub", <https://blog.example.com/canonical>; rel="self"',
    });
    expect(found.first).toEqual({ hub: 'https://hub.example.com/', topic: 'https://blog.example.com/canonical' });
  });

  it('names the address it was read from as the topic when no self link is given', async () => {
    const found = await discovered({
      type: 'application/rss+xml',
      body: RSS('<atom:link rel="hub" href="https://hub.example.com/"/>'),
    });
    expect(found.first).toEqual({ hub: 'https://hub.example.com/', topic: found.feedUrl });
  });

  it('has none for a feed without a hub, or with only a hub that is not http(s)', async () => {
    expect((await discovered({ type: 'application/rss+xml', body: RSS('') })).first).toBeNull();
    const odd = await discovered({
      type: 'application/rss+xml',
      body: RSS('<atom:link rel="hub" href="javascript:alert(1)"/>'),
    });
    expect(odd.first).toBeNull();
  });
});
