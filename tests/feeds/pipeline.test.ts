/**
 * The decode, repair, parse and normalize steps on small documents written for each rule, and the
 * schedule's arithmetic: one test per rule, each saying what is tried and what must hold.
 */
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../feeds/decode.ts';
import { discoverFeedLinks } from '../../feeds/discover.ts';
import { FeedError } from '../../feeds/feed-error.ts';
import { feedPlainText } from '../../feeds/feed-text.ts';
import { readFeed } from '../../feeds/read-feed.ts';
import { closeTruncatedXml, repairXml } from '../../feeds/repair-xml.ts';
import { backoffDelay, feedInterval, MAX_DELAY_MS, MIN_INTERVAL_MS, nextPollDelay } from '../../feeds/schedule.ts';

const FEED_URL = 'https://blog.example.com/feed.xml';
const read = (text: string, contentType: string | null = null) =>
  readFeed(new TextEncoder().encode(text), { contentType, url: FEED_URL });
const rss = (items: string, extra = ''): string =>
  `<?xml version="1.0"?><rss version="2.0"${extra}><channel><title>Blog</title><link>https://blog.example.com/</link>${items}</channel></rss>`;

describe('decode', () => {
  it('prefers valid UTF-8 over a declaration that says otherwise', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Café</title></rss>');
    expect(decodeFeedBytes(bytes, 'text/xml; charset=iso-8859-1')).toMatchObject({
      encoding: 'utf-8',
      source: 'valid utf-8',
    });
  });

  it('uses the HTTP charset before the XML declaration when the bytes are not UTF-8', () => {
    const bytes = Uint8Array.from([...Buffer.from('<?xml version="1.0" encoding="koi8-r"?><t>', 'latin1'), 0xe9]);
    const byHeader = decodeFeedBytes(bytes, 'application/xml; charset="windows-1252"');
    expect([byHeader.source, byHeader.text.at(-1)]).toEqual(['http header', 'é']);
    const byDeclaration = decodeFeedBytes(bytes, 'application/xml');
    expect([byDeclaration.source, byDeclaration.text.at(-1)]).toEqual(['xml declaration', 'И']);
  });

  it('keeps the UTF-8 of a mostly-UTF-8 document and reads its stray bytes as windows-1252', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('<t>Grüße '),
      0x93,
      0x71,
      0x94,
      ...new TextEncoder().encode('</t>'),
    ]);
    expect(decodeFeedBytes(bytes, null)).toMatchObject({ text: '<t>Grüße “q”</t>', source: 'fallback' });
  });
});

describe('repair', () => {
  it('escapes stray ampersands and unknown entities but leaves CDATA and valid references alone', () => {
    expect(repairXml('junk<t>Fish & Chips &amp; &#38; &eacute; &bogus; <![CDATA[a & b]]></t>')).toBe(
      '<t>Fish &amp; Chips &amp; &#38; &#233; &amp;bogus; <![CDATA[a & b]]></t>',
    );
  });

  it('removes the DOCTYPE with its internal subset, so no entity it declares is ever expanded', () => {
    expect(repairXml('<!DOCTYPE r [<!ENTITY a "x"><!ENTITY b "&a;&a;">]><r>&b;</r>')).toBe('<r>&amp;b;</r>');
  });

  it('closes the elements a truncated document leaves open, dropping the cut tag or CDATA', () => {
    expect(closeTruncatedXml('<rss><channel><item><title>A</title></item><item><title><![CDATA[hal')).toBe(
      '<rss><channel><item><title>A</title></item><item><title></title></item></channel></rss>',
    );
    expect(closeTruncatedXml('<rss><channel></channel></rss')).toBe('<rss><channel></channel></rss>');
  });
});

