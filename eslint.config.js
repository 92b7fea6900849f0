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
  { files: ['renderer/**/*.{ts,tsx}', 'preload/web*.ts'], rules: { 'no-restricted-imports': ['error', restrictNode] } },
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/web*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: restrictNode.patterns }] },
  },
  { files: ['*.js'], ...tseslint.configs.disableTypeChecked },
);
