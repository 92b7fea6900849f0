/**
 * The IT policy templates in resources/policy/ against THE list of policy keys
 * (main/settings/policy-keys.ts): every key in every template and nothing else, each with the type its
 * reader expects, and every example value read without a problem by the readers the app runs. The four
 * examples (Group Policy, the MSI properties, the macOS profile, policy.json) must give the same
 * settings. A key added, renamed or retyped in the code fails here until the templates follow.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { readMacPolicy } from '../../main/adapters/policy-sources.ts';
import { DEFAULT_SETTINGS } from '../../main/settings/defaults.ts';
import { readJsonLayer } from '../../main/settings/json-policy.ts';
import { policyLayer, type Layer } from '../../main/settings/layers.ts';
import { POLICY_KEYS, WINDOWS_POLICY_PATH, type PolicyKey } from '../../main/settings/policy-keys.ts';
import { parseRegQuery } from '../../main/settings/registry-policy.ts';
import { addMsiPolicyProperties, MSI_POLICY_PROPERTIES } from '../../resources/build/msi-policy-properties.mjs';
import { builderAppId } from '../../vite.config.ts';
import { fakeState, resetElectronFake } from '../mocks/electron.ts';
import {
  readAdmxTemplate,
  registryWrites,
  regQueryOutput,
  type AdmxPolicy,
  type AdmxTemplate,
  type RegistryData,
} from './admx-template.ts';
import { planInstall } from './msi-install-plan.ts';
import { parsePlist, type PlistDict, type PlistValue } from './plist.ts';

const templatePath = (name: string): string =>
  fileURLToPath(new URL(`../../resources/policy/${name}`, import.meta.url));
const readTemplate = (name: string): string => readFileSync(templatePath(name), 'utf8');

const admx = readTemplate('advocate.admx');
const adml = readTemplate('en-US/advocate.adml');
const groupPolicy = readAdmxTemplate(admx, adml);
const policyJsonText = readTemplate('policy.json');
const policyJson = JSON.parse(policyJsonText) as Record<string, unknown>;
/** What the example policy.json sets, through the app's own reader: the settings every other example must give. */
const exampleLayer = await readJsonLayer(templatePath('policy.json'));

const KEY_NAMES = POLICY_KEYS.map((key) => key.name).sort();
const HKLM_POLICY = `HKLM\\${WINDOWS_POLICY_PATH}`;

const byKey = <T>(describeKey: (key: PolicyKey) => T): Record<string, T> =>
  Object.fromEntries(POLICY_KEYS.map((key) => [key.name, describeKey(key)]));

/** The value types of the native formats (plist, JSON) as a short phrase, so a mismatch reads plainly. */
function nativeShape(value: unknown): string {
  if (Array.isArray(value))
    return value.every((item) => typeof item === 'string') ? 'list of text' : 'list of mixed values';
  if (typeof value === 'number') return Number.isInteger(value) ? 'whole number' : 'fraction';
  if (typeof value === 'boolean') return 'true or false';
  return typeof value === 'string' ? 'text' : typeof value;
}

function expectedNativeShape(key: PolicyKey): string {
  if (key.registryType === 'REG_MULTI_SZ') return 'list of text';
  if (key.kind === 'boolean') return 'true or false';
  return key.registryType === 'REG_DWORD' ? 'whole number' : 'text';
}

const registryDataText = (data: RegistryData | null): string =>
  data ? `${data.type} ${JSON.stringify(data.data)}` : 'nothing';

/** What a Group Policy writes, as a phrase: its own on/off value, then each element with its bounds and options. */
function admxShape(policy: AdmxPolicy): string {
  const own = policy.valueName
    ? [
        `${policy.valueName}: ${registryDataText(policy.enabledValue)} when enabled, ${registryDataText(policy.disabledValue)} when disabled`,
      ]
    : [];
  const elements = policy.elements.map((element) => {
    const { minValue = '0', maxValue = '9999', storeAsText, expandable } = element.attributes;
    const bounds = element.type === 'decimal' ? ` from ${minValue} to ${maxValue}` : '';
    return `${element.valueName ?? '(no value name)'}: ${element.type}${bounds}${storeAsText === 'true' ? ' stored as text' : ''}${expandable === 'true' ? ' expandable' : ''}`;
  });
  return [...own, ...elements].join('; ');
}

function expectedAdmxShape(key: PolicyKey): string {
  switch (key.registryType) {
    case 'REG_SZ':
      return `${key.name}: text`;
    case 'REG_MULTI_SZ':
      return `${key.name}: multiText`;
    case 'REG_DWORD':
      return key.range
        ? `${key.name}: decimal from ${String(key.range.min)} to ${String(key.range.max)}`
        : `${key.name}: REG_DWORD 1 when enabled, REG_DWORD 0 when disabled`;
  }
}

