/**
 * A kit's message variants as the endpoint keeps them: per network, in number order, the first one also
 * kept as the network's single message for desktops from before variants.
 */
import { NETWORKS, type Network } from '../../common/domain.ts';
import type { KitVariants, ShareKitInput, ShareKitWire } from '../../common/protocol.ts';
import { NETWORK_LABELS } from '../../common/share/network-labels.ts';
import { MAX_VARIANTS, type MessageVariant } from '../../common/share/variants.ts';

type WithVariants = Pick<ShareKitInput, 'messages' | 'variants'>;

/** Each network's wordings in number order: those written as variants, else its one message as variant 1. */
export function variantsOf(kit: WithVariants): Partial<Record<Network, readonly MessageVariant[]>> {
  const result: Partial<Record<Network, readonly MessageVariant[]>> = {};
  for (const network of NETWORKS) {
    const written = kit.variants?.[network];
    const message = kit.messages[network];
    if (written !== undefined) result[network] = [...written].sort((a, b) => a.id - b.id);
    else if (message !== undefined) result[network] = [{ id: 1, text: message }];
  }
  return result;
}

/** The kit as stored: the variants, and each network's first wording as its message. */
export function withFirstVariants(kit: WithVariants): { messages: ShareKitWire['messages']; variants: KitVariants } {
  const variants = variantsOf(kit) as KitVariants;
  const messages = Object.fromEntries(
    Object.entries(variants).map(([network, list]) => [network, list[0]?.text]),
  ) as ShareKitWire['messages'];
  return { messages, variants };
}

/** How many variants a network has and how they are numbered, in words; empty when fine. */
export function variantNumberProblems(kit: WithVariants): string[] {
  const problems: string[] = [];
  for (const network of NETWORKS) {
    const written = kit.variants?.[network];
    if (written === undefined) continue;
    const label = NETWORK_LABELS[network];
    if (written.length > MAX_VARIANTS)
      problems.push(
        `${label}: ${String(written.length)} variants, a kit holds at most ${String(MAX_VARIANTS)} per network`,
      );
    const past = written.filter((variant) => variant.id > MAX_VARIANTS).map((variant) => variant.id);
    if (past.length > 0)
      problems.push(`${label}: variant number ${past.join(', ')}, variants are numbered 1 to ${String(MAX_VARIANTS)}`);
    const ids = written.map((variant) => variant.id);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (repeated.length > 0) problems.push(`${label}: variant number ${String(repeated[0])} is used twice`);
  }
  return problems;
}

/** The name of one wording in a refusal: the message's field when the kit has no variants for it. */
export const variantName = (kit: WithVariants, network: Network, id: number): string =>
  kit.variants?.[network] === undefined ? `messages.${network}` : `${NETWORK_LABELS[network]}, variant ${String(id)}`;

/** A kit for a desktop that did not ask for variants: exactly the shape it knows. */
export function withoutVariants(kit: ShareKitWire): ShareKitWire {
  const { postKey, pitch, messages, hashtags, imageUrl, updatedAt } = kit;
  return { postKey, pitch, messages, hashtags, imageUrl, updatedAt };
}