describe('parse and normalize', () => {
  it('identifies items by guid, else link, else title and date; duplicates in one fetch collapse', async () => {
    const feed = await read(
      rss(
        [
          '<item><guid>urn:1</guid><title>One</title><link>/one</link></item>',
          '<item><guid>urn:1</guid><title>One again</title><link>/one-again</link></item>',
          '<item><title>Two</title><link>/two</link></item>',
          '<item><guid>urn:3</guid><title>Two under another guid</title><link>/two</link></item>',
          '<item><title>No link</title><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate></item>',
        ].join(''),
      ),
    );
    expect(
      feed.items.map(({ id, title, link }) => ({ id: id.replace(/^hash:[0-9a-f]{16}$/, 'hash:…'), title, link })),
    ).toEqual([
      { id: 'urn:1', title: 'One', link: 'https://blog.example.com/one' },
      { id: 'https://blog.example.com/two', title: 'Two', link: 'https://blog.example.com/two' },
      { id: 'hash:…', title: 'No link', link: null },
    ]);
  });

  it('takes a permalink guid as the link when the item has none', async () => {
    const feed = await read(
      rss(
        '<item><guid>https://blog.example.com/p/1</guid></item><item><guid isPermaLink="false">https://blog.example.com/p/2</guid></item>',
      ),
    );
    expect(feed.items.map((item) => item.link)).toEqual(['https://blog.example.com/p/1', null]);
  });

  it("resolves Atom links against the feed's xml:base", async () => {
    const feed = await read(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://other.example.org/blog/"><title>A</title><entry><id>1</id><link href="post-1"/></entry></feed>',
    );
    expect(feed.items[0]?.link).toBe('https://other.example.org/blog/post-1');
  });

  it('makes a pitch of whole sentences with no markup or entity residue, even when escaped twice', async () => {
    const feed = await read(
      rss(
        '<item><title>Tom &amp;amp; Jerry</title><link>/t</link><description>&amp;lt;p&amp;gt;Caf&amp;eacute; opens today&amp;hellip; Come by. Really.</description></item>',
      ),
    );
    expect(feed.items[0]).toMatchObject({ title: 'Tom & Jerry', pitch: 'Café opens today…' });
    expect(feedPlainText('<script>alert(1)</script><b>Bold</b> &nbsp;text')).toBe('Bold text');
  });

  it('says what the answer is when it is not a feed', async () => {
    await expect(read('   ')).rejects.toThrow(new FeedError('not-a-feed', 'the answer is empty: this is not a feed'));
    await expect(read('<html><body>Sign in</body></html>')).rejects.toThrow(
      'the server sent an HTML page, maybe a login page, not a feed',
    );
    await expect(read('<svg xmlns="http://www.w3.org/2000/svg"/>')).rejects.toThrow(
      'the answer is XML but not a feed: its root element is <svg>, not <rss>, <feed> or <rdf:RDF>',
    );
    await expect(read('{"hello":"world"}')).rejects.toThrow(
      'the answer is JSON but not a JSON Feed (no "version" and "items")',
    );
    await expect(
      read('{"version": "https://jsonfeed.org/version/1.1", "items": [', 'application/feed+json'),
    ).rejects.toThrow('the JSON Feed is not valid JSON');
    await expect(read('<rss version="2.0"><channel><item></channel></rss>')).rejects.toThrow(
      /^the feed is not well-formed XML: unexpected close tag \(line 1\)$/,
    );
  });
});

