/** Composer URLs per network (DESIGN.md table): every value encodeURIComponent-ed, the link never twice. */
import { describe, expect, it } from 'vitest';
import { NETWORKS } from '../../common/domain.ts';
import { normalizeMastodonInstance, shareIntent, withLink } from '../../common/share/intents.ts';

const link = 'https://blog.example.com/post?a=1&b=2#top';
const text = 'Ship small & often? Yes! #devops 100% 🚀';
const draft = { text, link, subject: 'Ship small, ship often' };

function openUrl(network: Parameters<typeof shareIntent>[0], options = {}): string {
  const intent = shareIntent(network, draft, options);
  if (intent.kind !== 'open') throw new Error(intent.reason);
  return intent.url;
}

describe('shareIntent', () => {
  it("builds each network's URL from the DESIGN table", () => {
    const enc = encodeURIComponent;
    expect(openUrl('linkedin')).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${enc(link)}`);
    expect(openUrl('x')).toBe(`https://x.com/intent/tweet?text=${enc(text)}&url=${enc(link)}`);
    expect(openUrl('facebook')).toBe(`https://www.facebook.com/sharer/sharer.php?u=${enc(link)}`);
    expect(openUrl('bluesky')).toBe(`https://bsky.app/intent/compose?text=${enc(`${text} ${link}`)}`);
    expect(openUrl('threads')).toBe(`https://www.threads.com/intent/post?text=${enc(text)}&url=${enc(link)}`);
    expect(openUrl('mastodon', { mastodonInstance: 'mastodon.social' })).toBe(
      `https://mastodon.social/share?text=${enc(`${text} ${link}`)}`,
    );
    expect(openUrl('xing')).toBe(`https://www.xing.com/spi/shares/new?url=${enc(link)}`);
    expect(openUrl('email')).toBe(`mailto:?subject=${enc('Ship small, ship often')}&body=${enc(`${text} ${link}`)}`);
  });

  it('writes every line break of a mailto body as CRLF (RFC 6068), whatever the text had', () => {
    const lines = { text: 'First line\nSecond line\r\nThird line\rFourth line\n\nAfter a blank line', link };
    const intent = shareIntent('email', { ...lines, subject: 'Ship small' });
    if (intent.kind !== 'open') throw new Error(intent.reason);
    const body = new URL(intent.url).searchParams.get('body') ?? '';
    expect(intent.url).toContain('First%20line%0D%0ASecond%20line%0D%0AThird');
    expect(body).toBe(`First line\r\nSecond line\r\nThird line\r\nFourth line\r\n\r\nAfter a blank line ${link}`);
    // Copy keeps the text as written: only the mail program's URL needs CRLF.
    expect(intent.postedText).toBe(`${lines.text} ${link}`);
  });

  it('keeps a mailto subject on one line: a line break in a title cannot start another header', () => {
    const intent = shareIntent('email', { text, link, subject: 'Ship small\r\nBcc: everyone@example.com' });
    if (intent.kind !== 'open') throw new Error(intent.reason);
    expect(new URL(intent.url).searchParams.get('subject')).toBe('Ship small Bcc: everyone@example.com');
  });

  it('leaves no reserved character raw in any query value', () => {
    for (const network of NETWORKS) {
      const url = new URL(openUrl(network, { mastodonInstance: 'mastodon.social' }));
      const query = url.href.slice(url.href.indexOf('?') + 1);
      for (const pair of query.split('&')) expect(pair.split('=')[1]).not.toMatch(/[&#?\s%](?![0-9A-F]{2})/);
      expect(query).not.toContain('#');
    }
  });

  it('asks to copy first where the network cannot take text, and says what to paste', () => {
    for (const network of NETWORKS) {
      const intent = shareIntent(network, draft, { mastodonInstance: 'mastodon.social' });
      expect(intent).toMatchObject({
        kind: 'open',
        copyFirst: ['linkedin', 'facebook', 'xing'].includes(network),
        postedText: `${text} ${link}`,
      });
    }
  });

  it('does not add the link twice when the person kept it in the text', () => {
    const kept = { text: `Read ${link} today`, link };
    expect(shareIntent('x', kept)).toMatchObject({
      url: `https://x.com/intent/tweet?text=${encodeURIComponent(kept.text)}`,
      postedText: kept.text,
    });
    expect(shareIntent('bluesky', kept)).toMatchObject({ postedText: kept.text });
  });

  it('asks for a Mastodon server when none or a wrong one is set, naming what was typed', () => {
    expect(shareIntent('mastodon', draft)).toEqual({
      kind: 'needs-instance',
      reason: 'Mastodon needs your server name, like mastodon.social',
    });
    expect(shareIntent('mastodon', draft, { mastodonInstance: 'not a server' })).toMatchObject({
      kind: 'needs-instance',
      reason: expect.stringContaining('"not a server"') as unknown,
    });
  });
});

describe('normalizeMastodonInstance', () => {
  it('accepts a host, a URL or an account address', () => {
    expect(normalizeMastodonInstance('mastodon.social')).toBe('mastodon.social');
    expect(normalizeMastodonInstance(' https://Fosstodon.org/ ')).toBe('fosstodon.org');
    expect(normalizeMastodonInstance('@me@hachyderm.io')).toBe('hachyderm.io');
    expect(normalizeMastodonInstance('me@hachyderm.io')).toBe('hachyderm.io');
  });

  it('refuses anything that would put a path, credentials or a non-host into the URL', () => {
    for (const bad of [
      '',
      'localhost',
      'https://evil.example/phish',
      'user:pw@evil.example',
      'a b.example',
      'evil.example?x=1',
      'javascript:alert(1)',
    ]) {
      expect(normalizeMastodonInstance(bad)).toBeNull();
    }
  });
});

describe('withLink', () => {
  it('appends the link after the text, or gives the link alone for empty text', () => {
    expect(withLink('Hello  ', 'https://a.example/')).toBe('Hello https://a.example/');
    expect(withLink('', 'https://a.example/')).toBe('https://a.example/');
  });
});
