/**
 * Safe readers for the loosely typed objects xml2js (through rss-parser) produces: a field may be a
 * string, an object with text in `_` and attributes in `$`, an array of those, or absent.
 */
export type XmlNode = Readonly<Record<string, unknown>>;

export const isNode = (value: unknown): value is XmlNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The text of a value: a string as is, an element's `_`, or (for xhtml constructs) all nested text. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (!isNode(value)) return '';
  return Object.entries(value)
    .filter(([key]) => key !== '$')
    .map(([, child]) => textOf(child))
    .join(' ');
}

/** A trimmed non-empty string from a plain value or an element's text, else null. */
export function stringOf(value: unknown): string | null {
  const text = typeof value === 'string' ? value : isNode(value) && typeof value['_'] === 'string' ? value['_'] : null;
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

export const attributesOf = (value: unknown): XmlNode => (isNode(value) && isNode(value['$']) ? value['$'] : {});

export const attribute = (value: unknown, name: string): string | null => stringOf(attributesOf(value)[name]);

export const listOf = (value: unknown): readonly unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
