/**
 * Run as its own process by feed-state.test.ts: saves two different, large states of one feed in turn,
 * as fast as it can, until the test kills it with SIGKILL at a random moment.
 */
import { newFeedState, type FeedState } from '../../../feeds/index.ts';
import { FeedStateStore } from '../../../main/feeds/feed-state-store.ts';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: state-writer.ts <dataDir>');

const stateNamed = (title: string): FeedState => ({
  ...newFeedState('https://blog.example.com/feed', 0, 30 * 60 * 1000),
  title,
  items: Array.from({ length: 400 }, (_, index) => ({
    id: `${title}-${String(index)}`,
    link: `https://blog.example.com/${String(index)}`,
    title: `${title} ${String(index)}`,
    pitch: title.repeat(200),
    imageUrl: null,
    publishedAt: null,
    messages: {},
    hashtags: [],
    embargoUntil: null,
  })),
});

const store = new FeedStateStore(dataDir);
const states = [stateNamed('A'), stateNamed('B')];
await store.save('feed', states[0] as FeedState);
console.log('writing');
for (let round = 1; ; round += 1) await store.save('feed', states[round % 2] as FeedState);