const ADML_CONTROLS: Readonly<Record<string, string>> = {
  text: 'textBox',
  decimal: 'decimalTextBox',
  multiText: 'multiTextBox',
};

function policyNamed(template: AdmxTemplate, name: string): AdmxPolicy {
  const policy = template.policies.find((candidate) => candidate.name === name);
  if (!policy) throw new Error(`advocate.admx has no policy ${name}`);
  return policy;
}

function policyNamedKey(name: string): PolicyKey {
  const key = POLICY_KEYS.find((candidate) => candidate.name === name);
  if (!key) throw new Error(`${name} is not a policy key`);
  return key;
}

/**
 * The registry values Group Policy writes for the example: a key's policy enabled with the example value, a false
 * boolean as Disabled.
 */
function exampleGroupPolicyWrites(key: PolicyKey): ReturnType<typeof registryWrites> {
  const policy = policyNamed(groupPolicy, key.name);
  const example = policyJson[key.name];
  if (typeof example === 'boolean') return registryWrites(policy, example ? 'enabled' : 'disabled');
  const input = Object.fromEntries(
    policy.elements.map((element) => [element.id, example as string | number | string[]]),
  );
  return registryWrites(policy, 'enabled', input);
}

/** Recorded `reg query` output for these values, read by the Windows policy reader as it reads HKLM. */
function readAsHklmPolicy(values: readonly (RegistryData & { readonly name: string })[]): Layer {
  const output = regQueryOutput('HKLM', WINDOWS_POLICY_PATH, values);
  return policyLayer(parseRegQuery(output, `HKEY_LOCAL_MACHINE\\${WINDOWS_POLICY_PATH}`), HKLM_POLICY);
}

describe('Group Policy template (advocate.admx, en-US/advocate.adml)', () => {
  it('has one policy per policy key, named as the key, and no other', () => {
    expect(groupPolicy.policies.map((policy) => policy.name).sort()).toEqual(KEY_NAMES);
  });

  it('puts every policy in the Advocate category, for computers (HKLM) and users (HKCU), under the key the reader queries', () => {
    expect(groupPolicy.categories).toEqual(new Map([['Advocate', 'Advocate']]));
    for (const policy of groupPolicy.policies) {
      expect([policy.class, policy.key.toLowerCase(), policy.category], policy.name).toEqual([
        'Both',
        WINDOWS_POLICY_PATH.toLowerCase(),
        'Advocate',
      ]);
      expect(groupPolicy.supportedOn.has(policy.supportedOn ?? ''), `${policy.name} supportedOn`).toBe(true);
      for (const element of policy.elements)
        expect(element.key.toLowerCase(), `${policy.name} element ${element.id}`).toBe(
          WINDOWS_POLICY_PATH.toLowerCase(),
        );
    }
  });

  it("gives each key the element of its registry type: text, decimal within the key's bounds, multiText, or on/off values", () => {
    expect(Object.fromEntries(groupPolicy.policies.map((policy) => [policy.name, admxShape(policy)]))).toEqual(
      byKey(expectedAdmxShape),
    );
  });

  it('writes each key as one value of its name and registry type', () => {
    const written = byKey((key) =>
      exampleGroupPolicyWrites(key).map((write) => [write.key.toLowerCase(), write.name, write.type]),
    );
    expect(written).toEqual(byKey((key) => [[WINDOWS_POLICY_PATH.toLowerCase(), key.name, key.registryType]]));
  });

  it('has an editor control for every element, a text for every reference, and no text left unused', () => {
    for (const policy of groupPolicy.policies) {
      const controls = Object.fromEntries(
        policy.controls.map((control) => [
          control.refId,
          `${control.control}${control.label ? '' : ' without a label'}`,
        ]),
      );
      expect(controls, policy.name).toEqual(
        Object.fromEntries(
          policy.elements.map((element) => [
            element.id,
            ADML_CONTROLS[element.type] ?? `(no control for ${element.type})`,
          ]),
        ),
      );
    }
    expect([groupPolicy.unusedStrings, groupPolicy.unusedPresentations]).toEqual([[], []]);
  });

  it("explains each policy starting with the key's description from the code", () => {
    const explained = Object.fromEntries(
      groupPolicy.policies.map((policy) => [
        policy.name,
        policy.explainText.slice(0, policyNamedKey(policy.name).description.length),
      ]),
    );
    expect(explained).toEqual(byKey((key) => key.description));
  });

  it('suggests the built-in default in each number box', () => {
    const numberKeys = POLICY_KEYS.filter((key) => key.kind === 'integer');
    const suggested = numberKeys.map((key) =>
      policyNamed(groupPolicy, key.name).controls.map((control) => control.defaultValue),
    );
    expect(suggested).toEqual(numberKeys.map((key) => [JSON.stringify(DEFAULT_SETTINGS[key.setting])]));
  });

  it('is read back by the Windows policy reader as the example policy.json says (enabled with the example values; a false one as Disabled)', () => {
    expect(exampleLayer.problems).toEqual([]);
    expect(readAsHklmPolicy(POLICY_KEYS.flatMap(exampleGroupPolicyWrites))).toEqual(exampleLayer);
  });

  it('turns an on/off policy on when Enabled and off when Disabled, as the reader sees it', () => {
    for (const key of POLICY_KEYS.filter((candidate) => candidate.kind === 'boolean')) {
      const policy = policyNamed(groupPolicy, key.name);
      expect(readAsHklmPolicy(registryWrites(policy, 'enabled')).values, `${key.name} enabled`).toEqual({
        [key.setting]: true,
      });
      expect(readAsHklmPolicy(registryWrites(policy, 'disabled')).values, `${key.name} disabled`).toEqual({
        [key.setting]: false,
      });
    }
  });

  // Tried: templates edited the ways a drift happens. Must hold: each edit shows up in what the checks above compare.
  it('notices a policy left out, a changed bound, a list element instead of multiText, and a missing text', () => {
    const withoutTraining = readAdmxTemplate(admx.replace(/<policy name="TrainingUrl"[\s\S]*?<\/policy>/, ''), adml);
    expect(withoutTraining.policies.map((policy) => policy.name)).not.toContain('TrainingUrl');
    expect(withoutTraining.unusedStrings).toEqual(['TrainingUrl', 'TrainingUrl_Explain']);

    const rebounded = readAdmxTemplate(admx.replace('maxValue="1440"', 'maxValue="1000"'), adml);
    expect(admxShape(policyNamed(rebounded, 'PollIntervalMinutes'))).toBe(
      'PollIntervalMinutes: decimal from 5 to 1000',
    );

    const listed = readAdmxTemplate(
      admx.replace(
        '<multiText id="FeedUrls" valueName="FeedUrls" required="true" />',
        '<list id="FeedUrls" key="SOFTWARE\\Policies\\Advocate\\FeedUrls" />',
      ),
      adml,
    );
    const feeds = policyNamed(listed, 'FeedUrls');
    expect(admxShape(feeds)).toBe('(no value name): list');
    expect(() => registryWrites(feeds, 'enabled', { FeedUrls: ['https://blog.example.com/feed.xml'] })).toThrow(
      'element <list> is not modelled here',
    );

    expect(() => readAdmxTemplate(admx, adml.replace('<string id="QuietHours">Quiet hours</string>', ''))).toThrow(
      'the ADML has no string for "$(string.QuietHours)"',
    );
  });
});

