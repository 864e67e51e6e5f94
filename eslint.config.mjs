// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layers (STYLE.md): core and shared are pure and import nothing above them; platform adapts VS Code over
// core and shared; features (FEATURES) import each other only through their index.ts and never src/dev, the
// dev and test hooks that only src/extension.ts loads. Import cycles are checked by dependency-cruiser.
const FEATURES = ['auth', 'tasks', 'views', 'panels', 'zone'];
const vscodeBanned = { name: 'vscode', message: 'src/core, src/shared and src/webview are pure: no vscode import (see STYLE.md).' };
const restrict = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });
const pureLayer = (up) =>
  restrict([vscodeBanned], [
    {
      group: [`${up}*`, `!${up}core`, `!${up}core/**`, `!${up}shared`, `!${up}shared/**`],
      message: 'src/core and src/shared import nothing above them (no platform, feature, constants or dev code).',
    },
  ]);
const featureInternals = (up) => [
  {
    group: FEATURES.map((f) => `${up}${f}/*`),
    message: 'Another feature is reached only through its index.ts (its public face).',
  },
  { group: [`${up}dev`, `${up}dev/**`, `${up}extension`], message: 'Product code never imports src/dev or the composition root.' },
];

export default tseslint.config(
  { ignores: ['out/**', '.stryker-tmp/**', 'reports/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'dist-vsix/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.webview.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[property.name='innerHTML']",
        message: 'Server data is never HTML: build DOM with textContent.',
      }],
    },
  },
  // core may use shared's pure helpers and vice versa; its subfolders (zone, lint, …) are one level down.
  { files: ['src/core/*.ts', 'src/shared/*.ts'], rules: pureLayer('../') },
  { files: ['src/core/*/*.ts', 'src/shared/*/*.ts'], rules: pureLayer('../../') },
  { files: ['src/webview/**/*.ts'], rules: restrict([vscodeBanned], [{ group: ['../*', '!../shared', '!../shared/**'], message: 'The webview sees only src/shared.' }]) },
  {
    files: ['src/platform/**/*.ts'],
    rules: restrict([], [{ group: ['../*', '!../core', '!../core/**', '!../shared', '!../shared/**', '!../constants'], message: 'src/platform imports only core, shared and constants.' }]),
  },
  ...FEATURES.map((feature) => ({ files: [`src/${feature}/**/*.ts`], rules: restrict([], featureInternals('../')) })),
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
