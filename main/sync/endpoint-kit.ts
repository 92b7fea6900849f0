/**
 * A post's share kit when marketing wrote one on the endpoint: it takes precedence over the feed's
 * metadata and the derived text. A network marketing left out gets the feed's own message, else one
 * made from marketing's pitch and hashtags.
 */
import { NETWORKS, type Network, type Post } from '../../common/domain.ts';
import type { ShareKitWire } from '../../common/protocol.ts';
import { kitFromPost, type KitText } from '../../common/share/kit.ts';
import { offeredVariant } from '../../common/share/variants.ts';
import type { OfferedVariants } from '../../common/sharing.ts';

export function kitWithEndpoint(
  post: Pick<Post, 'title' | 'pitch' | 'messages'>,
  kit: Pick<ShareKitWire, 'pitch' | 'hashtags' | 'messages'>,
): KitText {
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

/**
 * The wordings of each network the kit has any for, and the one this desktop is offered first. A kit from
 * an endpoint before variants has none: its one message per network is variant 1.
 */
export function offeredVariants(
  kit: ShareKitWire,
  seed: string,
): { messages: Partial<Record<Network, string>>; variants: Partial<Record<Network, OfferedVariants>> } {
  const messages: Partial<Record<Network, string>> = {};
  const variants: Partial<Record<Network, OfferedVariants>> = {};
  for (const network of NETWORKS) {
    const message = kit.messages[network];
    const wordings = kit.variants?.[network] ?? (message === undefined ? [] : [{ id: 1, text: message }]);
    if (wordings.length === 0) continue;
    const offered = offeredVariant(wordings, { seed, postKey: kit.postKey, network });
    variants[network] = { wordings, offered };
    messages[network] = wordings[offered]?.text ?? message;
  }
  return { messages, variants };
}
