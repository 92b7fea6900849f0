/**
 * What the person's links brought, in one sentence: "Your shares brought 3 sign-ups and 1 demo request."
 * Kinds are the words landing pages report (`signup`); the usual ones read as people say them.
 */
import type { ConversionCount } from '../../common/protocol.ts';
import { plural } from '../../common/plural.ts';

const KIND_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  signup: ['sign-up', 'sign-ups'],
  lead: ['lead', 'leads'],
  demo: ['demo request', 'demo requests'],
  trial: ['trial', 'trials'],
  purchase: ['purchase', 'purchases'],
  download: ['download', 'downloads'],
  subscription: ['subscription', 'subscriptions'],
};

function counted({ kind, count }: ConversionCount): string {
  const [one, other] = KIND_WORDS[kind] ?? [
    `${kind.replace(/[-_]/g, ' ')} conversion`,
    `${kind.replace(/[-_]/g, ' ')} conversions`,
  ];
  return plural(count, one, other);
}

/** Null when the links brought nothing (or the endpoint does not count conversions). */
export function conversionsText(conversions: readonly ConversionCount[] | undefined): string | null {
  const parts = (conversions ?? []).filter((entry) => entry.count > 0).map(counted);
  if (parts.length === 0) return null;
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
  return `Your shares brought ${listed ?? ''}.`;
}
