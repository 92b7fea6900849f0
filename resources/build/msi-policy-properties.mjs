// @ts-check
/**
 * electron-builder `msiProjectCreated` hook: lets IT preset Advocate from the msiexec command line,
 *
 *   msiexec /i Advocate-1.0.0-x64.msi /qn ENDPOINT_URL=https://advocate.example.com/ AUTOSTART=1
 *
 * Each public property becomes one registry value under HKLM\SOFTWARE\Policies\Advocate, the key the
 * policy reader reads. Only plain MSI tables are used (Property, Component with a condition, Registry,
 * LaunchCondition, AppSearch/RegLocator, and SetProperty's type 51 actions, which only set a property):
 * no script, so the install behaves the same under /qn, in Intune/SCCM and in an MSI log. A property
 * left out of a first install is not written: its component's condition is false, so an install without
 * properties leaves the policy key alone.
 *
 * A major upgrade removes the old product, and with it the values its components wrote. So that an
 * upgrade run without the properties keeps what IT passed at install, each value is read back from the
 * policy key before anything is removed (AppSearch into PREVIOUS_<PROPERTY>) and, only when an older
 * Advocate is being upgraded (WIX_UPGRADE_DETECTED) and the command line did not give the property, put
 * into the property (SetProperty right after AppSearch, before the launch conditions and the component
 * conditions are evaluated). A value on the command line always wins. Values of another registry type
 * than the MSI writes (a REG_MULTI_SZ list from Group Policy, a DWORD out of range) are not carried over.
 *
 * This file is plain JavaScript because electron-builder loads it with Node's own import(); it is
 * still type-checked (tsconfig.json includes it) and tested in tests/packaging/.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

/** @typedef {import('@xmldom/xmldom').Document} Document */
/** @typedef {import('@xmldom/xmldom').Element} Element */

export const POLICY_KEY = 'SOFTWARE\\Policies\\Advocate';

/**
 * @typedef {object} MsiPolicyProperty
 * @property {string} property     MSI public property (upper case, so msiexec accepts it).
 * @property {string} valueName    Registry value name the policy reader reads.
 * @property {'string' | 'integer'} type  WiX RegistryValue type: REG_SZ or REG_DWORD.
 * @property {string} componentGuid  Fixed forever: MSI tracks the component, and so the value, by it.
 * @property {boolean} hidden      Kept out of MSI logs (MsiHiddenProperties).
 * @property {readonly string[] | null} allowed  The only values accepted, or null for any text.
 */

/** @type {readonly MsiPolicyProperty[]} */
export const MSI_POLICY_PROPERTIES = [
  {
    property: 'ENDPOINT_URL',
    valueName: 'EndpointUrl',
    type: 'string',
    componentGuid: '7F00C722-11A0-45CC-BF98-856DB9EEB1A1',
    hidden: false,
    allowed: null,
  },
  {
    property: 'ENROLLMENT_CODE',
    valueName: 'EnrollmentCode',
    type: 'string',
    componentGuid: '8BA70DB8-37CD-4BC7-9246-F230268E8E85',
    hidden: true,
    allowed: null,
  },
  // Written exactly as given: IT passes the URLs separated by commas (msiexec cannot pass newlines).
  {
    property: 'FEED_URLS',
    valueName: 'FeedUrls',
    type: 'string',
    componentGuid: '5100F20B-F7C7-4965-9F91-31A121069224',
    hidden: false,
    allowed: null,
  },
  {
    property: 'AUTOSTART',
    valueName: 'Autostart',
    type: 'integer',
    componentGuid: '42D1E02D-E9DB-4B50-AE38-EFCB41FB4C4C',
    hidden: false,
    allowed: ['0', '1'],
  },
];

/** The component group electron-builder's WiX template puts the app's files in (its Feature refers to it). */
const COMPONENT_GROUP_ID = 'ProductComponents';

/**
 * Returns the WiX project with the policy properties, their registry components and their launch
 * conditions added. Throws, naming what is missing, when the project is not the one electron-builder's
 * template makes: a silently unchanged MSI would install without the properties IT relies on.
 *
 * @param {string} wxs the project as electron-builder wrote it
 * @returns {string}
 */
