/**
 * What the composer does with the block list's matches: the message cut into plain and marked pieces
 * (marked in place over the text box), and the words saying why Copy and Open are off or what to check.
 */
import type { BlockLevel, BlockMatch } from '../../common/share/block-list.ts';

export interface TextPiece {
  readonly text: string;
  /** Null for text no term covers; overlapping terms mark as the strictest of them. */
  readonly mark: BlockLevel | null;
}

const RANK: Readonly<Record<BlockLevel, number>> = { warn: 1, block: 2 };
const BY_RANK: readonly (BlockLevel | null)[] = [null, 'warn', 'block'];

/** The whole text, in order, cut where a mark starts or ends; matches may overlap. */
export function markedPieces(text: string, matches: readonly BlockMatch[]): TextPiece[] {
  const ranks = new Uint8Array(text.length);
  for (const match of matches)
    for (let at = match.start; at < match.end; at += 1) ranks[at] = Math.max(ranks[at] ?? 0, RANK[match.level]);
  const pieces: TextPiece[] = [];
  let start = 0;
  for (let at = 1; at <= text.length; at += 1) {
    if (at < text.length && ranks[at] === ranks[start]) continue;
    pieces.push({ text: text.slice(start, at), mark: BY_RANK[ranks[start] ?? 0] ?? null });
    start = at;
  }
  return pieces;
}

/** "“a”", "“a” and “b”", "“a”, “b” and “c”": the terms as the list writes them, each once. */
function quotedTerms(matches: readonly BlockMatch[]): { readonly text: string; readonly count: number } {
  const terms = [...new Set(matches.map((match) => match.term))].map((term) => `“${term}”`);
  const last = terms.pop() ?? '';
  return { text: terms.length === 0 ? last : `${terms.join(', ')} and ${last}`, count: terms.length + 1 };
}

export interface BlockNotes {
  /** Why Copy and Open are off, or null when no blocked term is in the message. */
  readonly blocked: string | null;
  /** What to check before sharing, or null when no warned term is in the message. */
  readonly warned: string | null;
}

export function blockNotes(matches: readonly BlockMatch[]): BlockNotes {
  const blocked = matches.filter((match) => match.level === 'block');
  const warned = matches.filter((match) => match.level === 'warn');
  const block = quotedTerms(blocked);
  const warn = quotedTerms(warned);
  return {
    blocked:
      blocked.length === 0
        ? null
        : `${block.text} ${block.count === 1 ? 'is' : 'are'} on your organisation’s block list: Copy and Open stay off until you take ${block.count === 1 ? 'it' : 'them'} out of the message.`,
    warned:
      warned.length === 0
        ? null
        : `Your organisation asks for care with ${warn.text}: check the message says what you mean before you share it.`,
  };
}
