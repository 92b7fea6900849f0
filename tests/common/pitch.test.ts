import { describe, expect, it } from 'vitest';
import { derivePitch, firstSentence, htmlToPlainText } from '../../common/pitch.ts';

describe('htmlToPlainText', () => {
  it('drops tags, script and style bodies, and decodes entities after stripping', () => {
    const html =
      '<p>Hello <b>world</b> &amp; friends</p><script>alert(1)</script><style>p{}</style><img src=x onerror="alert(2)">';
    expect(htmlToPlainText(html)).toBe('Hello world & friends');
  });

  it('keeps escaped markup as visible text instead of turning it into tags', () => {
    expect(htmlToPlainText('Use &lt;b&gt; for bold')).toBe('Use <b> for bold');
  });

  it('decodes numeric entities and ignores out-of-range ones', () => {
    expect(htmlToPlainText('caf&#233; &#x2014; &#99999999;')).toBe('café —');
  });

  it('drops an unterminated script to the end rather than leaking its code', () => {
    expect(htmlToPlainText('Before<script>evil()')).toBe('Before');
  });
});

describe('firstSentence', () => {
  it('ends at the first sentence mark followed by a space', () => {
    expect(firstSentence('We shipped v2. It is faster. Try it.')).toBe('We shipped v2.');
  });

  it('does not cut inside a version number or URL', () => {
    expect(firstSentence('Version 2.5 is out today! More soon.')).toBe('Version 2.5 is out today!');
  });

  it('cuts a long text without sentence marks at a word and adds an ellipsis', () => {
    const pitch = firstSentence('word '.repeat(100), 50);
    expect(pitch.length).toBeLessThanOrEqual(50);
    expect(pitch.endsWith('word…')).toBe(true);
  });
});

describe('derivePitch', () => {
  it('makes a plain-text first sentence from an HTML summary', () => {
    expect(derivePitch('<p>Our <em>new</em> release cuts build times in half. Details inside.</p>')).toBe(
      'Our new release cuts build times in half.',
    );
  });
});
