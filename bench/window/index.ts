/**
 * The tray window's two benchmarks, each printing ours beside a bare React 19 app built by Vite the same
 * way (bench/window/anchor), measured in the same run:
 *   1. the JavaScript the window loads before it can run, gzipped   goal ≤ 100 KB
 *   2. first render of 200 posts in headless Chromium, median of 10  goal ≤ 150 ms
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../tests/helpers/chromium.ts';
import { bySize, report, runBenchmark, SMOKE, stepTo } from '../harness.ts';
import { buildAnchor, buildWindow, initialJs } from './builds.ts';
import { firstRender, samplePosts, serveFolder, type RenderTimes } from './first-render.ts';

const POST_COUNT = bySize(200, 20);
const RUNS = bySize(10, 1);
const KB = 1024;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

await runBenchmark('window', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'advocate-bench-window-'));
  const oursDir = join(dir, 'window');
  const anchorDir = join(dir, 'anchor');
  try {
    stepTo('building the window and the anchor');
    await buildWindow(oursDir);
    await buildAnchor(anchorDir);

    const ours = await initialJs(oursDir);
    const anchor = await initialJs(anchorDir);
    report(
      '1. Initial JavaScript of the window (entry + modulepreloads, gzip -9)',
      `${(ours.gzipBytes / KB).toFixed(1)} KB gzip (${(ours.bytes / KB).toFixed(0)} KB raw, ${String(ours.files.length)} file)`,
      `${(anchor.gzipBytes / KB).toFixed(1)} KB gzip (${(anchor.bytes / KB).toFixed(0)} KB raw), a bare React 19 app`,
      `${((ours.gzipBytes - anchor.gzipBytes) / KB).toFixed(1)} KB more than React alone; goal ≤ 100 KB`,
      ours.gzipBytes <= 100 * KB,
    );

    stepTo('rendering the posts in Chromium');
    const browser = await launchChromium();
    const oursServer = await serveFolder(oursDir);
    const anchorServer = await serveFolder(anchorDir);
    try {
      const posts = samplePosts(POST_COUNT, Date.now());
      // One warm-up each (Chromium's own start-up costs), then the runs interleaved so drift hits both alike.
      if (!SMOKE) {
        await firstRender(browser, oursServer.url, '.post-row', posts);
        await firstRender(browser, anchorServer.url, 'li', posts);
      }
      const oursTimes: RenderTimes[] = [];
      const anchorTimes: RenderTimes[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        oursTimes.push(await firstRender(browser, oursServer.url, '.post-row', posts));
        anchorTimes.push(await firstRender(browser, anchorServer.url, 'li', posts));
      }
      const of = (times: RenderTimes[], key: keyof RenderTimes) => times.map((time) => time[key]);
      const runs = (values: number[]): string => values.map((value) => value.toFixed(0)).join(', ');
      const oursRender = median(of(oursTimes, 'render'));
      const anchorRender = median(of(anchorTimes, 'render'));
      report(
        `2. First render of ${String(POST_COUNT)} posts in headless Chromium (posts handed over → rows painted), median of ${String(RUNS)}`,
        `${oursRender.toFixed(0)} ms (runs: ${runs(of(oursTimes, 'render'))})`,
        `${anchorRender.toFixed(0)} ms (runs: ${runs(of(anchorTimes, 'render'))}), the bare app listing the same posts`,
        `${(oursRender - anchorRender).toFixed(0)} ms more; goal ≤ 150 ms`,
        oursRender <= 150,
      );
      console.log(
        `   The whole cold start (navigation start → rows painted), median: ours ${median(of(oursTimes, 'fromNavigation')).toFixed(0)} ms ` +
          `(runs: ${runs(of(oursTimes, 'fromNavigation'))}), anchor ${median(of(anchorTimes, 'fromNavigation')).toFixed(0)} ms (runs: ${runs(of(anchorTimes, 'fromNavigation'))})`,
      );
    } finally {
      oursServer.server.close();
      anchorServer.server.close();
      await browser.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
