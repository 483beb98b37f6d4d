import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Generated and data files; web/src/lib/api.gen.ts is generated from /api/openapi.json and guarded by its own drift check.
  { ignores: ['node_modules', 'dist', 'data', 'web/dist', 'models', 'coverage', '.scratch', '.bench', 'test-results', 'web/src/lib/api.gen.ts'] },
  { files: ['bin/**/*.js'], languageOptions: { globals: { process: 'readonly' } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
);
