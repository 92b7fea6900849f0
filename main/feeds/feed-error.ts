/** The one error type of the feed pipeline: a kind for code and a message in plain words for people. */
export type FeedErrorKind = 'network' | 'http-status' | 'not-a-feed' | 'parse';

export class FeedError extends Error {
  override readonly name = 'FeedError';

  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