describe('macOS configuration profile (Advocate.mobileconfig)', () => {
  const profile = parsePlist(readTemplate('Advocate.mobileconfig'));
  const asDict = (value: PlistValue | undefined): PlistDict => {
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a <dict>');
    return value as PlistDict;
  };
  const outer = asDict(profile);
  const payloads = outer['PayloadContent'];
  if (!Array.isArray(payloads)) throw new Error('PayloadContent must be an <array>');
  const payload = asDict((payloads as readonly PlistValue[])[0]);
  const settings = Object.entries(payload).filter(([name]) => !name.startsWith('Payload'));

  beforeEach(() => {
    resetElectronFake();
  });

  it("is a Configuration profile holding one payload for the app's preferences domain (electron-builder.yml's appId)", () => {
    expect([outer['PayloadType'], outer['PayloadVersion'], outer['PayloadScope']]).toEqual([
      'Configuration',
      1,
      'System',
    ]);
    expect(payloads).toHaveLength(1);
    expect([payload['PayloadType'], payload['PayloadVersion']]).toEqual([builderAppId(), 1]);
    const uuids = [outer['PayloadUUID'], payload['PayloadUUID']];
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(new Set(uuids).size).toBe(2);
    expect(new Set([outer['PayloadIdentifier'], payload['PayloadIdentifier']]).size).toBe(2);
  });

  it('sets every policy key and no other, each with its plist type', () => {
    expect(settings.map(([name]) => name).sort()).toEqual(KEY_NAMES);
    expect(Object.fromEntries(settings.map(([name, value]) => [name, nativeShape(value)]))).toEqual(
      byKey(expectedNativeShape),
    );
  });

  it('is read by the macOS policy reader without a problem, as the example policy.json says', () => {
    for (const [name, value] of settings) fakeState.userDefaults.set(name, value);
    expect(readMacPolicy()).toEqual({ ...exampleLayer, problems: [] });
  });

  // Tried: a profile edited with a type the reader was never shown, or a key given twice. Must hold: the check names
  // it.
  it('refuses a value type or a repeated key it cannot vouch for, naming it', () => {
    const text = readTemplate('Advocate.mobileconfig');
    expect(() => parsePlist(text.replace('<integer>60</integer>', '<real>60.5</real>'))).toThrow(
      'unsupported plist element <real>',
    );
    expect(() => parsePlist(text.replace('<key>QuietHours</key>', '<key>Autostart</key>'))).toThrow(
      'the <dict> key "Autostart" is given twice',
    );
  });
});

