/**
 * Run as its own process by killed-before-flush.test.ts and enrollment-retry.test.ts: a desktop core
 * that marks one post shared and then hangs in the flush, either before the batch leaves
 * (`before-send`), after the endpoint has answered but before the journal hears of it (`after-send`),
 * or after the endpoint enrolled it but before the token is kept (`after-enroll`), and says so, to be
 * killed there.
 */
import { join } from 'node:path';
import { createAppCore } from '../../../main/core/app-core.ts';
import type { HttpFetch } from '../../../main/core/ports.ts';
import { plainFileTokenStore } from '../../../main/sync/token-stand-ins.ts';
import { quietLog } from '../../helpers/sync-desktop.ts';

const [dataDir, feedUrl, endpointUrl, code, mode] = process.argv.slice(2);
const MODES = ['before-send', 'after-send', 'after-enroll'];
if (!dataDir || !feedUrl || !endpointUrl || !code || !MODES.includes(mode ?? '')) {
  throw new Error(`usage: share-then-die.ts <dataDir> <feedUrl> <endpointUrl> <code> ${MODES.join('|')}`);
}
const hangsAt = mode === 'after-enroll' ? '/v1/enroll' : '/v1/events';

let held: () => void = () => undefined;
const holding = new Promise<void>((resolve) => (held = resolve));
const hangingFetch: HttpFetch = async (input, init) => {
  if (!input.endsWith(hangsAt)) return fetch(input, init);
  if (mode !== 'before-send') await fetch(input, init);
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
  // The blog is read here (policy PollFeedsOnDesktop), not only once the endpoint has answered: in
  // after-enroll the endpoint never answers, and the desktop still needs a post to share.
  pollFeedsOnDesktop: true,
});
const started = core.start();
// Starting enrolls: in after-enroll that never ends, and the share is marked while it hangs.
await (mode === 'after-enroll' ? holding : started);
const [post] = await core.handlers.listPosts();
if (!post) throw new Error('the feed gave no post');
await core.handlers.markShared({ postId: post.id, network: 'linkedin' });
await holding;
console.log(`ready to die ${post.key}`);
