/**
 * `npm run feeds -- check <url-or-file>`: reads a feed exactly as the app does and prints it normalized,
 * as JSON (title, format, encoding; items with id, link, title, pitch, image, published), or the error
 * in plain words with exit code 1. IT runs it before rolling a feed out to every desktop.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FeedCheck } from '../common/domain.ts';
import { checkFeed, checkFeedBytes } from './check-feed.ts';
import { DEFAULT_LIMITS, tooLarge } from './http-get.ts';

const USAGE = 'usage: npm run feeds -- check <http(s) address or file>';

async function checkFile(path: string): Promise<FeedCheck> {
  const url = pathToFileURL(path).href;
  if ((await stat(path)).size > DEFAULT_LIMITS.maxBytes)
    return { ok: false, url, error: tooLarge(DEFAULT_LIMITS.maxBytes).message };
  return checkFeedBytes(await readFile(path), url);
}

async function main(args: readonly string[]): Promise<number> {
  const [command, target, ...rest] = args;
  if (command !== 'check' || target === undefined || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const isAddress = /^https?:\/\//i.test(target);
  if (!isAddress && !existsSync(target)) {
    console.error(`${target}: no such file, and not an http(s) address\n${USAGE}`);
    return 2;
  }
  const result = isAddress ? await checkFeed(fetch, target) : await checkFile(resolve(target));
  if (!result.ok) {
    console.error(`error: ${result.error}`);
    return 1;
  }
  const { url, discoveredFrom, format, encoding, title, items, warnings } = result;
  const shown = items.map(
    ({ id, link, title: itemTitle, pitch, imageUrl, publishedAt, messages, hashtags, embargoUntil }) => ({
      id,
      link,
      title: itemTitle,
      pitch,
      image: imageUrl,
      published: publishedAt,
      ...(Object.keys(messages).length > 0 ? { messages } : {}),
      ...(hashtags.length > 0 ? { hashtags } : {}),
      ...(embargoUntil === null ? {} : { embargoUntil }),
    }),
  );
  console.log(JSON.stringify({ url, discoveredFrom, format, encoding, title, items: shown, warnings }, null, 2));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
