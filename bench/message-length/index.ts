/**
 * Per-keystroke cost of the window's message counter (issue 16): each keystroke re-measures the whole
 * message, as the window does (counting stops COUNTED_PAST_LIMIT past the limit). On a 3 KB and a
 * 100 KB message, ours on X and Mastodon (link finding, weights) beside a bare Intl.Segmenter pass over
 * the same text, the least a grapheme count can cost. Goal: at most 5 ms per keystroke on 100 KB.
 */
import { COUNTED_PAST_LIMIT, measureMessage } from '../../common/share/length.ts';
import type { Network } from '../../common/domain.ts';
import { bySize, goal, runBenchmark } from '../harness.ts';

const KEYSTROKES = bySize(60, 2);
const GOAL_MS = 5;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A pasted article: words, links written against text, emoji with skin tones, CJK. */
function message(bytes: number): string {
  const piece =
    'Our new post on release notes 🫶🏼 https://blog.example.com/2026/12/notes?utm=x, see bit.ly/3abc 詳しくはhttps://example.com/をご覧ください. ';
  let text = '';
  while (text.length < bytes) text += piece;
  return text.slice(0, bytes);
}

function medianMs(run: (text: string) => void, base: string): number {
  const times: number[] = [];
  let text = base;
  for (let key = 0; key < KEYSTROKES; key += 1) {
    text += 'a';
    const start = performance.now();
    run(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const bareSegmenterPass = (text: string): void => {
  const segments = segmenter.segment(text)[Symbol.iterator]();
  while (segments.next().done !== true);
};

await runBenchmark('message-length', () => {
  for (const bytes of [3 * 1024, 100 * 1024]) {
    const base = message(bytes);
    const anchor = medianMs(bareSegmenterPass, base);
    for (const network of ['x', 'mastodon'] as const satisfies readonly Network[]) {
      const ours = medianMs((text) => measureMessage(network, text, { countPastLimit: COUNTED_PAST_LIMIT }), base);
      console.log(
        `${network}, ${String(bytes / 1024)} KB message, median per keystroke over ${String(KEYSTROKES)}\n` +
          `  ours:   ${ours.toFixed(3)} ms\n  anchor: ${anchor.toFixed(3)} ms (bare Intl.Segmenter pass)\n` +
          `  ${bytes < 100 * 1024 ? 'reference' : `goal ≤ ${String(GOAL_MS)} ms ${goal(ours <= GOAL_MS)}`}`,
      );
    }
  }
  return Promise.resolve();
});
