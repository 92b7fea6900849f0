/**
 * The feed corpus (FEED_CORPUS_DIR: 67 real and broken feeds taken from public parsers' fixtures), each
 * served over HTTP by a local server with fitting headers and read by the same function the settings
 * window and the CLI use. Every file must end as a parsed feed or a specific error in plain words, never
 * a crash or a hang; a few dozen spot assertions check that what was read is right.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedCheck, FeedItem } from '../../common/domain.ts';
import { checkFeed } from '../../feeds/check-feed.ts';
import { startLocalServer, type LocalServer } from '../helpers/http-server.ts';

const corpusDir = process.env['FEED_CORPUS_DIR'];

if (!corpusDir) {
  describe('feed corpus', () => {
    it('did not run: FEED_CORPUS_DIR is not set', () => {
      console.log(
        'The feed corpus tests did not run: set FEED_CORPUS_DIR to the corpus folder (shared/feeds) to run them.',
      );
      expect(corpusDir).toBeUndefined();
    });
  });
} else {
  const dir = corpusDir;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    files: { folder: string; name: string }[];
  };
  const files = manifest.files.map(({ folder, name }) => `${folder}/${name}`);

  /** What a real server would send with each file. */
  function headersFor(file: string): Record<string, string> {
    const special: Record<string, Record<string, string>> = {
      // The fixture's own header comment: the HTTP charset names the encoding (here ASCII, also valid UTF-8).
      'feedparser/http_text_xml_charset_overrides_encoding.xml': { 'content-type': 'text/xml;charset = us-ascii' },
      // Undeclared Latin-1 bytes: the server's charset is what makes them readable.
      'miniflux-v2/no_encoding_ISO-8859-1.xml': { 'content-type': 'application/rss+xml; charset=ISO-8859-1' },
      'rss-parser/uolNoticias.rss': { 'content-type': 'text/xml; charset=iso-8859-1' },
      // gzip bytes: sent as a gzip-encoded response, which the HTTP client must decode.
      'node-feedparser/compressed.xml': { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' },
    };
    const type = file.endsWith('.json')
      ? 'application/feed+json'
      : file.endsWith('.atom')
        ? 'application/atom+xml'
        : 'application/rss+xml';
    return special[file] ?? { 'content-type': type };
  }

  let server: LocalServer;
  const results = new Map<string, FeedCheck>();
  const urlOf = (file: string): string => `${server.url}corpus/${file}`;

  beforeAll(async () => {
    server = await startLocalServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const [, route, ...rest] = path.split('/');
      const file = rest.join('/');
      if (!files.includes(file)) {
        response.writeHead(404).end();
        return;
      }
      const bytes = readFileSync(join(dir, file));
      if (route === 'corpus') response.writeHead(200, headersFor(file)).end(bytes);
      else if (route === 'unlabelled-gzip')
        response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
      else if (route === 'repeated-first-item') {
        // The same (guid-less) item twice in one fetch: it must collapse to one post, by its link.
        const text = bytes.toString('latin1');
        const first = /<item>[\s\S]*?<\/item>/.exec(text)?.[0] ?? '';
        response
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(Buffer.from(text.replace(first, first + first), 'latin1'));
      } else response.writeHead(404).end();
    });
    // Every file over HTTP, four at a time, as the engine polls.
    const queue = [...files];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift())
          results.set(file, await checkFeed(fetch, urlOf(file)));
      }),
    );
  }, 60_000);

  afterAll(() => server.close());

  const parsed = (file: string): Extract<FeedCheck, { ok: true }> => {
    const result = results.get(file);
    if (!result?.ok) throw new Error(`${file} did not parse: ${result ? result.error : 'no result'}`);
    return result;
  };
  const item = (file: string, index = 0): FeedItem => {
    const found = parsed(file).items[index];
    if (!found) throw new Error(`${file} has no item ${String(index)}`);
    return found;
  };

  /** The only files that are not feeds at all; every other one must parse (some with repairs). */
  const NOT_FEEDS: Record<string, RegExp> = {
    'gofeed/empty_feed.xml': /^the answer is empty: this is not a feed$/,
    // A web page: the usual feed paths on the corpus server are tried, and answer 404.
    'rss-parser/unrecognized.rss':
      /^this web page links no feed \(it may be a login page\), and none of \/feed, \/feed\.xml, .*\/feed\.json on 127\.0\.0\.1:\d+ answered with one$/,
  };

  describe('feed corpus over HTTP', () => {
    it('has every file of the manifest, 67 of them', () => {
      expect(files).toHaveLength(67);
      expect([...results.keys()].sort()).toEqual([...files].sort());
    });

    it.each(files)('%s ends as a parsed feed or a specific error', (file) => {
      const result = results.get(file);
      const expectedError = NOT_FEEDS[file];
      if (expectedError) {
        expect(result?.ok).toBe(false);
        expect(result?.ok === false ? result.error : '').toMatch(expectedError);
      } else {
        expect(result, result?.ok === false ? result.error : '').toMatchObject({ ok: true });
        for (const feedItem of result?.ok ? result.items : []) {
          // Only http(s) links survive, and no text carries markup.
          if (feedItem.link !== null) expect(feedItem.link).toMatch(/^https?:\/\//);
          expect(`${feedItem.title} ${feedItem.pitch}`).not.toMatch(/<[a-z/!][^>]*>/i);
        }
      }
    });

    it('decodes Cyrillic declared in the XML (windows-1251, KOI8-R) and behind gzip Content-Encoding', () => {
      expect(item('miniflux-v2/encoding_WINDOWS-1251.xml').title).toBe('Цитата #17703');
      expect(parsed('miniflux-v2/koi8r.xml').title).toBe('Пример RSS ленты');
      expect(parsed('node-feedparser/compressed.xml').title).toMatch(/^Новости Оренбурга и области/);
      expect(parsed('node-feedparser/compressed.xml').items).toEqual(parsed('node-feedparser/iconv.xml').items);
    });

    it('detects undeclared Hebrew (windows-1255) and Japanese (Shift_JIS)', () => {
      expect(item('feedparser/windows1255.xml').pitch).toMatch(/^האם תדפיס נייר של אתר אינטרנט/);
      expect(item('feedparser/shiftjis.xml').title).toContain('に記事投稿が反映されない');
      expect(parsed('feedparser/shiftjis.xml').encoding).toBe('shift_jis (detected)');
    });

    it('reads Portuguese from an ISO-8859-1 declaration and from the HTTP charset alone', () => {
      expect(parsed('rss-parser/encoding.rss').title).toBe('Jornal de Notícias - Últimas Notícias');
      expect(item('rss-parser/uolNoticias.rss').pitch).toMatch(/^Líder na pesquisa Ibope/);
      expect(parsed('rss-parser/uolNoticias.rss').encoding).toBe('windows-1252 (http header)');
      expect(item('miniflux-v2/no_encoding_ISO-8859-1.xml').pitch).toMatch(/é/);
    });

    it('reads EUC-KR, UTF-16 with and without BOM, and trusts valid UTF-8 over a wrong declaration', () => {
      expect(parsed('feedparser/euc-kr.xml').title).toBe('년');
      expect(parsed('feedparser/utf-16le-bom.xml').encoding).toBe('utf-16le (bom)');
      expect(parsed('feedparser/utf-16be.xml').encoding).toBe('utf-16be (utf-16 sniffing)');
      expect(parsed('miniflux-v2/windows-1252-incorrect-prolog.xml').title).toBe('Euro €');
      expect(item('miniflux-v2/utf8-incorrect-prolog.xml').title).toBe('Café');
    });

    it('repairs windows-1252 punctuation and double-encoded UTF-8', () => {
      expect(item('feedparser/demoronize-1.xml').pitch).toBe('don’t');
      expect(item('feedparser/double-encoded-html.xml').pitch).toBe('…');
    });

    it('resolves relative links against item xml:base, the feed link and the feed URL', () => {
      const scoped = parsed('node-feedparser/rss-with-item-scoped-html-base.xml').items.map((entry) => entry.link);
      expect(scoped).toEqual(['https://example.com/first/first', 'https://example.com/second']);
      const relative = item('node-feedparser/rss-with-relative-urls.xml');
      expect(relative.link).toMatch(new RegExp(`^${server.url}en/games/neverwinter/news/detail/`));
      expect(item('node-feedparser/intertwingly.atom').link).toBe(
        'http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend',
      );
    });

    it('collapses duplicates in one fetch: a repeated guid, and a guid-less item repeated (by its link)', async () => {
      expect(parsed('node-feedparser/guid-dupes.xml').items.map((entry) => entry.id)).toEqual([
        'http://www.braingle.com/50366.html',
      ]);
      const original = parsed('rss-parser/encoding.rss').items;
      expect(original).toHaveLength(40);
      expect(original.every((entry) => entry.id === entry.link)).toBe(true);
      const repeated = await checkFeed(fetch, `${server.url}repeated-first-item/rss-parser/encoding.rss`);
      expect(repeated.ok && repeated.items.map((entry) => entry.id)).toEqual(original.map((entry) => entry.id));
    });

    it('never lets script or event handlers into text', () => {
      expect(item('feedparser/entry_content_script_cdata.xml').pitch).toBe('safe description');
      expect(JSON.stringify(parsed('feedparser/entry_content_onerror.xml').items)).not.toMatch(
        /onerror|location\.href/,
      );
      const scripted = parsed('feedparser/example.json').items[1];
      expect(scripted?.pitch).toBe('Hello, world!');
    });

    it('parses JSON Feed 1.0 and 1.1 items', () => {
      expect(parsed('feedparser/example.json')).toMatchObject({ format: 'JSON Feed 1.0', title: 'My Example Feed' });
      expect(parsed('feedparser/example.json').items.map((entry) => entry.link)).toEqual([
        'https://example.org/second-item',
        'https://example.org/initial-post',
      ]);
      expect(item('gofeed/json11_feed.json')).toMatchObject({
        id: 'id',
        link: 'https://sample-json-feed.com/id',
        title: 'title',
        pitch: 'summary',
        imageUrl: 'https://sample-json-feed.com/image.png',
        publishedAt: '2019-10-12T07:20:50.520Z',
      });
    });

    it('reads the formats: RSS 0.9x, RSS 1.0, Atom 0.3, Atom under a namespace prefix', () => {
      expect(parsed('rss-parser/heraldsun.rss').format).toBe('RSS 0.9x');
      expect(parsed('miniflux-v2/rdf_UTF8.xml')).toMatchObject({ format: 'RSS 0.9x', title: 'heise online News' });
      expect(parsed('miniflux-v2/rdf_UTF8.xml').items).toHaveLength(60);
      expect(parsed('rss-parser/rss-1.rss').format).toBe('RSS 1.0');
      expect(parsed('gofeed/atom03_feed.xml')).toMatchObject({ format: 'Atom 0.3', title: 'Feed Title' });
      expect(item('node-feedparser/nondefaultnamespace.atom').title).toBe(
        'If you can read the content of this entry, your aggregator works fine.',
      );
      expect(parsed('rss-parser/giantbomb-podcast.rss').items).toHaveLength(730);
    });

    it('repairs a bare ampersand, a DOCTYPE, and reads what comes before a truncation', () => {
      expect(parsed('gofeed/issue_305_bare_ampersand.xml').title).toBe('Fish & Chips & more <3');
      expect(parsed('node-feedparser/saxerror.xml').items.map((entry) => entry.link)).toContain(
        'http://example.com/bad?foo=1&bar=2',
      );
      expect(parsed('feedparser/always_strip_doctype.xml').title).toBe('found');
      expect(item('feedparser/rss_item_link_corrupted_ampersands.xml').link).toBe('http://link/get?a=1&b=2');
      expect(parsed('feedparser/rss_incomplete_cdata.xml').warnings.join()).toMatch(/the feed is damaged/);
    });

    it('picks images from media:content (widest), enclosures, and the content, skipping tracking pixels', () => {
      expect(item('gofeed/feed_item_image_-_rss_channel_item_media.xml').imageUrl).toBe(
        'https://example.com/blog-open.png',
      );
      expect(item('feedparser/item_enclosure_multiple.xml').imageUrl).toBe('http://example.com/1');
      expect(item('rss-parser/guardian.rss').imageUrl).toMatch(/\/master\/3000\.jpg/);
      expect(item('miniflux-v2/encoding_ISO-8859-1.xml').imageUrl).not.toMatch(/cpx\.golem\.de/);
    });

    it('unpacks gzip bytes served without Content-Encoding', async () => {
      const unlabelled = await checkFeed(fetch, `${server.url}unlabelled-gzip/node-feedparser/compressed.xml`);
      expect(unlabelled.ok && unlabelled.items).toEqual(parsed('node-feedparser/iconv.xml').items);
      expect(
        gunzipSync(readFileSync(join(dir, 'node-feedparser/compressed.xml'))).equals(
          readFileSync(join(dir, 'node-feedparser/iconv.xml')),
        ),
      ).toBe(true);
    });
  });
}