describe('Linux policy file (policy.json)', () => {
  it('sets every policy key once and no other, each with its JSON type', () => {
    expect(Object.keys(policyJson).sort()).toEqual(KEY_NAMES);
    // JSON.parse keeps the last of two equal keys without a word; the text must name each once.
    expect(byKey((key) => policyJsonText.split(`"${key.name}":`).length - 1)).toEqual(byKey(() => 1));
    expect(Object.fromEntries(Object.entries(policyJson).map(([name, value]) => [name, nativeShape(value)]))).toEqual(
      byKey(expectedNativeShape),
    );
  });

  it('is read by the policy file reader without a problem, setting every key', () => {
    expect(exampleLayer.problems).toEqual([]);
    expect(Object.keys(exampleLayer.values).sort()).toEqual(POLICY_KEYS.map((key) => key.setting).sort());
  });
});

describe('MSI properties (resources/build/msi-policy-properties.mjs)', () => {
  it('write each the value of the policy key that names that property, and every key naming one has it', () => {
    const fromHook = MSI_POLICY_PROPERTIES.map((entry) => [entry.property, entry.valueName, entry.type]).sort();
    // A list is one string on the msiexec command line; the reader splits it.
    const fromKeys = POLICY_KEYS.flatMap((key) =>
      key.msiProperty ? [[key.msiProperty, key.name, key.registryType === 'REG_DWORD' ? 'integer' : 'string']] : [],
    ).sort();
    expect(fromHook).toEqual(fromKeys);
  });

  it('given the example values on the msiexec command line, are read back as the example policy.json says', () => {
    const commandLine = Object.fromEntries(
      POLICY_KEYS.flatMap((key) => {
        const example = policyJson[key.name];
        if (!key.msiProperty) return [];
        if (Array.isArray(example)) return [[key.msiProperty, example.join(',')]];
        return [[key.msiProperty, typeof example === 'boolean' ? (example ? '1' : '0') : String(example)]];
      }),
    );
    const wxs = addMsiPolicyProperties(
      readFileSync(fileURLToPath(new URL('fixtures/project.wxs', import.meta.url)), 'utf8'),
    );
    const plan = planInstall(wxs, commandLine);
    expect(plan.refused).toEqual([]);
    expect(plan.registry.map((write) => `${write.root}\\${write.key}`)).toEqual(plan.registry.map(() => HKLM_POLICY));
    const layer = readAsHklmPolicy(
      plan.registry.map((write): RegistryData & { name: string } =>
        write.type === 'REG_DWORD'
          ? { name: write.name, type: 'REG_DWORD', data: Number(write.data) }
          : { name: write.name, type: 'REG_SZ', data: String(write.data) },
      ),
    );
    const msiSettings = POLICY_KEYS.filter((key) => key.msiProperty).map((key) => key.setting);
    expect(layer).toEqual({
      values: Object.fromEntries(msiSettings.map((setting) => [setting, exampleLayer.values[setting]])),
      problems: [],
    });
  });
});

describe('docs/deploy.md, "Policy keys"', () => {
  const docs = readFileSync(fileURLToPath(new URL('../../docs/deploy.md', import.meta.url)), 'utf8');
  const section = docs.slice(
    docs.indexOf('\n## Policy keys'),
    docs.indexOf('\n### ', docs.indexOf('\n## Policy keys')),
  );
  const rows = Array.from(
    section.matchAll(/^\| `(\w+)` \| ([^|]+) \| [^|]+ \| ([^|]+) \| `(\w+)`[^|]* \|$/gm),
    (match) => ({
      name: match[1] ?? '',
      type: match[2] ?? '',
      msi: (match[3] ?? '').trim(),
      diagnostics: match[4] ?? '',
    }),
  );

  it('lists every key once, with its registry type, its MSI property and the name the diagnostics report uses', () => {
    expect(rows.map((row) => row.name).sort()).toEqual(KEY_NAMES);
    const described = Object.fromEntries(
      rows.map((row) => [
        row.name,
        [row.type.includes(`\`${policyNamedKey(row.name).registryType}\``), row.msi, row.diagnostics],
      ]),
    );
    expect(described).toEqual(byKey((key) => [true, key.msiProperty ? `\`${key.msiProperty}\`` : '–', key.setting]));
  });
});