export function addMsiPolicyProperties(wxs) {
  const document = parseWix(wxs);
  const product = onlyElement(document.documentElement, 'Product');
  const namespace = document.documentElement?.namespaceURI ?? null;
  const componentGroup = onlyElement(product, 'ComponentGroup', COMPONENT_GROUP_ID);

  /** @type {(name: string, attributes: Record<string, string>, text?: string) => Element} */
  const element = (name, attributes, text) => {
    const created = document.createElementNS(namespace, name);
    for (const [key, value] of Object.entries(attributes)) created.setAttribute(key, value);
    if (text !== undefined) created.appendChild(document.createTextNode(text));
    return created;
  };

  // Indented like electron-builder's template, so that a kept project.wxs stays readable.
  /** @type {(child: Element) => void} */
  const addToProduct = (child) => {
    product.insertBefore(child, componentGroup);
    product.insertBefore(document.createTextNode('\n    '), componentGroup);
  };
  const groupEnd = componentGroup.lastChild;
  /** @type {(child: Element) => void} */
  const addToGroup = (child) => {
    componentGroup.insertBefore(document.createTextNode('\n      '), groupEnd);
    componentGroup.insertBefore(child, groupEnd);
  };

  for (const entry of MSI_POLICY_PROPERTIES) {
    if (findAllById(product, 'Property', entry.property).length > 0) {
      throw new Error(
        `The MSI project already declares the property ${entry.property}; it must come only from msi-policy-properties.mjs`,
      );
    }
    addToProduct(
      element('Property', { Id: entry.property, Secure: 'yes', ...(entry.hidden ? { Hidden: 'yes' } : {}) }),
    );
    if (entry.allowed) {
      const accepted = entry.allowed.map((value) => `${entry.property}="${value}"`).join(' OR ');
      const message = `${entry.property} must be ${entry.allowed.join(' or ')}.`;
      addToProduct(element('Condition', { Message: message }, `Installed OR NOT ${entry.property} OR ${accepted}`));
    }
    for (const keep of keepOnUpgrade(entry, element)) addToProduct(keep);
    const component = element('Component', { Id: `Policy${entry.valueName}`, Guid: entry.componentGuid });
    component.appendChild(element('Condition', {}, entry.property));
    component.appendChild(
      element('RegistryValue', {
        Root: 'HKLM',
        Key: POLICY_KEY,
        Name: entry.valueName,
        Type: entry.type,
        Value: `[${entry.property}]`,
        KeyPath: 'yes',
      }),
    );
    addToGroup(component);
  }
  return new XMLSerializer().serializeToString(document);
}

/** The property AppSearch reads the value an earlier install wrote into. */
export const previousProperty = (/** @type {string} */ property) => `PREVIOUS_${property}`;

/**
 * The elements that carry an earlier install's value over a major upgrade: the registry search, and one
 * SetProperty per value form it may take. RegistrySearch Type="raw" reads a REG_SZ as its text (one that
 * starts with # comes escaped as ##, and a REG_MULTI_SZ as [~]a[~]b[~]: neither is what the MSI wrote)
 * and a DWORD as #<number>.
 *
 * @param {MsiPolicyProperty} entry
 * @param {(name: string, attributes: Record<string, string>, text?: string) => Element} element
 * @returns {Element[]}
 */
function keepOnUpgrade(entry, element) {
  const previous = previousProperty(entry.property);
  // Hidden like the property itself: AppSearch logs the value it finds.
  const search = element('Property', { Id: previous, ...(entry.hidden ? { Hidden: 'yes' } : {}) });
  search.appendChild(
    element('RegistrySearch', {
      Id: `Previous${entry.valueName}`,
      Root: 'HKLM',
      Key: POLICY_KEY,
      Name: entry.valueName,
      Type: 'raw',
    }),
  );
  const upgradingWithout = `WIX_UPGRADE_DETECTED AND NOT ${entry.property}`;
  /** @type {(action: string, value: string, condition: string) => Element} */
  const setProperty = (action, value, condition) =>
    element('SetProperty', { Id: entry.property, Action: action, Value: value, After: 'AppSearch' }, condition);
  if (entry.type === 'string') {
    const asWritten = `${previous} AND NOT (${previous} << "#") AND NOT (${previous} << "[~]")`;
    return [search, setProperty(`Keep${entry.valueName}`, `[${previous}]`, `${upgradingWithout} AND ${asWritten}`)];
  }
  if (!entry.allowed) throw new Error(`${entry.property} is a number: list the values it may take in allowed`);
  return [
    search,
    ...entry.allowed.map((value) =>
      setProperty(`Keep${entry.valueName}${value}`, value, `${upgradingWithout} AND ${previous}="#${value}"`),
    ),
  ];
}

/**
 * @param {string} wxs
 * @returns {Document}
 */
function parseWix(wxs) {
  /** @type {string[]} */
  const problems = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problems.push(message);
    },
  });
  try {
    const document = parser.parseFromString(wxs, 'text/xml');
    if (problems.length === 0) return document;
  } catch {
    // A fatal error was reported to onError first; its message is the useful part.
  }
  throw new Error(`The MSI project is not well-formed XML: ${problems.join('; ')}`);
}

/**
 * @param {Element | null} parent
 * @param {string} name
 * @param {string} [id]
 * @returns {Element}
 */
function onlyElement(parent, name, id) {
  if (!parent) throw new Error('The MSI project has no root element');
  const found =
    id === undefined
      ? Array.from(parent.getElementsByTagNameNS(parent.namespaceURI, name))
      : findAllById(parent, name, id);
  const what = id === undefined ? `<${name}>` : `<${name} Id="${id}">`;
  if (found.length !== 1)
    throw new Error(`The MSI project should hold exactly one ${what}, found ${String(found.length)}`);
  const [only] = found;
  if (!only) throw new Error(`The MSI project has no ${what}`);
  return only;
}

/**
 * @param {Element} parent
 * @param {string} name
 * @param {string} id
 * @returns {Element[]}
 */
function findAllById(parent, name, id) {
  return Array.from(parent.getElementsByTagNameNS(parent.namespaceURI, name)).filter(
    (candidate) => candidate.getAttribute('Id') === id,
  );
}

/**
 * The hook electron-builder calls with the path of the project.wxs it wrote, before compiling it.
 *
 * @param {string} projectFile
 * @returns {Promise<void>}
 */
export async function msiProjectCreated(projectFile) {
  await writeFile(projectFile, addMsiPolicyProperties(await readFile(projectFile, 'utf8')));
}
