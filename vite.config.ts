/**
 * One build for the whole desktop app (`vite build` builds every environment, in order):
 *   renderer      React window          -> out/renderer
 *   main          Electron main, ESM    -> out/main/index.js     (electron and Node built-ins external)
 *   preload       sandboxed preload     -> out/preload/index.cjs (one CommonJS file, only electron external)
 *   previewBridge the preview's preload -> out/preview/bridge.js (browser script, not shipped in the app)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import { parse } from 'yaml';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './common/content-security-policy.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string): string => `${root}${path}`;
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** electron-builder.yml's appId: main uses it as the Windows AppUserModelId, so it is read from there. */
export function builderAppId(): string {
  const config = parse(readFileSync(at('electron-builder.yml'), 'utf8')) as { appId?: unknown } | null;
  if (typeof config?.appId !== 'string' || config.appId === '') throw new Error('electron-builder.yml has no appId');
  return config.appId;
}

/** Build-time constants for main (see main/app-identity.ts). */
export const mainDefines = (): Record<string, string> => ({ __ADVOCATE_APP_ID__: JSON.stringify(builderAppId()) });

/** Writes the CSP into index.html from the one constant the app and the preview also use. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'advocate-csp',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: at('renderer'),
  // Relative asset URLs: Electron loads the window from a file, the preview from a server root.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  define: mainDefines(),
  build: { emptyOutDir: true, reportCompressedSize: false },
  builder: {},
  environments: {
    client: {
      build: { outDir: at('out/renderer') },
    },
    main: {
      consumer: 'server',
      resolve: { noExternal: true, external: ['electron', ...nodeBuiltins] },
      build: {
        outDir: at('out/main'),
        // renderer/public belongs to the window only; without this every bundle folder gets a copy.
        copyPublicDir: false,
        target: 'node22',
        rolldownOptions: {
          input: at('main/index.ts'),
          output: { format: 'es', entryFileNames: 'index.js' },
        },
      },
    },
    preload: {
      consumer: 'client',
      resolve: { noExternal: true, external: ['electron'] },
      build: {
        outDir: at('out/preload'),
        copyPublicDir: false,
        target: 'chrome140',
        rolldownOptions: {
          input: at('preload/index.ts'),
          external: ['electron'],
          output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false },
        },
      },
    },
    previewBridge: {
      consumer: 'client',
      build: {
        outDir: at('out/preview'),
        copyPublicDir: false,
        rolldownOptions: {
          input: at('preload/web.ts'),
          output: { format: 'iife', entryFileNames: 'bridge.js' },
        },
      },
    },
  },
});
