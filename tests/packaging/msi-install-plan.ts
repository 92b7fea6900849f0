/**
 * What Windows Installer would do with a WiX project for a given msiexec command line, worked out
 * offline: which launch conditions stop the install, and which registry values get written. Only the
 * condition forms the template and the policy hook use are understood (`PROP`, `NOT PROP`,
 * `PROP="v"`, `PROP >= n`, `Installed`, joined by OR); anything else throws, so a change in the hook's conditions
 * cannot pass unexamined.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { childElements, parseXmlStrictly } from './strict-xml.ts';

export interface RegistryWrite {
  readonly root: string;
  readonly key: string;
  readonly name: string;
  readonly type: 'REG_SZ' | 'REG_DWORD';
  readonly data: string | number;
}

export interface InstallPlan {
  /** Messages of the launch conditions that failed: the install stops before changing anything. */
  readonly refused: string[];
  readonly registry: RegistryWrite[];
}

export function productOf(document: Document): Element {
  const [product] = document.documentElement ? childElements(document.documentElement, 'Product') : [];
  if (!product) throw new Error('no <Product>');
  return product;
}

/** Evaluates an MSI condition made of the forms listed above, for a first install. */
export function evaluateCondition(condition: string, properties: Readonly<Record<string, string>>): boolean {
  return condition.split(/\s+OR\s+/).some((term) => {
    const value = (name: string): string => properties[name] ?? '';
    if (term === 'Installed') return false;
    const not = /^NOT ([A-Za-z_]+)$/.exec(term);
    if (not?.[1]) return value(not[1]) === '';
    const equals = /^([A-Za-z_]+)="([^"]*)"$/.exec(term);
    if (equals?.[1] !== undefined && equals[2] !== undefined) return value(equals[1]) === equals[2];
    const atLeast = /^([A-Za-z_]+) >= (\d+)$/.exec(term);
    if (atLeast?.[1] !== undefined && atLeast[2] !== undefined) return Number(value(atLeast[1])) >= Number(atLeast[2]);
    if (/^[A-Za-z_]+$/.test(term)) return value(term) !== '';
    throw new Error(`condition form not understood by this plan: ${term}`);
  });
}

/** Resolves `[PROPERTY]` references the way the Formatted column type does. */
function format(template: string, properties: Readonly<Record<string, string>>): string {
  return template.replace(/\[([A-Z_]+)\]/g, (_match, name: string) => properties[name] ?? '');
}

/** The plan for a first install on Windows 10 or 11 (VersionNT 603) with these public properties. */
export function planInstall(wxs: string, commandLine: Readonly<Record<string, string>>): InstallPlan {
  const properties = { VersionNT: '603', ...commandLine };
  const product = productOf(parseXmlStrictly(wxs));
  const refused = childElements(product, 'Condition')
    .filter((condition) => !evaluateCondition(condition.textContent ?? '', properties))
    .map((condition) => condition.getAttribute('Message') ?? '');
  const registry = childElements(product, 'ComponentGroup').flatMap((group) =>
    childElements(group, 'Component').flatMap((component) => {
      const [condition] = childElements(component, 'Condition');
      if (condition && !evaluateCondition(condition.textContent ?? '', properties)) return [];
      return childElements(component, 'RegistryValue').map((value): RegistryWrite => {
        const data = format(value.getAttribute('Value') ?? '', properties);
        const dword = value.getAttribute('Type') === 'integer';
        return {
          root: value.getAttribute('Root') ?? '',
          key: value.getAttribute('Key') ?? '',
          name: value.getAttribute('Name') ?? '',
          type: dword ? 'REG_DWORD' : 'REG_SZ',
          data: dword ? Number(data) : data,
        };
      });
    }),
  );
  return { refused, registry };
}
