/**
 * The msiProjectCreated hook on a WiX project made by electron-builder's own MSI template
 * (fixtures/project.wxs: app-builder-lib 26.17's templates/msi/template.xml rendered with this
 * project's msi options, a main executable and one resource file). Its output must be well-formed,
 * keep the template's content, make the MSI write each policy value only when its property is given, and
 * keep on a major upgrade the values an earlier install wrote when the upgrade is run without them.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addMsiPolicyProperties,
  MSI_POLICY_PROPERTIES,
  msiProjectCreated,
  POLICY_KEY,
} from '../../resources/build/msi-policy-properties.mjs';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { planInstall, productOf, type RegistryValueNow } from './msi-install-plan.ts';
import { childElements, parseXmlStrictly } from './strict-xml.ts';

const fixturePath = fileURLToPath(new URL('fixtures/project.wxs', import.meta.url));
const template = await readFile(fixturePath, 'utf8');
const project = addMsiPolicyProperties(template);
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const write = (name: string, type: 'REG_SZ' | 'REG_DWORD', data: string | number) => ({
  root: 'HKLM',
  key: 'SOFTWARE\\Policies\\Advocate',
  name,
  type,
  data,
});

describe('msiProjectCreated hook', () => {
  it('produces well-formed XML in the WiX namespace, keeping everything the template had', () => {
    const document = parseXmlStrictly(project);
    expect(document.documentElement?.namespaceURI).toBe('http://wixtoolset.org/schemas/v4/wxs');
    const original = parseXmlStrictly(template);
    for (const name of ['Component', 'File', 'Shortcut', 'Property', 'Directory', 'Feature', 'MajorUpgrade']) {
      const before = original.getElementsByTagName(name).length;
      // Per property: its component; the property and the one AppSearch reads an earlier value into.
      const added = ({ Component: 1, Property: 2 } as Record<string, number>)[name] ?? 0;
      expect(document.getElementsByTagName(name).length, name).toBe(before + added * MSI_POLICY_PROPERTIES.length);
    }
    const aumid = Array.from(document.getElementsByTagName('ShortcutProperty')).map((element) =>
      element.getAttribute('Value'),
    );
    expect(aumid).toEqual(['com.advocate.desktop']);
  });

  it('writes nothing to the registry when no property is given', () => {
    expect(planInstall(project, {})).toEqual({ refused: [], registry: [] });
  });

  it('writes each property, alone, as its own value and nothing else', () => {
    const cases = [
      {
        property: 'ENDPOINT_URL',
        value: 'https://advocate.example.com/',
        expected: write('EndpointUrl', 'REG_SZ', 'https://advocate.example.com/'),
      },
      { property: 'ENROLLMENT_CODE', value: 'K7-42-QX', expected: write('EnrollmentCode', 'REG_SZ', 'K7-42-QX') },
      {
        property: 'FEED_URLS',
        value: 'https://a.example/feed.xml,https://b.example/rss',
        expected: write('FeedUrls', 'REG_SZ', 'https://a.example/feed.xml,https://b.example/rss'),
      },
      { property: 'AUTOSTART', value: '1', expected: write('Autostart', 'REG_DWORD', 1) },
    ];
    for (const { property, value, expected } of cases) {
      expect(planInstall(project, { [property]: value }), property).toEqual({ refused: [], registry: [expected] });
    }
  });

  it('writes all four together, AUTOSTART=0 as a DWORD 0 (an explicit "off")', () => {
    const plan = planInstall(project, {
      ENDPOINT_URL: 'https://e.example/',
      ENROLLMENT_CODE: 'C',
      FEED_URLS: 'https://f.example/',
      AUTOSTART: '0',
    });
    expect(plan.refused).toEqual([]);
    expect(plan.registry).toEqual([
      write('EndpointUrl', 'REG_SZ', 'https://e.example/'),
      write('EnrollmentCode', 'REG_SZ', 'C'),
      write('FeedUrls', 'REG_SZ', 'https://f.example/'),
      write('Autostart', 'REG_DWORD', 0),
    ]);
  });

  it('refuses to install with AUTOSTART other than 0 or 1, saying so, instead of writing a broken DWORD', () => {
    for (const value of ['yes', 'true', '2']) {
      expect(planInstall(project, { AUTOSTART: value }).refused, value).toEqual(['AUTOSTART must be 0 or 1.']);
    }
  });

  it('declares every property Secure (passed to the elevated install) and keeps the enrollment code out of logs', () => {
    const properties = childElements(productOf(parseXmlStrictly(project)), 'Property').filter((property) =>
      MSI_POLICY_PROPERTIES.some((entry) => entry.property === property.getAttribute('Id')),
    );
    expect(
      properties.map((property) => [
        property.getAttribute('Id'),
        property.getAttribute('Secure'),
        property.getAttribute('Hidden'),
      ]),
    ).toEqual([
      ['ENDPOINT_URL', 'yes', null],
      ['ENROLLMENT_CODE', 'yes', 'yes'],
      ['FEED_URLS', 'yes', null],
      ['AUTOSTART', 'yes', null],
    ]);
  });

  it('gives each registry component its own fixed, upper-case GUID (MSI tracks the value by it)', () => {
    const guids = MSI_POLICY_PROPERTIES.map((entry) => entry.componentGuid);
    expect(new Set(guids).size).toBe(guids.length);
    for (const guid of guids) expect(guid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(POLICY_KEY).toBe('SOFTWARE\\Policies\\Advocate');
  });

  it('was tested on the template the installed electron-builder still uses (inner-text conditions, one ProductComponents group)', async () => {
    const installed = await readFile(
      fileURLToPath(new URL('../../node_modules/app-builder-lib/templates/msi/template.xml', import.meta.url)),
      'utf8',
    );
    expect(installed).toContain('<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">');
    expect(installed.match(/<Product /g)).toHaveLength(1);
    expect(installed.match(/<ComponentGroup Id="ProductComponents"/g)).toHaveLength(1);
    expect(installed).toContain(
      '<Condition Message="Windows 7 and above is required"><![CDATA[Installed OR VersionNT >= 601]]></Condition>',
    );
  });

  it('rewrites the project file electron-builder hands it, in place', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const file = join(dir.path, 'project.wxs');
    await copyFile(fixturePath, file);
    await msiProjectCreated(file);
    expect(await readFile(file, 'utf8')).toBe(project);
  });

  // Tried: projects the hook cannot safely extend. Must hold: a specific error, never a silently unchanged MSI.
  it('rejects a project that is not well-formed XML, naming the XML error', () => {
    expect(() => addMsiPolicyProperties('<Wix><Product>')).toThrow(
      'The MSI project is not well-formed XML: unclosed xml tag(s): Wix, Product',
    );
  });

  it("rejects a project without the template's ProductComponents group", () => {
    const renamed = template.replace('ComponentGroup Id="ProductComponents"', 'ComponentGroup Id="Other"');
    expect(() => addMsiPolicyProperties(renamed)).toThrow(
      'The MSI project should hold exactly one <ComponentGroup Id="ProductComponents">, found 0',
    );
  });

  it('rejects a project that already declares one of the properties, instead of declaring it twice', () => {
    expect(() => addMsiPolicyProperties(project)).toThrow('The MSI project already declares the property ENDPOINT_URL');
  });
});

/** What an earlier MSI install wrote, as the registry holds it now. */
const installed = (name: string, type: RegistryValueNow['type'], data: RegistryValueNow['data']): RegistryValueNow => ({
  key: 'SOFTWARE\\Policies\\Advocate',
  name,
  type,
  data,
});
const EARLIER_INSTALL: readonly RegistryValueNow[] = [
  installed('EndpointUrl', 'REG_SZ', 'https://advocate.example.com/'),
  installed('EnrollmentCode', 'REG_SZ', 'K7-42-QX'),
  installed('FeedUrls', 'REG_SZ', 'https://a.example/feed.xml,https://b.example/rss'),
  installed('Autostart', 'REG_DWORD', 0),
];
const upgrade = { upgrading: true, registry: EARLIER_INSTALL };
/** The earlier install's values, as the upgrade writes them again. */
const [endpointAgain, codeAgain, feedsAgain, autostartAgain] = EARLIER_INSTALL.map((value) =>
  write(value.name, value.type === 'REG_DWORD' ? 'REG_DWORD' : 'REG_SZ', value.data as string | number),
);

