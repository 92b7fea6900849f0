/**
 * Run as its own process by killed-before-flush.test.ts: a desktop core that marks one post shared
 * and then hangs in the flush, either before the batch leaves (`before-send`) or after the endpoint
 * has answered but before the journal hears of it (`after-send`), and says so, to be killed there.
 */
import { join } from 'node:path';
import { createAppCore } from '../../../main/core/app-core.ts';
import type { HttpFetch } from '../../../main/core/ports.ts';
import { plainFileTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { quietLog } from '../../helpers/sync-desktop.ts';

const [dataDir, feedUrl, endpointUrl, code, mode] = process.argv.slice(2);
if (!dataDir || !feedUrl || !endpointUrl || !code || (mode !== 'before-send' && mode !== 'after-send')) {
  throw new Error('usage: share-then-die.ts <dataDir> <feedUrl> <endpointUrl> <code> before-send|after-send');
}

let held: () => void = () => undefined;
const holding = new Promise<void>((resolve) => (held = resolve));
const hangingFetch: HttpFetch = async (input, init) => {
  if (!input.endsWith('/v1/events')) return fetch(input, init);
  if (mode === 'after-send') await fetch(input, init);
  held();
  return new Promise<Response>(() => undefined);
};

const core = await createAppCore({
  fetch: hangingFetch,
  log: quietLog,
  dataDir,
  feedUrls: [feedUrl],
  endpointUrl,
  enrollment: { current: () => ({ code, displayName: 'Killed', team: '' }), onChange: () => () => undefined },
  deviceTokens: plainFileTokenStore(join(dataDir, 'device-token.txt')),
});
await core.start();
const [post] = await core.handlers.listPosts();
if (!post) throw new Error('the feed gave no post');
await core.handlers.markShared({ postId: post.id, network: 'linkedin' });
await holding;
console.log(`ready to die ${post.key}`);
