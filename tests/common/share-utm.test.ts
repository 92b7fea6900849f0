/** UTM links: network, medium, campaign and an opaque share code; nothing else of the URL changes. */
import { describe, expect, it } from 'vitest';
import { isShareCode, newShareCode, utmLink } from '../../common/share/utm.ts';

describe('utmLink', () => {
  it('adds the four tags in order', () => {
    expect(utmLink('https://blog.example.com/post', 'linkedin', 'Ab3_x-9QzK1m')).toBe(
      'https://blog.example.com/post?utm_source=linkedin&utm_medium=social&utm_campaign=advocate&utm_content=Ab3_x-9QzK1m',
    );
  });

  it('keeps other parameters byte for byte and the fragment, and replaces old UTM tags', () => {
    const url = utmLink(
      'https://blog.example.com/post?q=a%20b&utm_source=newsletter&UTM_Medium=mail&x=1#part',
      'x',
      'code1234',
    );
    expect(url).toBe(
      'https://blog.example.com/post?q=a%20b&x=1&utm_source=x&utm_medium=social&utm_campaign=advocate&utm_content=code1234#part',
    );
  });

  it('survives a malformed escape in the existing query', () => {
    expect(utmLink('https://blog.example.com/?%E0=1', 'x', 'code1234')).toContain('?%E0=1&utm_source=x');
  });

  it('refuses a share code that could carry a name or a sentence', () => {
    for (const bad of ['Jane Doe', 'short', 'x'.repeat(33), 'jane.doe@example.com']) {
      expect(() => utmLink('https://blog.example.com/', 'x', bad)).toThrow(/share code/);
    }
  });

  it('refuses a post that is not http(s)', () => {
    expect(() => utmLink('javascript:alert(1)', 'x', 'code1234')).toThrow(/only http and https/);
  });
});

describe('newShareCode', () => {
  it('makes distinct valid codes', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newShareCode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(isShareCode(code)).toBe(true);
  });
});
