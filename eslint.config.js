import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/** Renderer and contract code runs in a sandboxed page: no Node, no Electron, only the contract. */
const browserOnly = {
  paths: [
    { name: 'electron', message: 'The renderer and shared/ talk to main only through the contract (window.api or HTTP).' },
    ...nodeBuiltins.map((name) => ({ name, message: 'Node modules are not available in the sandboxed renderer or in shared/.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'Node modules are not available in the sandboxed renderer or in shared/.' },
    { group: ['**/main/**', '../main/*', '../../main/*'], message: 'Reach main only through the contract in shared/.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'main/core is plain Node: take what you need from Electron as a port, implemented in main/electron.',
            },
          ],
          patterns: [{ group: ['**/electron/*', '../electron/*'], message: 'main/core must not depend on the Electron adapters.' }],
        },
      ],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', browserOnly] } },
  {
    files: ['renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