describe('share-kit metadata in the feed', () => {
  it('reads the advocate: namespace under any prefix, and drops each bad value with a reason', async () => {
    const feed = await read(
      rss(
        [
          '<item><title>Launch</title><link>/launch</link><description>Derived. Pitch.</description>',
          '<kit:pitch>We shipped the thing people asked for.</kit:pitch>',
          '<kit:message network="linkedin">Proud of the team: the thing is out.</kit:message>',
          '<kit:message network="myspace">Nope</kit:message>',
          `<kit:message network="x">${'long '.repeat(80)}</kit:message>`,
          '<kit:hashtag>#Launch</kit:hashtag><kit:hashtag>two words</kit:hashtag>',
          '<kit:image>/img/launch.png</kit:image>',
          '<kit:embargo>tomorrow</kit:embargo>',
          '</item>',
        ].join(''),
        ' xmlns:kit="urn:advocate:share-kit:1"',
      ),
    );
    expect(feed.items[0]).toMatchObject({
      pitch: 'We shipped the thing people asked for.',
      messages: { linkedin: 'Proud of the team: the thing is out.' },
      hashtags: ['Launch'],
      imageUrl: 'https://blog.example.com/img/launch.png',
      embargoUntil: null,
    });
    expect(feed.warnings).toEqual([
      'Launch: message ignored: unknown network "myspace" (use one of linkedin, x, facebook, bluesky, threads, mastodon, xing, email)',
      'Launch: message for x ignored: it is longer than 280 characters',
      'Launch: hashtag ignored: "two words" is not one word of letters, digits or _',
      'Launch: embargo ignored: it must be a date and time with a time zone, like 2026-03-01T09:00:00Z',
    ]);
  });

  it('ignores a 100 KB message and pitch as too long, counting only as far as the limit (they once exhausted memory)', async () => {
    const huge = 'x'.repeat(100 * 1024);
    const feed = await read(
      rss(
        `<item><title>Big</title><link>/big</link><kit:pitch>${huge}</kit:pitch><kit:message network="bluesky">${huge}</kit:message></item>`,
        ' xmlns:kit="urn:advocate:share-kit:1"',
      ),
    );
    expect(feed.items[0]?.messages).toEqual({});
    expect(feed.warnings).toEqual([
      'Big: pitch ignored: it is longer than 280 characters',
      'Big: message for bluesky ignored: it is longer than 300 characters',
    ]);
  });

  it('reads the _advocate JSON Feed extension the same way', async () => {
    const feed = await read(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [
          {
            id: '1',
            url: 'https://blog.example.com/1',
            content_text: 'Derived.',
            _advocate: {
              pitch: 'From the feed.',
              messages: { bluesky: 'Out now' },
              hashtags: ['one', 2],
              image: 'javascript:alert(1)',
              embargo: '2026-03-01T09:00:00Z',
            },
          },
        ],
      }),
    );
    expect(feed.items[0]).toMatchObject({
      pitch: 'From the feed.',
      messages: { bluesky: 'Out now' },
      hashtags: ['one'],
      imageUrl: null,
      embargoUntil: '2026-03-01T09:00:00.000Z',
    });
    expect(feed.warnings).toEqual([
      'https://blog.example.com/1: hashtag ignored: "2" is not one word of letters, digits or _',
      'https://blog.example.com/1: image ignored: it is not an http or https address',
    ]);
  });
});

describe('autodiscovery', () => {
  it('finds the feeds a page announces, resolved against its <base>, in page order', () => {
    const html =
      '<html><head><base href="https://www.example.com/en/"><link rel="stylesheet" href="s.css">' +
      '<link rel="alternate" type="application/rss+xml" href="feed.xml"><link type="application/atom+xml" rel="alternate" href=\'/atom?x=1&amp;y=2\'>' +
      '<link rel="alternate" type="text/html" href="/fr/"><link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"></head></html>';
    expect(discoverFeedLinks(html, 'https://www.example.com/')).toEqual([
      'https://www.example.com/en/feed.xml',
      'https://www.example.com/atom?x=1&y=2',
    ]);
  });
});

describe('schedule', () => {
  const HOUR = 60 * 60 * 1000;

  it('lengthens the interval with max-age or ttl, never shortens it, and caps hints at a day', () => {
    expect(feedInterval(30 * 60_000, 2 * HOUR, null)).toBe(2 * HOUR);
    expect(feedInterval(30 * 60_000, null, 180)).toBe(3 * HOUR);
    expect(feedInterval(30 * 60_000, 60_000, 1)).toBe(30 * 60_000);
    expect(feedInterval(30 * 60_000, 365 * 24 * HOUR, null)).toBe(MAX_DELAY_MS);
  });

  it('adds up to 10% jitter to a normal poll', () => {
    expect(nextPollDelay(HOUR, () => 0)).toBe(HOUR);
    expect(nextPollDelay(HOUR, () => 0.999)).toBeCloseTo(1.0999 * HOUR);
  });

  it('honours Retry-After within the floor and the day', () => {
    expect(backoffDelay(HOUR, 1, 10_000, () => 0.5)).toBe(MIN_INTERVAL_MS);
    expect(backoffDelay(HOUR, 1, 3 * HOUR, () => 0.5)).toBe(3 * HOUR);
    expect(backoffDelay(HOUR, 1, 9 * 24 * HOUR, () => 0.5)).toBe(MAX_DELAY_MS);
  });
});
