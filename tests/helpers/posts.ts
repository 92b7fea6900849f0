/** Posts as the core hands them to the notification rules and the tray, for tests of what follows a poll. */
import type { Post } from '../../common/domain.ts';

/** Metadata a feed may ship with a post (prepared messages, hashtags); these tests need none. */
const noMetadata = { messages: {}, hashtags: [] as string[] };

export function testPost(id: string, publishedAt: Date | null, overrides: Partial<Post> = {}): Post {
  return {
    ...noMetadata,
    id,
    feedId: 'feed',
    key: `https://blog.example.com/${id}`,
    title: `Post ${id}`,
    link: `https://blog.example.com/${id}`,
    pitch: `About ${id}.`,
    imageUrl: null,
    publishedAt: publishedAt?.toISOString() ?? null,
    ...overrides,
  };
}
