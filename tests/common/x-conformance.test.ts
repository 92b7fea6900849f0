/**
 * X's own published cases (twitter-text's conformance suite, copied into tests/common/fixtures/): every
 * weighted-length case of configuration v3 through the same measureMessage the window and the endpoint
 * use, and every URL-extraction case through the ported extractor.
 */
import { describe, expect, it } from 'vitest';
import { measureMessage } from '../../common/share/length.ts';
import { findUrls } from '../../common/share/x-url-extract.ts';
import {
  TCO_URLS_WITH_PARAMS,
  URLS,
  URLS_WITH_DIRECTIONAL_MARKERS,
  URLS_WITH_INDICES,
} from './fixtures/twitter-text-urls.ts';
import { DIRECTIONAL_MARKERS, NORMALIZATION_V2, WEIGHTED_V3 } from './fixtures/twitter-text-weighted.ts';

const linksIn = (text: string): { url: string; indices: [number, number] }[] =>
  findUrls(text, { withoutProtocol: true }).map(({ start, end }) => ({
    url: text.slice(start, end),
    indices: [start, end],
  }));

describe("X's weighted-length cases (validate.yml)", () => {
  it.each([...WEIGHTED_V3, ...DIRECTIONAL_MARKERS, ...NORMALIZATION_V2])('$description', (testCase) => {
    const measured = measureMessage('x', testCase.text);
    expect(measured.length).toBe(testCase.weightedLength);
    expect(measured.exact).toBe(true);
    // twitter-text's `valid`: something to post, within 280, and no character X refuses.
    expect(measured.length > 0 && !measured.over && measured.refused.length === 0).toBe(testCase.valid);
  });

  it('has all 26 cases (22 of v3, 2 with directional markers, 2 of normalisation)', () => {
    expect([WEIGHTED_V3.length, DIRECTIONAL_MARKERS.length, NORMALIZATION_V2.length]).toEqual([22, 2, 2]);
  });
});

describe("X's URL-extraction cases (extract.yml)", () => {
  it.each([...URLS, ...TCO_URLS_WITH_PARAMS])('$description', ({ text, expected }) => {
    expect(linksIn(text).map((link) => link.url)).toEqual(expected);
  });

  it.each([...URLS_WITH_INDICES, ...URLS_WITH_DIRECTIONAL_MARKERS])('$description, at its indices', (testCase) => {
    expect(linksIn(testCase.text)).toEqual(testCase.expected);
  });
});
