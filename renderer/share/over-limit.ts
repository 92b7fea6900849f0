/**
 * What Open does with a message over its network's limit (policy `OfferCutToFit`): offer a version cut
 * to fit, keeping the organisation's line and the link, or stay disabled. It never opens the network
 * with an overlong text.
 */
import type { Network } from '../../common/domain.ts';
import type { OverLimitOpen } from '../../common/messages.ts';
import { cutToFit } from '../../common/share/cut-to-fit.ts';
import { withLink } from '../../common/share/intents.ts';
import type { MastodonLimits, MessageLength } from '../../common/share/length.ts';
import { composeShareText, type ShareTextParts } from './compose.ts';

export interface OverLimit {
  readonly open: OverLimitOpen;
  /** How many characters too many, as the network counts. */
  readonly over: number;
  /** With 'cut-offered': the text to hand to the network (without the link), and all it will carry. */
  readonly cut: { readonly text: string; readonly posted: string } | null;
}

export function overLimit(
  network: Network,
  parts: ShareTextParts,
  link: string,
  length: MessageLength,
  options: { readonly offerCut: boolean; readonly mastodon: MastodonLimits },
): OverLimit | null {
  if (!length.over || length.remaining === null) return null;
  const over = -length.remaining;
  if (!options.offerCut) return { open: 'shorten-asked', over, cut: null };
  const withLine = (words: string): string =>
    composeShareText({ take: '', message: words, disclosure: parts.disclosure });
  const words = cutToFit(
    network,
    composeShareText({ ...parts, disclosure: '' }),
    (cut) => withLink(withLine(cut), link),
    { mastodon: options.mastodon },
  );
  if (words === null) return { open: 'no-cut-fits', over, cut: null };
  const text = withLine(words);
  return { open: 'cut-offered', over, cut: { text, posted: withLink(text, link) } };
}
