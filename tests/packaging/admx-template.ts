/**
 * An ADMX template and its ADML read the way the Group Policy editor reads them: each policy with its
 * texts and controls resolved, and the registry values it writes when an administrator enables or
 * disables it. Only the parts of the ADMX schema a registry policy needs are modelled; an element this
 * does not model makes `registryWrites` throw rather than guess.
 */
import type { Element } from '@xmldom/xmldom';
import { childElements, parseXmlStrictly } from './strict-xml.ts';

export const ADMX_NAMESPACE = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';

export type RegistryData =
  | { readonly type: 'REG_SZ' | 'REG_EXPAND_SZ'; readonly data: string }
  | { readonly type: 'REG_DWORD'; readonly data: number }
  | { readonly type: 'REG_MULTI_SZ'; readonly data: readonly string[] };

export type RegistryValueWrite = RegistryData & { readonly key: string; readonly name: string };

export interface AdmxElement {
  /** The element's tag: text, decimal, multiText, boolean, enum, list, longDecimal. */
  readonly type: string;
  readonly id: string;
  readonly key: string;
  readonly valueName: string | null;
  readonly attributes: Readonly<Record<string, string>>;
}

/** A control of the policy's presentation (ADML): textBox, decimalTextBox, multiTextBox, ... */
export interface AdmlControl {
  readonly control: string;
  readonly refId: string;
  readonly label: string;
  readonly defaultValue: string | null;
}

export interface AdmxPolicy {
  readonly name: string;
  readonly class: string;
  readonly key: string;
  readonly valueName: string | null;
  readonly enabledValue: RegistryData | null;
  readonly disabledValue: RegistryData | null;
  readonly category: string | null;
  readonly supportedOn: string | null;
  readonly displayName: string;
  readonly explainText: string;
  readonly elements: readonly AdmxElement[];
  readonly controls: readonly AdmlControl[];
}

export interface AdmxTemplate {
  readonly categories: ReadonlyMap<string, string>;
  readonly supportedOn: ReadonlyMap<string, string>;
  readonly policies: readonly AdmxPolicy[];
  /** ADML strings and presentations no part of the ADMX refers to. */
  readonly unusedStrings: readonly string[];
  readonly unusedPresentations: readonly string[];
}

const attributesOf = (element: Element): Record<string, string> =>
  Object.fromEntries(Array.from(element.attributes).map((attribute) => [attribute.name, attribute.value]));

function only(parent: Element, name: string): Element {
  const found = childElements(parent, name);
  const [first] = found;
  if (!first || found.length > 1)
    throw new Error(`<${parent.tagName}> should hold one <${name}>, found ${String(found.length)}`);
  return first;
}

const optional = (parent: Element, name: string): Element | null => childElements(parent, name)[0] ?? null;

function documentElementOf(xml: string, rootName: string): Element {
  const root = parseXmlStrictly(xml).documentElement;
  if (root?.localName !== rootName || root.namespaceURI !== ADMX_NAMESPACE) {
    throw new Error(
      `expected <${rootName}> in ${ADMX_NAMESPACE}, found <${root?.tagName ?? 'nothing'}> in ${root?.namespaceURI ?? 'no namespace'}`,
    );
  }
  return root;
}

/** The value of an enabledValue/disabledValue: one <decimal value="n"/> or <string>text</string>. */
function registryData(holder: Element | null): RegistryData | null {
  if (!holder) return null;
  const decimal = optional(holder, 'decimal');
  if (decimal) return { type: 'REG_DWORD', data: Number(decimal.getAttribute('value')) };
  return { type: 'REG_SZ', data: only(holder, 'string').textContent ?? '' };
}

/** Resolves `$(string.Id)` and `$(presentation.Id)` references, remembering which were used. */
class AdmlResources {
  private readonly strings = new Map<string, string>();
  private readonly presentations = new Map<string, Element>();
  private readonly used = new Set<string>();

  constructor(adml: string) {
    const resources = only(documentElementOf(adml, 'policyDefinitionResources'), 'resources');
    for (const string of childElements(only(resources, 'stringTable'), 'string'))
      this.strings.set(string.getAttribute('id') ?? '', string.textContent ?? '');
    const table = optional(resources, 'presentationTable');
    for (const presentation of table ? childElements(table, 'presentation') : [])
      this.presentations.set(presentation.getAttribute('id') ?? '', presentation);
  }

  string(reference: string | null): string {
    const id = /^\$\(string\.([^)]+)\)$/.exec(reference ?? '')?.[1];
    const text = id === undefined ? undefined : this.strings.get(id);
    if (id === undefined || text === undefined)
      throw new Error(`the ADML has no string for ${JSON.stringify(reference)}`);
    this.used.add(`string.${id}`);
    return text;
  }

  controls(reference: string | null): AdmlControl[] {
    if (reference === null) return [];
    const id = /^\$\(presentation\.([^)]+)\)$/.exec(reference)?.[1];
    const presentation = id === undefined ? undefined : this.presentations.get(id);
    if (id === undefined || presentation === undefined)
      throw new Error(`the ADML has no presentation for ${JSON.stringify(reference)}`);
    this.used.add(`presentation.${id}`);
    return childElements(presentation)
      .filter((control) => control.hasAttribute('refId'))
      .map((control) => {
        // textBox keeps its label in <label>; the other controls hold it as their text.
        const label = optional(control, 'label');
        return {
          control: control.localName ?? '',
          refId: control.getAttribute('refId') ?? '',
          label: (label ?? control).textContent?.trim() ?? '',
          defaultValue: control.getAttribute('defaultValue') ?? optional(control, 'defaultValue')?.textContent ?? null,
        };
      });
  }

  unused(kind: 'string' | 'presentation'): string[] {
    const ids = kind === 'string' ? this.strings.keys() : this.presentations.keys();
    return Array.from(ids).filter((id) => !this.used.has(`${kind}.${id}`));
  }
}

