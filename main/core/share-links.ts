/**
 * The link a share carries, per post and network: the post URL with UTM tags and an opaque share code,
 * one code per post and network for as long as the app runs.
 */
import { NETWORKS, type Network, type Post } from '../../common/domain.ts';
import { newShareCode, utmLink } from '../../common/share/utm.ts';

export class ShareLinks {
  readonly #codes = new Map<string, string>();

  linksFor(post: Pick<Post, 'key' | 'link'>): Record<Network, string> {
    return Object.fromEntries(NETWORKS.map((network) => [network, utmLink(post.link, network, this.#code(post.key, network))])) as Record<Network, string>;
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
