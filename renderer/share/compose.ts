/**
 * The text a person shares: their own take first (so identical posts from colleagues don't look
 * copied), then the message, then the organisation's disclosure line. The link is added last by
 * `withLink` (common/share/intents.ts), so every network's count and composer see the same text.
 */

export interface ShareTextParts {
  /** The person's own first line; may be empty. */
  readonly take: string;
  /** The ready-made message as the person left it (it may contain the link already). */
  readonly message: string;
  /** Policy's mandatory line; empty for none. Never dropped, never doubled. */
  readonly disclosure: string;
}

export function composeShareText({ take, message, disclosure }: ShareTextParts): string {
  const body = [take.trim(), message.trim()].filter((part) => part.length > 0).join('\n\n');
  const line = disclosure.trim();
  if (line.length === 0 || body.includes(line)) return body;
  return body.length > 0 ? `${body}\n\n${line}` : line;
}
