/**
 * The layer rules of eslint.config.js that keep the feed engine shareable: feeds/ imports no app layer
 * and no Electron, server/ never imports main/ and reaches the engine only through feeds/index.ts.
 * Sources are linted as if they lived at the given paths (nothing is written to the tree), with only the
 * import rule on, so the check needs no type information.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

/** The import lines (1-based) the rule refuses when `source` is at `filePath`. */
async function refusedLines(filePath: string, imports: readonly string[]): Promise<number[]> {
  const [result] = await eslint.lintText(imports.join('\n'), { filePath });
  return (result?.messages ?? []).map((message) => {
    expect(message.ruleId).toBe('no-restricted-imports');
    return message.line;
  });
}

// Loading typescript-eslint takes seconds on a busy machine.
describe('import rules around the feed engine', { timeout: 30_000 }, () => {
  it('feeds/ may use common/, npm packages and Node, never electron, main/, server/, renderer/ or preload/', async () => {
    const imports = [
      "import { NETWORKS } from '../common/domain.ts';",
      "import Parser from 'rss-parser';",
      "import { gzipSync } from 'node:zlib';",
      "import type { Clock } from '../main/core/ports.ts';",
      "import { app } from 'electron';",
      "export { createApp } from '../server/app.ts';",
      "import '../renderer/main.tsx';",
      "import '../preload/api.ts';",
    ];
    expect(await refusedLines('feeds/poll-feed.ts', imports)).toEqual([4, 5, 6, 7, 8]);
    // One folder down, `../` is feeds/ itself: only `../../main/` leaves the engine.
    expect(await refusedLines('feeds/sub/part.ts', ["import '../main/x.ts';", "import '../../main/x.ts';"])).toEqual([
      2,
    ]);
  });

  it('server/ never imports main/, and takes the engine from feeds/index.ts alone', async () => {
    const imports = [
      "import { pollFeed } from '../../feeds/index.ts';",
      "import { fetchFeedBytes } from '../../feeds/http-get.ts';",
      "import type { HttpFetch } from '../../main/core/ports.ts';",
      "import { openFeedStore } from '../feeds/feed-store.ts';",
      "import { html } from '../dashboard/html.ts';",
    ];
    expect(await refusedLines('server/routes/feeds.ts', imports)).toEqual([2, 3]);
    expect(
      await refusedLines('server/cli.ts', [
        "import { checkFeed } from '../feeds/index.ts';",
        "import '../main/index.ts';",
      ]),
    ).toEqual([2]);
  });
});
