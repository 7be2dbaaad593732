import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'dist-test/', 'dist-cli/', 'tmp/', 'bench/.out/', 'node_modules/', 'test-results/', 'playwright-report/', 'assets/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in Node for the CLI, tests and benchmarks: no rendering, audio or DOM.
    files: ['src/engine/**/*.ts', 'src/scenario/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['phaser', 'phaser/*'], message: 'The engine never imports Phaser.' },
        { group: ['howler'], message: 'The engine never imports Howler.' },
        { group: ['**/game/**', '../game/*'], message: 'The engine never imports the front end.' },
      ] }],
      'no-restricted-globals': ['error',
        { name: 'document', message: 'No DOM in the engine.' },
        { name: 'window', message: 'No DOM in the engine.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator in state.' },
        { object: 'Date', property: 'now', message: 'The engine is deterministic: days advance by events.' },
      ],
    },
  },
);
