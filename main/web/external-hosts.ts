/**
 * The hosts main may hand to the browser (main/web/external-url.ts): the networks' composers, the person's
 * Mastodon server and the organisation's own sites. Anything else a page or a crafted feed points at stays
 * shut, so the app cannot be used to open an arbitrary site on someone's desktop.
 */
import type { Settings } from '../../common/settings.ts';
import { normalizeMastodonInstance, SHARE_INTENT_HOSTS } from '../../common/share/intents.ts';

/** Host names as `new URL()` writes them (lower case, punycode, no port). */
export type ExternalHosts = ReadonlySet<string>;

export interface ExternalHostSources {
  /** The person's Mastodon server as settings keep it; empty until asked. */
  readonly mastodonInstance: string;
  /**
   * The organisation's addresses: its feeds (as configured and where they moved), its posts' links, the
   * endpoint (tracked /r/ links) and the training page.
   */
  readonly organisationUrls: Iterable<string | null>;
}

function webHost(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.hostname : null;
  } catch {
    return null;
  }
}

export function allowedExternalHosts(sources: ExternalHostSources): ExternalHosts {
  const hosts = new Set<string>(Object.values(SHARE_INTENT_HOSTS));
  const instance = normalizeMastodonInstance(sources.mastodonInstance);
  const candidates = [instance === null ? null : `https://${instance}/`, ...sources.organisationUrls];
  for (const raw of candidates) {
    const host = raw === null ? null : webHost(raw);
    if (host !== null) hosts.add(host);
  }
  return hosts;
}

/**
 * The hosts allowed right now, for the app and the preview alike: read at every link, so a changed
 * Mastodon server, endpoint or feed list applies to the next one.
 */
export function currentExternalHosts(
  settings: () => Settings,
  organisationUrls: () => Iterable<string>,
): () => ExternalHosts {
  return () => {
    const values = settings();
    return allowedExternalHosts({
      mastodonInstance: values.mastodonInstance,
      organisationUrls: [values.endpointUrl, values.trainingUrl, ...values.feedUrls, ...organisationUrls()],
    });
  };
}
