// Lint rules (npm run lint): typescript-eslint's recommended set, imports in one order, the rules of React
// hooks in the web UI. Formatting is Prettier's (.prettierrc.json); eslint-config-prettier switches off the
// style rules that would disagree with it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Kysely's statement builders: what a use-case file never calls (transactions are `ctx.db.transaction()`).
const QUERY_BUILDER_CALLS =
  'selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|selectNoFrom|with|withRecursive|executeQuery';
export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'web/src/api/schema.d.ts', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      // Input validation matches control characters on purpose (NUL, C0/C1, the GS1 group separator).
      'no-control-regex': 'off',
      'import-x/order': [
        'error',
        { groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'], 'newlines-between': 'never' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Node scripts (build, CLI entry) run as plain JavaScript modules.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['web/public/sw.js'], languageOptions: { globals: globals.serviceworker } },
  {
    // SQL lives in repositories (docs/DEVELOPING.md): a use-case file under src/services loads through its
    // module's *.repository.ts, applies the domain and persists through it again, and writes no statement itself.
    files: ['src/services/**/*.ts'],
    ignores: ['src/services/**/*.repository.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(${QUERY_BUILDER_CALLS})$/]`,
          message: 'Query-builder calls belong in the module repository (*.repository.ts).',
        },
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'SQL belongs in the module repository.' },
        {
          selector: "MemberExpression[object.name='sql']",
          message: 'SQL fragments (sql.join, sql.lit, sql.ref …) belong in the module repository.',
        },
        {
          selector: "TSTypeReference[typeName.name='RawBuilder']",
          message: 'SQL fragments belong in the module repository.',
        },
      ],
    },
  },
  prettier,
);
