/**
 * The links in a message as X finds them, each counted as one t.co link: twitter-text's
 * extractUrlsWithIndices and lib/idna.js (twitter-text 3.1, Copyright 2018 Twitter, Inc., Apache
 * License 2.0, at commit 30e2430d), ported. Mastodon finds links with the same pattern, but only those
 * that start with http:// or https:// (its FetchLinkCardService::URL_PATTERN).
 */
import { toAscii } from './punycode.ts';
import { urlCandidates } from './x-url-candidates.ts';
import { ASCII_DOMAIN, MAX_LABEL_LENGTH, NO_PROTOCOL_BAD_PRECEDING, TCO_URL } from './x-url-pattern.ts';

/** Where a link is, in UTF-16 code units: from `start` up to, not including, `end`. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export interface UrlRules {
  /** X links bare domains (`bit.ly/3abc`) too; Mastodon only what starts with a protocol. */
  readonly withoutProtocol: boolean;
}

const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const DEFAULT_PROTOCOL = 'https://';

/** A domain DNS could carry: each label 1 to 63 characters in punycode, and an xn-- domain in ASCII. */
function isValidDomain(domain: string): boolean {
  if (domain.startsWith('xn--') && domain.match(ASCII_DOMAIN) === null) return false;
  return domain.split('.').every((label) => {
    const encoded = toAscii(label).length;
    return encoded >= 1 && encoded <= MAX_LABEL_LENGTH;
  });
}

/** The ASCII domains inside a protocol-less candidate, the last one stretched over the candidate's path. */
function bareDomainSpans(domain: string, domainStart: number, pathEnd: number | null): TextSpan[] {
  const spans: TextSpan[] = [];
  let searchFrom = 0;
  for (const [ascii] of domain.matchAll(ASCII_DOMAIN)) {
    const at = domain.indexOf(ascii, searchFrom);
    searchFrom = at + ascii.length;
    spans.push({ start: domainStart + at, end: domainStart + searchFrom });
  }
  const last = spans.pop();
  if (last === undefined) return spans;
  return [...spans, pathEnd === null ? last : { start: last.start, end: pathEnd }];
}

export function findUrls(text: string, rules: UrlRules): TextSpan[] {
  if (!text.includes(rules.withoutProtocol ? '.' : ':')) return [];
  const spans: TextSpan[] = [];
  for (const match of urlCandidates(text)) {
    const { before = '', url = '', protocol, domain = '', path } = match.groups ?? {};
    const start = match.index + before.length;
    if (!isValidDomain(domain) || (protocol ?? DEFAULT_PROTOCOL).length + url.length > MAX_URL_LENGTH) continue;
    if (protocol === undefined) {
      if (!rules.withoutProtocol || NO_PROTOCOL_BAD_PRECEDING.test(before)) continue;
      spans.push(...bareDomainSpans(domain, start, path === undefined ? null : start + url.length));
      continue;
    }
    const tco = TCO_URL.exec(url);
    if (tco === null) spans.push({ start, end: start + url.length });
    else if ((tco[1] ?? '').length <= MAX_TCO_SLUG_LENGTH) spans.push({ start, end: start + tco[0].length });
  }
  return spans;
}
