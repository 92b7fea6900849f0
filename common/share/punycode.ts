/**
 * Punycode (RFC 3492, section 6.3's encoder), as far as X's URL rules need it: a domain label as DNS
 * would carry it, to hold it to 63 characters. Labels split at the same four dots as punycode.js 1.4.1
 * (the version twitter-text uses), and a lone surrogate is a code point of its own there too.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;

function adapt(delta: number, points: number, first: boolean): number {
  let scaled = first ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  scaled += Math.floor(scaled / points);
  let k = 0;
  while (scaled > ((BASE - T_MIN) * T_MAX) / 2) {
    scaled = Math.floor(scaled / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * scaled) / (scaled + SKEW));
}

/** 0–25 are a–z, 26–35 are 0–9. */
const digit = (value: number): string => String.fromCharCode(value < 26 ? 0x61 + value : 0x30 + value - 26);

/** The label's code points as Punycode, without the `xn--` prefix. */
export function punycodeEncode(label: string): string {
  const points = Array.from(label, (char) => char.codePointAt(0) ?? 0);
  let output = points
    .filter((point) => point < INITIAL_N)
    .map((point) => String.fromCharCode(point))
    .join('');
  const basic = output.length;
  if (basic > 0) output += '-';
  let handled = basic;
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < points.length) {
    const next = Math.min(...points.filter((point) => point >= n));
    delta += (next - n) * (handled + 1);
    n = next;
    for (const point of points) {
      if (point < n) delta += 1;
      if (point !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        output += digit(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      output += digit(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled += 1;
    }
    delta += 1;
    n += 1;
  }
  return output;
}

const DOTS = /[.\u3002\uFF0E\uFF61]/;

/** punycode.js's `toASCII`: each non-ASCII part becomes `xn--` and its Punycode; ASCII parts stay as they are. */
export const toAscii = (domain: string): string =>
  domain
    .split(DOTS)
    .map((part) => (/[\u0080-\uFFFF]/.test(part) ? `xn--${punycodeEncode(part)}` : part))
    .join('.');
