/**
 * Message variants: marketing may write up to five wordings of a post's message per network, so hundreds
 * of colleagues do not post the same sentence. Each variant keeps the number of the slot it was written
 * in (1 to 5) for as long as it exists: that number is what a share event carries and what the choice
 * below hashes, so editing one wording's text or adding another never renumbers the rest.
 *
 * THE choice rule (rendezvous, or highest-random-weight, hashing): the variant offered to a person is the
 * one whose number scores highest for hash(person seed, post, network, number). The same person always
 * gets the same variant of a post; colleagues spread evenly across the variants; a variant added to k
 * takes only the people for whom it now scores highest (about 1 in k+1), and everyone else keeps theirs;
 * a variant removed moves only the people who had it.
 */
export const MAX_VARIANTS = 5;

export interface MessageVariant {
  /** The slot it was written in, 1 to MAX_VARIANTS: stable through edits of the kit. */
  readonly id: number;
  readonly text: string;
}

/**
 * A well-mixed 32-bit hash of a string: FNV-1a over its UTF-16 units, then MurmurHash3's finaliser, so
 * inputs that differ only in their last character still differ in every bit (FNV-1a alone does not).
 */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Who is choosing and for what: the seed is this desktop's own, kept in its data folder. */
export interface VariantChooser {
  readonly seed: string;
  readonly postKey: string;
  readonly network: string;
}

/** The position in `variants` of the one offered first (0 for an empty or single list). */
export function offeredVariant(variants: readonly Pick<MessageVariant, 'id'>[], chooser: VariantChooser): number {
  let best = 0;
  let bestScore = -1;
  variants.forEach((variant, position) => {
    const score = hash32(`${chooser.seed}\u0000${chooser.postKey}\u0000${chooser.network}\u0000${String(variant.id)}`);
    if (score > bestScore) {
      best = position;
      bestScore = score;
    }
  });
  return best;
}
