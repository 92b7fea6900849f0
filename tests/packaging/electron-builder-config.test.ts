/**
 * electron-builder.yml against the schema electron-builder itself ships (app-builder-lib/scheme.json),
 * then the choices IT depends on, each of which would be easy to lose in an edit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { APP_LINK_SCHEME } from '../../common/app-link.ts';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(fromRoot(path), 'utf8'));

const config = parse(readFileSync(fromRoot('electron-builder.yml'), 'utf8')) as Configuration;
const validate = new Ajv({ allErrors: true, strict: false }).compile(
  readJson('node_modules/app-builder-lib/scheme.json') as object,
);

describe('electron-builder.yml', () => {
  it("matches electron-builder's own configuration schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is rejected by that schema when an option is misspelled, so the check above has teeth', () => {
    // Tried: a typo inside msi. Must hold: the schema names the unknown property.
    expect(validate({ ...config, msi: { ...config.msi, perMachin: true } })).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/msi', params: { additionalProperty: 'perMachin' } }),
    );
  });

  it('registers the advocate:// scheme the share pages link to', () => {
    const protocols = [config.protocols ?? []].flat();
    expect(protocols.flatMap((protocol) => protocol.schemes)).toEqual([APP_LINK_SCHEME]);
  });

  it('keeps the identity every installed copy is keyed on', () => {
    expect(config.appId).toBe('com.advocate.desktop');
    expect(config.productName).toBe('Advocate');
    expect(config.msi?.upgradeCode).toBe('40D77026-8C3D-482C-A660-80448B9C1A51');
  });

  it('ships only the built app, packed in an asar', () => {
    expect(config.files).toEqual(['out/**', '!out/preview/**', '!**/*.map', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.extraResources).toEqual([
      { from: 'resources/tray', to: 'tray' },
      { from: 'resources/config', to: 'config' },
    ]);
    expect(readJson('resources/config/defaults.json')).toEqual(expect.any(Object));
  });

  it('flips the security fuses of DESIGN.md, cookie encryption on and no extra file:// privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("takes the deb's maintainer from package.json's author, with a name and an email, and nowhere else", () => {
    const linux = config.linux as Record<string, unknown> | undefined;
    expect(linux?.['maintainer']).toBeUndefined();
    expect((config.deb as Record<string, unknown> | undefined)?.['maintainer']).toBeUndefined();
    const { author } = readJson('package.json') as { author?: { name?: unknown; email?: unknown } };
    expect(Object.keys(author ?? {}).sort()).toEqual(['email', 'name']);
    expect(author?.name).toMatch(/\S/);
    expect(author?.email).toMatch(/^[^@\s]+@[^@\s]+$/);
  });

  it('publishes nothing and has no updater: IT ships every version', () => {
    expect(config.publish).toBeNull();
    const manifest = readJson('package.json') as {
      dependencies?: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(manifest.dependencies).toBeUndefined();
    expect(Object.keys(manifest.devDependencies)).not.toContain('electron-updater');
  });

  it('builds a per-machine MSI that starts nothing and keeps the Start-menu shortcut notifications need', () => {
    expect(config.msi).toMatchObject({ perMachine: true, runAfterFinish: false, createStartMenuShortcut: true });
    expect(existsSync(fromRoot(String(config.msiProjectCreated)))).toBe(true);
    expect(config.nsis).toMatchObject({ oneClick: false, runAfterFinish: false, createStartMenuShortcut: true });
  });

  it('makes a menu-bar-only, hardened macOS app with only the JIT entitlement', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true, extendInfo: { LSUIElement: true } });
    const entitlements = readFileSync(fromRoot(String(config.mac?.entitlements)), 'utf8');
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual([
      'com.apple.security.cs.allow-jit',
    ]);
  });

  it('makes a deb that depends on libnotify for notifications', () => {
    expect(config.deb?.depends).toContain('libnotify4');
  });
});
