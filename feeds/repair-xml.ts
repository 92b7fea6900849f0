/**
 * Repairs that turn the XML feeds publish into XML a strict parser reads, without changing what they
 * say: junk before the first tag goes, the DOCTYPE goes (no DTD is ever fetched or expanded, which is
 * also the whole defence against XXE and entity expansion), HTML entities become character references,
 * and a stray `&` becomes `&amp;`. CDATA sections and comments are left exactly as they are.
 */
import { decodeHTML } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const VERBATIM = /(<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$))/;
/** A CDATA section or comment (kept whole), or an ampersand with what may follow it. */
const VERBATIM_OR_AMPERSAND =
  /(<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$))|&(?:([A-Za-z][A-Za-z0-9._-]{0,40});|#([0-9]{1,8});|#[xX]([0-9A-Fa-f]{1,7});)?/g;
// Characters XML 1.0 forbids; some feeds carry them from copy-pasted text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const DOCTYPE = /<!DOCTYPE(?:[^[>]*\[[\s\S]*?\]\s*>|[^>]*>)/gi;

const isXmlChar = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

const asReferences = (text: string): string => text.replace(/[\s\S]/gu, (char) => `&#${String(char.codePointAt(0))};`);

function fixAmpersand(
  whole: string,
  name: string | undefined,
  decimal: string | undefined,
  hex: string | undefined,
): string {
  if (name !== undefined) {
    if (XML_ENTITIES.has(name)) return whole;
    const decoded = decodeHTML(whole);
    // An entity only a DTD could define (&xxe;, &lol9;) stays visible as text and is never expanded.
    return decoded === whole ? `&amp;${name};` : asReferences(decoded);
  }
  const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : null;
  if (code === null) return '&amp;';
  return isXmlChar(code) ? whole : '&#xFFFD;';
}

export function repairXml(text: string): string {
  const start = text.indexOf('<');
  const body = (start > 0 ? text.slice(start) : text).replace(FORBIDDEN_CHARS, '').replace(DOCTYPE, '');
  return body.replace(
    VERBATIM_OR_AMPERSAND,
    (
      whole,
      verbatim: string | undefined,
      name: string | undefined,
      decimal: string | undefined,
      hex: string | undefined,
    ) => verbatim ?? fixAmpersand(whole, name, decimal, hex),
  );
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g;

/**
 * For a document that ends early (a truncated download, a cut CDATA section): cuts back to the last
 * complete tag and closes every element still open, so the items before the cut can still be read.
 */
export function closeTruncatedXml(text: string): string {
  const parts = text.split(VERBATIM);
  let cut: string;
  const last = parts.at(-1) ?? '';
  if (parts.length > 1 && !/(\]\]>|-->)$/.test(parts.at(-2) ?? '')) {
    // The document ends inside a CDATA section or comment: drop it.
    cut = parts.slice(0, -2).join('');
  } else {
    cut = text.slice(0, text.length - last.length) + last.slice(0, last.lastIndexOf('>') + 1);
  }
  const open: string[] = [];
  for (const [index, part] of cut.split(VERBATIM).entries()) {
    if (index % 2 === 1) continue;
    for (const match of part.matchAll(TAG)) {
      const [, closing, name, selfClosing] = match;
      if (!name || selfClosing) continue;
      if (!closing) open.push(name);
      else if (open.at(-1) === name) open.pop();
    }
  }
  return (
    cut +
    open
      .reverse()
      .map((name) => `</${name}>`)
      .join('')
  );
}
