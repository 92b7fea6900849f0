/**
 * The link a share carries, per post and network: the person's tracked /r/ link when an endpoint is
 * configured and has handed one out (main/sync/tracked-links.ts), otherwise the post URL with UTM tags
 * and an opaque share code, one code per post and network for as long as the app runs.
 */
import { NETWORKS, type Network, type Post } from '../../common/domain.ts';
import { newShareCode, utmLink } from '../../common/share/utm.ts';

export interface TrackedLinkSource {
  /** The tracked links known or obtainable now for this post, or null (offline, no endpoint, no answer). */
  linksFor(postKey: string): Promise<Readonly<Partial<Record<Network, string>>> | null>;
}

export class ShareLinks {
  readonly #codes = new Map<string, string>();

  constructor(private readonly tracked: TrackedLinkSource | null = null) {}

  async linksFor(post: Pick<Post, 'key' | 'link'>): Promise<Record<Network, string>> {
    const tracked = (await this.tracked?.linksFor(post.key)) ?? {};
    return Object.fromEntries(
      NETWORKS.map((network) => [
        network,
        tracked[network] ?? utmLink(post.link, network, this.#code(post.key, network)),
      ]),
    ) as Record<Network, string>;
  }

  #code(postKey: string, network: Network): string {
    const key = `${postKey}\u0000${network}`;
    let code = this.#codes.get(key);
    if (!code) {
      code = newShareCode();
      this.#codes.set(key, code);
    }
    return code;
  }
}
