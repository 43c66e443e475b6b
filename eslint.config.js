// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'release/**',
      'coverage/**',
      'tests/e2e/.artifacts/**',
      'tests/bench/.run.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Render page and dataset text as text only.',
        },
        {
          selector: "MemberExpression[property.name='outerHTML']",
          message: 'Render page and dataset text as text only.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render text as text only.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text as text only.',
        },
        { selector: "NewExpression[callee.name='Function']", message: 'No code built from strings.' },
      ],
      'no-eval': 'error',
    },
  },
  {
    // lib/text is the pure engine: no DOM, no browser API (DESIGN §3).
    files: ['lib/text/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'document',
        'window',
        'navigator',
        'browser',
        'chrome',
        'indexedDB',
        'fetch',
      ],
    },
  },
);
