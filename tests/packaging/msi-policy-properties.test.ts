/**
 * The msiProjectCreated hook on a WiX project made by electron-builder's own MSI template
 * (fixtures/project.wxs: app-builder-lib 26.17's templates/msi/template.xml rendered with this
 * project's msi options, a main executable and one resource file). Its output must be well-formed,
 * keep the template's content, and make the MSI write each policy value only when its property is given.
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
import { planInstall, productOf } from './msi-install-plan.ts';
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
      const added = name === 'Component' || name === 'Property' ? MSI_POLICY_PROPERTIES.length : 0;
      expect(document.getElementsByTagName(name).length, name).toBe(before + added);
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
