// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrictNode = {
  patterns: [{ group: ['node:*'], message: 'Pure code: no Node built-ins here.' }],
  paths: ['electron', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'https'].map((name) => ({
    name,
    message: 'Not allowed in this layer.',
  })),
};

/**
 * Layer rules over relative imports, which the rule sees as written: `../main/` is the top-level main/
 * only from a file directly in the layer's folder, so there is one entry per folder depth. `forbidden`
 * are top-level folders; `onlyIndex` are top-level folders that may be imported through their index.ts alone.
 * @param {string} layer
 * @param {{ forbidden: string[], onlyIndex?: string[], paths?: { name: string, message: string }[] }} rules
 * @returns {import('eslint').Linter.Config[]}
 */
function layerRules(layer, { forbidden, onlyIndex = [], paths = [] }) {
  return Array.from({ length: 6 }, (_, depth) => {
    const up = String.raw`^(\.\./){${String(depth + 1)}}`;
    return {
      files: [`${layer}/${'*/'.repeat(depth)}*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths,
            patterns: [
              {
                regex: `${up}(${forbidden.join('|')})(/|$)`,
                message: `${layer}/ must not import ${forbidden.map((name) => `${name}/`).join(', ')} (docs/architecture.md, "Folders").`,
              },
              ...onlyIndex.map((name) => ({
                regex: `${up}${name}/(?!index\\.ts$)`,
                message: `Import ${name}/ through ${name}/index.ts, its public surface.`,
              })),
            ],
          },
        ],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', '.advocate-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // The layers' import rules from docs/architecture.md.
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...restrictNode, paths: [...restrictNode.paths, { name: 'react', message: 'common/ is UI-free.' }] },
      ],
    },
  },
  // The feed engine runs on the desktop and at the endpoint: Node and npm packages, no app layer.
  ...layerRules('feeds', {
    forbidden: ['main', 'server', 'renderer', 'preload'],
    paths: [{ name: 'electron', message: 'feeds/ also runs at the endpoint: no Electron.' }],
  }),
  // The endpoint never imports the desktop, and uses the feed engine through its public surface.
  ...layerRules('server', {
    forbidden: ['main', 'renderer', 'preload'],
    onlyIndex: ['feeds'],
    paths: [{ name: 'electron', message: 'The endpoint has no Electron.' }],
  }),
  { files: ['renderer/**/*.{ts,tsx}', 'preload/web*.ts'], rules: { 'no-restricted-imports': ['error', restrictNode] } },
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/web*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: restrictNode.patterns }] },
  },
  { files: ['*.js'], ...tseslint.configs.disableTypeChecked },
);
