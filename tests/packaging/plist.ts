/**
 * A property list (an Apple .plist or .mobileconfig) read strictly: only the types a configuration
 * profile for Advocate uses (dict, array, string, integer, true, false). Anything else, a key without a
 * value or a key given twice, throws naming it, so an example profile cannot hold what the app's
 * reader was never shown.
 */
import type { Element } from '@xmldom/xmldom';
import { childElements, parseXmlStrictly } from './strict-xml.ts';

export type PlistValue = string | number | boolean | readonly PlistValue[] | PlistDict;
export interface PlistDict {
  readonly [key: string]: PlistValue;
}

function valueOf(element: Element): PlistValue {
  const text = element.textContent ?? '';
  switch (element.localName) {
    case 'string':
      return text;
    case 'integer':
      if (!/^-?\d+$/.test(text.trim())) throw new Error(`<integer> holds ${JSON.stringify(text)}`);
      return Number(text);
    case 'true':
      return true;
    case 'false':
      return false;
    case 'array':
      return childElements(element).map(valueOf);
    case 'dict': {
      const dict: Record<string, PlistValue> = {};
      const children = childElements(element);
      for (let index = 0; index < children.length; index += 2) {
        const [key, value] = [children[index], children[index + 1]];
        if (key?.localName !== 'key')
          throw new Error(`a <dict> entry starts with <${key?.localName ?? ''}> instead of <key>`);
        const name = key.textContent ?? '';
        if (!value) throw new Error(`the <dict> key ${JSON.stringify(name)} has no value`);
        if (Object.hasOwn(dict, name)) throw new Error(`the <dict> key ${JSON.stringify(name)} is given twice`);
        dict[name] = valueOf(value);
      }
      return dict;
    }
    default:
      throw new Error(`unsupported plist element <${element.localName ?? ''}>`);
  }
}

export function parsePlist(xml: string): PlistValue {
  const root = parseXmlStrictly(xml).documentElement;
  if (root?.localName !== 'plist' || root.getAttribute('version') !== '1.0')
    throw new Error('not a <plist version="1.0"> document');
  const values = childElements(root);
  const [value] = values;
  if (!value || values.length > 1) throw new Error(`<plist> should hold one value, found ${String(values.length)}`);
  return valueOf(value);
}
