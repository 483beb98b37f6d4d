// The house rules of the source tree (issue 7): a shared core at the bottom, features beside each
// other that meet only through each other's index.ts (or pure vocabulary and messages), and the
// compositions (server, job registry, CLI, demo, read-side views) at the top.
//
//   src/core/            shared core: may import src/core/, src/db/ and packages
//   src/db/              the database: may import src/db/ and src/core/
//   src/<feature>/       every other folder under src/ except the compositions below
//   src/views/           read-side compositions: core, db and the features' public files
//   src/cli/, src/demo/, src/test-support/, src/*.ts   compositions: may import anything
//   web/src/             the web app: from src/ only pure vocabulary, messages and i18n
//
// Tests (*.test.ts, e2e/, src/test-support/, scripts/) may import anything.
//
// A feature's public files, the only ones another feature or a view may import:
//   src/<feature>/index.ts, src/<feature>/<feature>.vocab.ts, src/<feature>/<feature>.messages.ts, src/<feature>/<feature>.permissions.ts

const TESTS = ['\\.test\\.tsx?$', '^e2e/', '^src/test-support/', '^scripts/'];
const COMPOSITION_FOLDERS = ['cli', 'demo', 'test-support', 'views'];
const NOT_FEATURES = ['core', 'db', ...COMPOSITION_FOLDERS];
// src/<feature>/… for every folder under src/ that is not core, db or a composition; group 1 is the feature.
const FEATURE = `^src/(?!(?:${NOT_FEATURES.join('|')})/)([^/]+)/`;
const COMPOSITION = [`^src/(?:${COMPOSITION_FOLDERS.join('|')})/`, '^src/[^/]+\\.tsx?$'];
// Only one capture group in this pattern: dependency-cruiser joins a list of patterns with `|`.
const PUBLIC_FEATURE_FILE = '^src/(?:[^/]+/index\\.ts|([^/]+)/\\1\\.(?:vocab|messages|permissions)\\.ts)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-core-and-db',
      comment: 'src/core/ is the shared core below the features: it may import only src/core/, src/db/ and packages.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: TESTS },
      to: { path: '^src/', pathNot: '^src/(?:core|db)/' },
    },
    {
      name: 'db-imports-db-and-core',
      comment: "src/db/ may import only src/db/, src/core/ and the features' pure vocabulary (to type enum columns).",
      severity: 'error',
      from: { path: '^src/db/', pathNot: TESTS },
      to: { path: '^src/', pathNot: ['^src/(?:db|core)/', '\\.vocab\\.ts$'] },
    },
    {
      name: 'feature-not-http',
      comment: 'Domain code does not import src/http/: the error type and the request context live in src/core/.',
      severity: 'error',
      from: { path: FEATURE, pathNot: ['^src/http/', ...TESTS] },
      to: { path: '^src/http/' },
    },
    {
      name: 'feature-not-composition',
      comment: 'A feature does not import the compositions above it (src/cli/, src/demo/, src/test-support/, src/views/, src/*.ts); they import it.',
      severity: 'error',
      from: { path: FEATURE, pathNot: TESTS },
      to: { path: COMPOSITION },
    },
    {
      name: 'feature-through-index',
      comment: 'A feature imports another feature only through its src/<other>/index.ts, src/<other>/<other>.vocab.ts or src/<other>/<other>.messages.ts.',
      severity: 'error',
      from: { path: FEATURE, pathNot: TESTS },
      to: {
        path: FEATURE,
        pathNot: ['^src/$1/', '^src/http/', PUBLIC_FEATURE_FILE],
      },
    },
    {
      name: 'views-through-index',
      comment: 'src/views/ imports src/core/, src/db/ and the features only through their index.ts, vocab and messages files.',
      severity: 'error',
      from: { path: '^src/views/', pathNot: TESTS },
      to: { path: '^src/', pathNot: ['^src/(?:core|db|views)/', PUBLIC_FEATURE_FILE] },
    },
    {
      name: 'web-imports-pure-server-files',
      comment:
        'The web app imports from src/ only pure vocabulary (*.vocab.ts), messages (*.messages.ts), src/core/i18n.ts and src/core/spreadsheet-cell.ts (the one formula-injection rule, shared by server exports and the browser CSV; it imports nothing).',
      severity: 'error',
      from: { path: '^web/', pathNot: TESTS },
      to: { path: '^src/', pathNot: '\\.vocab\\.ts$|\\.messages\\.ts$|^src/core/i18n\\.ts$|^src/core/spreadsheet-cell\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'No import loops among the non-test files of src/, type-only imports included (the registry <-> job-file loop of issue 7 was one).',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or a package; otherwise the rules above would pass over it unseen.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // No includeOnly: it would hide an unresolvable import from not-to-unresolvable. Which folders are
    // cruised is said on the command line (scripts/check.sh); packages are seen but not followed.
    exclude: { path: '^web/dist/' },
    doNotFollow: { path: 'node_modules' },
    // The code imports './x.ts' with explicit extensions (allowImportingTsExtensions); resolving through
    // tsconfig.json finds them and the .tsx files of the web app.
    tsConfig: { fileName: 'tsconfig.json' },
    // See `import type` too. A type from another feature's internals couples the two as much as a value
    // does, so the layering rules count it; and the one loop issue 7 names (the job registry and the job
    // files) was type-only, so no-circular counts such loops as well. Should a harmless type-only loop
    // ever be wanted, add `viaOnly: { dependencyTypesNot: ['type-only'] }` to no-circular's `to`.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