export function readAdmxTemplate(admx: string, adml: string): AdmxTemplate {
  const root = documentElementOf(admx, 'policyDefinitions');
  const resources = new AdmlResources(adml);
  const named = (parent: Element, list: string, item: string): Map<string, string> => {
    const holder = optional(parent, list);
    const items = holder ? childElements(holder, item) : [];
    return new Map(
      items.map((element) => [
        element.getAttribute('name') ?? '',
        resources.string(element.getAttribute('displayName')),
      ]),
    );
  };
  const categories = named(root, 'categories', 'category');
  const categoryHolder = optional(root, 'categories');
  for (const category of categoryHolder ? childElements(categoryHolder, 'category') : []) {
    if (category.hasAttribute('explainText')) resources.string(category.getAttribute('explainText'));
  }
  const supportedOnHolder = optional(root, 'supportedOn');
  const supportedOn = supportedOnHolder
    ? named(supportedOnHolder, 'definitions', 'definition')
    : new Map<string, string>();

  const policies = childElements(only(root, 'policies'), 'policy').map((policy): AdmxPolicy => {
    const key = policy.getAttribute('key') ?? '';
    const elementsHolder = optional(policy, 'elements');
    const elements = (elementsHolder ? childElements(elementsHolder) : []).map((element) => ({
      type: element.localName ?? '',
      id: element.getAttribute('id') ?? '',
      key: element.getAttribute('key') ?? key,
      valueName: element.getAttribute('valueName'),
      attributes: attributesOf(element),
    }));
    return {
      name: policy.getAttribute('name') ?? '',
      class: policy.getAttribute('class') ?? '',
      key,
      valueName: policy.getAttribute('valueName'),
      enabledValue: registryData(optional(policy, 'enabledValue')),
      disabledValue: registryData(optional(policy, 'disabledValue')),
      category: optional(policy, 'parentCategory')?.getAttribute('ref') ?? null,
      supportedOn: optional(policy, 'supportedOn')?.getAttribute('ref') ?? null,
      displayName: resources.string(policy.getAttribute('displayName')),
      explainText: resources.string(policy.getAttribute('explainText')),
      elements,
      controls: resources.controls(policy.getAttribute('presentation')),
    };
  });
  return {
    categories,
    supportedOn,
    policies,
    unusedStrings: resources.unused('string'),
    unusedPresentations: resources.unused('presentation'),
  };
}

/** What the administrator enters for each element, by element id. */
export type ElementInput = Readonly<Record<string, string | number | readonly string[]>>;

function elementWrite(
  element: AdmxElement,
  input: string | number | readonly string[] | undefined,
): RegistryValueWrite {
  const where = { key: element.key, name: element.valueName ?? '' };
  const attribute = (name: string): string | undefined => element.attributes[name];
  switch (element.type) {
    case 'text':
      if (typeof input !== 'string') throw new Error(`text element ${element.id} takes text`);
      return { ...where, type: attribute('expandable') === 'true' ? 'REG_EXPAND_SZ' : 'REG_SZ', data: input };
    case 'decimal': {
      // The editor refuses a number outside the bounds (defaults 0 and 9999), so the template is what limits IT.
      const [min, max] = [Number(attribute('minValue') ?? 0), Number(attribute('maxValue') ?? 9999)];
      if (typeof input !== 'number' || !Number.isInteger(input) || input < min || input > max) {
        throw new Error(`decimal element ${element.id} takes a whole number from ${String(min)} to ${String(max)}`);
      }
      return attribute('storeAsText') === 'true'
        ? { ...where, type: 'REG_SZ', data: String(input) }
        : { ...where, type: 'REG_DWORD', data: input };
    }
    case 'multiText':
      if (!Array.isArray(input)) throw new Error(`multiText element ${element.id} takes lines`);
      return { ...where, type: 'REG_MULTI_SZ', data: input };
    default:
      throw new Error(`element <${element.type}> is not modelled here`);
  }
}

/**
 * The values one policy writes. Enabled: its enabledValue and one value per element. Disabled: its
 * disabledValue; the elements' values are deleted, so nothing else is written.
 */
export function registryWrites(
  policy: AdmxPolicy,
  state: 'enabled' | 'disabled',
  input: ElementInput = {},
): RegistryValueWrite[] {
  const own = state === 'enabled' ? policy.enabledValue : policy.disabledValue;
  const writes: RegistryValueWrite[] =
    own && policy.valueName ? [{ ...own, key: policy.key, name: policy.valueName }] : [];
  if (state === 'enabled') writes.push(...policy.elements.map((element) => elementWrite(element, input[element.id])));
  return writes;
}

const FULL_HIVE_NAMES = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' } as const;

/** `reg query <hive>\<key>` as reg.exe prints it (CRLF, four-space columns, a multi-string joined by "\0"). */
export function regQueryOutput(
  hive: keyof typeof FULL_HIVE_NAMES,
  key: string,
  values: readonly (RegistryData & { readonly name: string })[],
): string {
  const data = (value: RegistryData): string => {
    switch (value.type) {
      case 'REG_DWORD':
        return `0x${value.data.toString(16)}`;
      case 'REG_MULTI_SZ':
        return value.data.join('\\0');
      default:
        return value.data;
    }
  };
  const lines = [
    '',
    `${FULL_HIVE_NAMES[hive]}\\${key}`,
    ...values.map((value) => `    ${value.name}    ${value.type}    ${data(value)}`),
    '',
    '',
  ];
  return lines.join('\r\n');
}
