/** Reads one attribute of one HTML tag found by a regular expression (feeds' HTML is never parsed into a DOM). */
import { decodeHTML } from 'entities';

export function htmlAttribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value === undefined ? null : decodeHTML(value).trim();
}
