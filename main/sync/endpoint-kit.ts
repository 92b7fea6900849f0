/**
 * A post's share kit when marketing wrote one on the endpoint: it takes precedence over the feed's
 * metadata and the derived text. A network marketing left out gets the feed's own message, else one
 * made from marketing's pitch and hashtags.
 */
import type { Network, Post } from '../../common/domain.ts';
import type { ShareKitWire } from '../../common/protocol.ts';
import { kitFromPost, type KitText } from '../../common/share/kit.ts';

export function kitWithEndpoint(post: Pick<Post, 'title' | 'pitch' | 'messages'>, kit: ShareKitWire): KitText {
  const written = Object.entries(kit.messages).filter(
    (entry): entry is [Network, string] => typeof entry[1] === 'string',
  );
  const text = kitFromPost({
    title: post.title,
    pitch: kit.pitch.trim() || post.pitch,
    hashtags: kit.hashtags,
    messages: { ...post.messages, ...Object.fromEntries(written) },
  });
  return { ...text, source: 'endpoint' };
}
