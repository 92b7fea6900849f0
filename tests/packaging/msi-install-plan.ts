/**
 * What Windows Installer would do with a WiX project for a given msiexec command line, worked out
 * offline: on a first install or on a major upgrade over what an older version left in the registry,
 * what AppSearch and the SetProperty actions put into the properties, which launch conditions stop the
 * install, and which registry values get written. Only the condition forms the template and the policy
 * hook use are understood (`PROP`, `NOT PROP`, `PROP="v"`, `NOT (PROP << "v")`, `PROP >= n`, `Installed`,
 * joined by AND and OR); anything else throws, so a change in the hook's conditions cannot pass unexamined.
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

/** One value under a registry key before the install, as `reg query` would list it. */
export interface RegistryValueNow {
  readonly key: string;
  readonly name: string;
  readonly type: 'REG_SZ' | 'REG_DWORD' | 'REG_MULTI_SZ';
  readonly data: string | number | readonly string[];
}

function evaluateTerm(term: string, value: (name: string) => string): boolean {
  if (term === 'Installed') return false;
  const not = /^NOT ([A-Za-z_]+)$/.exec(term);
  if (not?.[1]) return value(not[1]) === '';
  const equals = /^([A-Za-z_]+)="([^"]*)"$/.exec(term);
  if (equals?.[1] !== undefined && equals[2] !== undefined) return value(equals[1]) === equals[2];
  const notStartsWith = /^NOT \(([A-Za-z_]+) << "([^"]*)"\)$/.exec(term);
  if (notStartsWith?.[1] !== undefined && notStartsWith[2] !== undefined)
    return !value(notStartsWith[1]).startsWith(notStartsWith[2]);
  const atLeast = /^([A-Za-z_]+) >= (\d+)$/.exec(term);
  if (atLeast?.[1] !== undefined && atLeast[2] !== undefined) return Number(value(atLeast[1])) >= Number(atLeast[2]);
  if (/^[A-Za-z_]+$/.test(term)) return value(term) !== '';
  throw new Error(`condition form not understood by this plan: ${term}`);
}

/** Evaluates an MSI condition made of the forms listed above (AND binds tighter than OR), for an install of a new product code. */
export function evaluateCondition(condition: string, properties: Readonly<Record<string, string>>): boolean {
  const value = (name: string): string => properties[name] ?? '';
  return condition
    .trim()
    .split(/\s+OR\s+/)
    .some((alternative) => alternative.split(/\s+AND\s+/).every((term) => evaluateTerm(term, value)));
}

/** What RegistrySearch Type="raw" puts into its property for a value. */
function rawSearchResult(found: RegistryValueNow): string {
  if (found.type === 'REG_DWORD') return `#${String(found.data)}`;
  if (found.type === 'REG_MULTI_SZ') return `[~]${(found.data as readonly string[]).join('[~]')}[~]`;
  const text = String(found.data);
  return text.startsWith('#') ? `#${text}` : text;
}

/** Resolves `[PROPERTY]` references the way the Formatted column type does. */
function format(template: string, properties: Readonly<Record<string, string>>): string {
  return template.replace(/\[([A-Z_]+)\]/g, (_match, name: string) => properties[name] ?? '');
}

export interface Machine {
  /** An older Advocate is installed: FindRelatedProducts sets WIX_UPGRADE_DETECTED. */
  readonly upgrading: boolean;
  /** What the registry holds before the install (what the older MSI or Group Policy wrote). */
  readonly registry: readonly RegistryValueNow[];
}

const FRESH_MACHINE: Machine = { upgrading: false, registry: [] };

/**
 * The plan on Windows 10 or 11 (VersionNT 603) with these public properties, in the order of the
 * sequence: FindRelatedProducts, AppSearch, the SetProperty actions after it, LaunchConditions, then the
 * component conditions at costing. The older product's own values are removed before the new ones are
 * written (MajorUpgrade's default schedule), so `registry` is all the policy key keeps of the MSI.
 */
export function planInstall(
  wxs: string,
  commandLine: Readonly<Record<string, string>>,
  machine: Machine = FRESH_MACHINE,
): InstallPlan {
  const properties: Record<string, string> = {
    VersionNT: '603',
    ...(machine.upgrading ? { WIX_UPGRADE_DETECTED: '{OLDER-ADVOCATE-PRODUCT-CODE}' } : {}),
    ...commandLine,
  };
  const product = productOf(parseXmlStrictly(wxs));
  for (const property of childElements(product, 'Property')) {
    for (const search of childElements(property, 'RegistrySearch')) {
      const found = machine.registry.find(
        (value) => value.key === search.getAttribute('Key') && value.name === search.getAttribute('Name'),
      );
      if (search.getAttribute('Root') !== 'HKLM' || search.getAttribute('Type') !== 'raw')
        throw new Error('only raw searches of HKLM are understood by this plan');
      if (found) properties[property.getAttribute('Id') ?? ''] = rawSearchResult(found);
    }
  }
  for (const set of childElements(product, 'SetProperty')) {
    if (set.getAttribute('After') !== 'AppSearch') throw new Error('only SetProperty after AppSearch is understood');
    if (evaluateCondition(set.textContent ?? '', properties))
      properties[set.getAttribute('Id') ?? ''] = format(set.getAttribute('Value') ?? '', properties);
  }
  const refused = childElements(product, 'Condition')
    .filter((condition) => !evaluateCondition(condition.textContent ?? '', properties))
    .map((condition) => condition.getAttribute('Message') ?? '');
  if (refused.length > 0) return { refused, registry: [] };
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
