/** The share kit a post gets from its feed, or derived from its pitch when the feed ships none. */
import { describe, expect, it } from 'vitest';
import { kitFromPost } from '../../common/share/kit.ts';

const post = {
  title: 'We are hiring',
  pitch: 'Five new roles are open.',
  hashtags: ['hiring', '#berlin'],
  messages: {},
};

describe('kitFromPost', () => {
  it('derives one message for every network from the pitch and the hashtags', () => {
    const kit = kitFromPost(post);
    expect(kit.source).toBe('derived');
    expect(kit.messages.linkedin).toBe('Five new roles are open. #hiring #berlin');
    expect(new Set(Object.values(kit.messages)).size).toBe(1);
    expect(Object.keys(kit.messages)).toHaveLength(8);
  });

  it("keeps the feed's own message where it ships one, and derives the rest", () => {
    const kit = kitFromPost({ ...post, messages: { x: 'Come build with us' } });
    expect(kit.source).toBe('feed');
    expect(kit.messages.x).toBe('Come build with us');
    expect(kit.messages.bluesky).toBe('Five new roles are open. #hiring #berlin');
  });

  it('falls back to the title when a post has no pitch', () => {
    expect(kitFromPost({ ...post, pitch: '', hashtags: [] }).messages.email).toBe('We are hiring');
  });
});
