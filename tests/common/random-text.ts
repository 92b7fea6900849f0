/**
 * Deterministic random messages for the property tests of the counters: made of the pieces that X's
 * and Mastodon's rules treat specially (links, dots, CJK, emoji sequences, combining marks, directional
 * and refused characters, mentions), so every rule meets every neighbour. Seeded (mulberry32, shared
 * with the endpoint's malformed-body test), so a failure names a message that can be made again.
 */
export { seededRandom } from '../server/malformed-bodies.ts';

const TRICKY = [
  'https://',
  'http://',
  'HTTPS://',
  'www.',
  'example',
  '.com',
  '.jp',
  '.みんな',
  '.notatld',
  'bit.ly/3abc',
  't.co/abc',
  'xn--r8jz45g',
  '/path',
  '?q=1&b=2',
  ':8080',
  '(x)',
  '.',
  ',',
  '-',
  '_',
  '@',
  '@alice@example.social',
  '#',
  '$',
  ':',
  '/',
  '日本語',
  '。',
  '、',
  '詳しく',
  'Привет',
  'ï',
  '—',
  '…',
  '👍',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🇩🇪',
  '🇩',
  '1️⃣',
  'e\u0301',
  '\u0600',
  '\u20E3',
  '\u200D',
  '\u202C',
  '\u2066',
  '\uFFFF',
  '\uFEFF',
  '\u3000',
  '\u00A0',
  '\r\n',
];
const PROSE = ['the ', 'post ', 'and ', 'ありがとう', '新しい記事を公開しました', '\n', ' ', 'Ünïcödé ', 'a'];

/** A message of about `size` code units: `tricky` is the share of special pieces, the rest is prose. */
export function randomMessage(random: () => number, size: number, tricky: number): string {
  let text = '';
  while (text.length < size) {
    const pool = random() < tricky ? TRICKY : PROSE;
    text += pool[Math.floor(random() * pool.length)] ?? '';
  }
  return text;
}