describe('a major upgrade (the older Advocate is removed, with the values its components wrote)', () => {
  it('writes back every value IT passed at install when the upgrade is run without the properties', () => {
    expect(planInstall(project, {}, upgrade)).toEqual({
      refused: [],
      registry: [endpointAgain, codeAgain, feedsAgain, autostartAgain],
    });
    expect(autostartAgain).toEqual(write('Autostart', 'REG_DWORD', 0));
    // Without the hook's read-back, the template alone would write nothing: the values would be gone.
    expect(planInstall(template, {}, upgrade).registry).toEqual([]);
  });

  it('lets a property on the upgrade command line win over the value read back, and keeps the rest', () => {
    const plan = planInstall(project, { ENDPOINT_URL: 'https://new.example.com/', AUTOSTART: '1' }, upgrade);
    expect(plan).toEqual({
      refused: [],
      registry: [
        write('EndpointUrl', 'REG_SZ', 'https://new.example.com/'),
        codeAgain,
        feedsAgain,
        write('Autostart', 'REG_DWORD', 1),
      ],
    });
  });

  it('takes nothing over on a first install: values Group Policy set stay Group Policy’s, not the MSI’s', () => {
    expect(planInstall(project, {}, { upgrading: false, registry: EARLIER_INSTALL })).toEqual({
      refused: [],
      registry: [],
    });
  });

  // Tried: values of another form under the policy key at upgrade time. Must hold: none is rewritten in
  // another type, and none makes the upgrade refuse to run.
  it('carries over no value the MSI could not have written: a Group Policy list, a DWORD out of range, a # text', () => {
    const plan = planInstall(
      project,
      {},
      {
        upgrading: true,
        registry: [
          installed('FeedUrls', 'REG_MULTI_SZ', ['https://a.example/feed.xml', 'https://b.example/rss']),
          installed('Autostart', 'REG_DWORD', 2),
          installed('EnrollmentCode', 'REG_SZ', '#hash-looking'),
          installed('EndpointUrl', 'REG_SZ', 'https://advocate.example.com/'),
        ],
      },
    );
    expect(plan).toEqual({ refused: [], registry: [write('EndpointUrl', 'REG_SZ', 'https://advocate.example.com/')] });
  });

  it('reads back from the policy key the app reads, each value by its own name, the enrollment code kept out of logs', () => {
    const product = productOf(parseXmlStrictly(project));
    const searches = childElements(product, 'Property').flatMap((property) =>
      childElements(property, 'RegistrySearch').map((search) => [
        property.getAttribute('Id'),
        search.getAttribute('Root'),
        search.getAttribute('Key'),
        search.getAttribute('Name'),
      ]),
    );
    const hidden = childElements(product, 'Property')
      .filter((property) => property.getAttribute('Hidden') === 'yes')
      .map((property) => property.getAttribute('Id'));
    expect(hidden).toEqual(['ENROLLMENT_CODE', 'PREVIOUS_ENROLLMENT_CODE']);
    expect(searches).toEqual(
      MSI_POLICY_PROPERTIES.map((entry) => [`PREVIOUS_${entry.property}`, 'HKLM', POLICY_KEY, entry.valueName]),
    );
    const actions = childElements(product, 'SetProperty').map((set) => set.getAttribute('Action'));
    expect(new Set(actions).size).toBe(actions.length);
    expect(childElements(product, 'SetProperty').every((set) => set.getAttribute('After') === 'AppSearch')).toBe(true);
  });
});
