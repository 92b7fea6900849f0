/** XML read the strict way the packaging tests need: any parser complaint fails, and children by tag name. */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** Parses strictly: any XML error, not just a fatal one, throws. */
export function parseXmlStrictly(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
}

/** The element children of `parent`, all of them or only those with the local name `name`. */
export function childElements(parent: Element, name?: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element =>
      node.nodeType === node.ELEMENT_NODE && (name === undefined || (node as Element).localName === name),
  );
}
