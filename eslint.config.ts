import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CLIENT = './client/src';
const FEATURES = readdirSync(`${CLIENT}/features`);

/** A server module is entered through its public files: types, inputs, services, resolvers, loaders. */
const PUBLIC_FILE = String.raw`[a-z-]+\.(type|input|service|resolver|loader)$`;

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      'client/dist/',
      'client/src/gql/',
      'server/generated/',
      'prisma/.generated/',
      'data/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { import: importPlugin },
    languageOptions: { globals: { ...globals.node } },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-cycle': 'error',
      'import/no-self-import': 'error',
      'import/no-useless-path-segments': 'error',
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            // Shared code is pure and knows nothing of either side.
            {
              target: './shared',
              from: ['./server', './client', './prisma', './test'],
              message: 'shared/ is used by server and client; it imports neither.',
            },
            { target: './server', from: './client', message: 'The server does not import client code.' },
            {
              target: CLIENT,
              from: ['./server', './prisma'],
              message: 'The client talks to the server over GraphQL only.',
            },
            // Client imports go one way: app → features → components → i18n.
            {
              target: `${CLIENT}/i18n`,
              from: [`${CLIENT}/components`, `${CLIENT}/features`, `${CLIENT}/app`],
              message: 'i18n is the bottom layer.',
            },
            {
              target: `${CLIENT}/components`,
              from: [`${CLIENT}/features`, `${CLIENT}/app`],
              message: 'Components are shared by features; they do not import them.',
            },
            {
              target: `${CLIENT}/features`,
              from: `${CLIENT}/app`,
              message: 'Features do not import the app that composes them.',
            },
            ...FEATURES.map((feature) => ({
              target: `${CLIENT}/features/${feature}`,
              from: `${CLIENT}/features`,
              except: [`./${feature}`],
              message: 'A feature does not import another feature: move what both need to components/.',
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts', 'prisma/**/*.ts', 'test/**/*.ts'],
    ignores: ['server/src/modules/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`modules/[a-z-]+/(?!${PUBLIC_FILE})`,
              message:
                'Import a server module through its public files (*.type, *.input, *.service, *.resolver, *.loader).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^\.\./[a-z-]+/(?!${PUBLIC_FILE})`,
              message:
                'Import another module through its public files (*.type, *.input, *.service, *.resolver, *.loader).',
            },
          ],
        },
      ],
    },
  },
  {
    // GraphQL answers in tests are read loosely; the assertions are what is typed.
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/scripts/**', 'client/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
