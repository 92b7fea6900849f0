/** The posts this desktop knows, with what it knows about their shares, as views for the window. */
import type { Network, Post, PostView, ShareEvent } from '../../common/domain.ts';

export class PostStore {
  readonly #posts = new Map<string, Post>();
  readonly #feedTitles = new Map<string, string>();
  /** Null until the endpoint has answered once; then a post missing from its answer has 0 shares. */
  #counts: Map<string, number> | null = null;
  readonly #sharedOn = new Map<string, Set<Network>>();

  /** `isRead` answers whether the person has opened a post (the read state lives on disk, elsewhere). */
  constructor(private readonly isRead: (postId: string) => boolean = () => false) {}

  /** Makes `posts` the feed's posts: edited ones update in place, ones the feed dropped go. */
  replaceFeed(feedId: string, feedTitle: string, posts: readonly Post[]): void {
    this.#feedTitles.set(feedId, feedTitle);
    const current = new Set(posts.map((post) => post.id));
    for (const [id, post] of this.#posts) if (post.feedId === feedId && !current.has(id)) this.#posts.delete(id);
    for (const post of posts) this.#posts.set(post.id, post);
  }

  /** Forgets a feed that is no longer configured. */
  removeFeed(feedId: string): void {
    this.replaceFeed(feedId, '', []);
    this.#feedTitles.delete(feedId);
  }

  ids(): IterableIterator<string> {
    return this.#posts.keys();
  }

  /** Every post's address (what "open post" and the UTM links point at). */
  links(): string[] {
    return [...this.#posts.values()].map((post) => post.link);
  }

  get(postId: string): Post | undefined {
    return this.#posts.get(postId);
  }

  applyShare(event: ShareEvent): void {
    const networks = this.#sharedOn.get(event.postKey) ?? new Set<Network>();
    if (event.type === 'shared') networks.add(event.network);
    else networks.delete(event.network);
    this.#sharedOn.set(event.postKey, networks);
  }

  setCounts(counts: Iterable<{ postKey: string; shares: number }>): void {
    this.#counts = new Map([...counts].map(({ postKey, shares }) => [postKey, shares]));
  }

  /** The counts came from an endpoint this desktop no longer syncs with: unknown until the next answers. */
  forgetCounts(): void {
    this.#counts = null;
  }

  view(post: Post): PostView {
    return {
      ...post,
      feedTitle: this.#feedTitles.get(post.feedId) ?? '',
      sharedOn: [...(this.#sharedOn.get(post.key) ?? [])],
      unread: !this.isRead(post.id),
      shareCount: this.#counts ? (this.#counts.get(post.key) ?? 0) : null,
    };
  }

  /** Newest first; posts without a date go last, in feed order. */
  views(): PostView[] {
    return [...this.#posts.values()]
      .map((post, index) => ({ post, index }))
      .sort((a, b) => (b.post.publishedAt ?? '').localeCompare(a.post.publishedAt ?? '') || a.index - b.index)
      .map(({ post }) => this.view(post));
  }
}
