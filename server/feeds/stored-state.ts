/** A feed's state as stored in `feeds.state`, or null when it is not one this version can read (damaged, hand-edited). */
import { readFeedState, type FeedState } from '../../feeds/index.ts';

export function storedFeedState(text: string): FeedState | null {
  try {
    return readFeedState(JSON.parse(text));
  } catch {
    return null;
  }
}
