// @ts-check
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-demo/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      '.readme-check/**',
      'custom-elements.json',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['src/element/**/*.ts', 'src/admin-ui/**/*.ts', 'test/browser/**/*.ts', 'demo/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/element/**/*.ts', 'demo/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
