/**
 * The variant each person is offered (common/share/variants.ts, rendezvous hashing over the variants'
 * numbers): the same every time for one person and post, spread evenly over 1,000 simulated people
 * (chi-square), and kept by most people when marketing adds a wording to the kit. People are simulated
 * with seeds shaped as desktops make them (UUIDv7), drawn from a seeded generator so every run sees the
 * same 1,000 people.
 */
import { describe, expect, it } from 'vitest';
import { offeredVariant, type MessageVariant } from '../../common/share/variants.ts';
import { seededRandom } from './random-text.ts';

const POST = 'https://blog.example.com/ship-small';
const PEOPLE = 1000;

/** A UUIDv7 as a desktop makes its seed: a millisecond time, then random bits. */
function seeds(count: number, generatorSeed: number): string[] {
  const random = seededRandom(generatorSeed);
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  return Array.from({ length: count }, (_, index) => {
    const time = (1_780_000_000_000 + index * 7919).toString(16).padStart(12, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(3)}-${'89ab'[Math.floor(random() * 4)] ?? '8'}${hex(3)}-${hex(12)}`;
  });
}

const variantsNumbered = (...ids: number[]): MessageVariant[] =>
  ids.map((id) => ({ id, text: `Wording ${String(id)}` }));

/** The number of the variant offered to `seed`. */
const offeredId = (variants: readonly MessageVariant[], seed: string, postKey = POST, network = 'linkedin'): number =>
  variants[offeredVariant(variants, { seed, postKey, network })]?.id ?? -1;

/** Pearson's statistic for counts expected to be equal. */
function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
}

/** The chi-square critical values at p = 0.001, by degrees of freedom (k − 1). */
const CRITICAL_AT_0_001: Readonly<Record<number, number>> = { 1: 10.828, 2: 13.816, 3: 16.266, 4: 18.467 };

describe('the variant a person is offered', () => {
  it('is the same every time for one person and post, whatever the order the wordings come in or their text', () => {
    const variants = variantsNumbered(1, 2, 3, 4);
    for (const seed of seeds(50, 1)) {
      const first = offeredId(variants, seed);
      expect(offeredId(variants, seed)).toBe(first);
      expect(offeredId([...variants].reverse(), seed)).toBe(first);
      // An edited wording keeps its number, so the person keeps it.
      expect(
        offeredId(
          variants.map((variant) => ({ ...variant, text: `${variant.text}, edited` })),
          seed,
        ),
      ).toBe(first);
    }
  });

  it.each([2, 3, 4, 5])(
    'spreads 1,000 people evenly over %i wordings (chi-square under the 0.001 critical value)',
    (k) => {
      const ids = Array.from({ length: k }, (_, index) => index + 1);
      const variants = variantsNumbered(...ids);
      const counts = ids.map(() => 0);
      for (const seed of seeds(PEOPLE, 7)) {
        const id = offeredId(variants, seed);
        counts[id - 1] = (counts[id - 1] ?? 0) + 1;
      }
      expect(counts.every((count) => count > 0)).toBe(true);
      expect(chiSquare(counts)).toBeLessThan(CRITICAL_AT_0_001[k - 1] ?? 0);
    },
  );

  it('gives colleagues different wordings of one post, and one person different wordings across posts', () => {
    const variants = variantsNumbered(1, 2, 3);
    const colleagues = seeds(10, 3).map((seed) => offeredId(variants, seed));
    expect(new Set(colleagues).size).toBe(3);
    const [person = ''] = seeds(1, 4);
    const posts = Array.from({ length: 30 }, (_, index) => offeredId(variants, person, `${POST}-${String(index)}`));
    expect(new Set(posts).size).toBe(3);
  });

  it('stays with most people when a wording is added: only those for whom the new one wins move, all to it', () => {
    const before = variantsNumbered(1, 2, 3, 4);
    const after = variantsNumbered(1, 2, 3, 4, 5);
    const people = seeds(PEOPLE, 11);
    const moved = people.filter((seed) => offeredId(before, seed) !== offeredId(after, seed));
    for (const seed of moved) expect(offeredId(after, seed)).toBe(5);
    // About one in five take the new wording; at least 70 % keep theirs (80 % expected).
    expect(moved.length).toBeLessThan(PEOPLE * 0.3);
    expect(moved.length).toBeGreaterThan(PEOPLE * 0.1);
  });

  it('moves only the people who had a wording that is removed', () => {
    const before = variantsNumbered(1, 2, 3, 4);
    const after = variantsNumbered(1, 3, 4);
    for (const seed of seeds(PEOPLE, 13)) {
      const had = offeredId(before, seed);
      if (had !== 2) expect(offeredId(after, seed)).toBe(had);
      else expect([1, 3, 4]).toContain(offeredId(after, seed));
    }
  });
});
