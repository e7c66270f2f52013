// Architecture rules, checked by `npm run lint:arch` (inside `npm test`). See docs/architecture.md §7.
// Each rule is an error. Known exceptions are written in the rule itself (pathNot), each with
// its reason and what removes it: see KNOWN_EXCEPTIONS.

/** Folders that hold pure logic: no NestJS, no database driver, no query builder. */
const PURE = ['^libs/[^/]+/src/.*domain/', '^libs/kernel/src/', '^libs/contracts/src/'];
/** What "I/O or framework" means for the rule above. */
const FRAMEWORK_OR_IO = ['^node_modules/@nestjs/', '^node_modules/kysely/', '^node_modules/pg/', '^node_modules/pg-[^/]+/', '^node_modules/@eventstore/'];

/**
 * Known exceptions (docs/architecture.md §7 lists them too):
 * - test/support/global-setup.mjs is plain JavaScript run by jest before any transform: it
 *   cannot resolve `#ardoise/database` to the sources and imports the embedded-PostgreSQL file.
 */
const KNOWN_EXCEPTIONS = {
  globalSetup: '^test/support/global-setup\\.mjs$',
};

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle-between-libs',
      comment: 'Libraries form a layered graph (kernel → … → contexts → composition); a cycle that leaves a library is a layering bug.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, viaSomeNot: '^libs/$1/' },
    },
    {
      name: 'pure-folders-import-no-framework',
      comment: 'domain/, the kernel and the API contracts are pure (decide/evolve, rules, types): no NestJS, kysely, pg or EventStoreDB client.',
      severity: 'error',
      from: { path: PURE },
      to: { path: FRAMEWORK_OR_IO },
    },
    {
      name: 'context-through-its-index',
      comment: "A library uses another only through its public index (`#ardoise/<lib>`), never through the other's files.",
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'apps-and-bench-through-the-index',
      comment: "Apps and benchmarks use a library through its index; tests may also reach a library's `testing/` helpers.",
      severity: 'error',
      from: { path: ['^apps/', '^bench/'] },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'tests-through-the-index',
      comment: 'Black-box tests use a library through its index or its `testing/` helpers.',
      severity: 'error',
      from: { path: '^test/', pathNot: KNOWN_EXCEPTIONS.globalSetup },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/'] },
    },
    {
      name: 'apps-do-not-import-each-other',
      comment: 'An app is an entry point; what two apps share lives in a library (libs/composition wires the contexts).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'bench-imports-no-app',
      comment: 'Benchmarks build what they measure from libraries (libs/composition): the CLI runs them, so they never import an app.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^apps/' },
    },
    {
      name: 'nothing-imports-the-harnesses',
      comment: 'Only the CLI (`ardoise bench`) runs the benchmarks; nothing that ships imports the tests.',
      severity: 'error',
      from: { path: ['^apps/', '^libs/'], pathNot: ['^apps/cli/', '\\.(int-)?spec\\.ts$'] },
      to: { path: ['^bench/', '^test/'] },
    },
    {
      name: 'libs-import-no-app',
      comment: 'Libraries are below every app that runs them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'specs-beside-the-code-use-only-test-support',
      comment: 'An integration spec beside the code may use test/support (the test database), nothing else of test/.',
      severity: 'error',
      from: { path: '^libs/.+\\.(int-)?spec\\.ts$' },
      to: { path: '^test/', pathNot: '^test/support/' },
    },
    {
      name: 'production-code-imports-no-spec',
      comment: 'Nothing imports a spec file.',
      severity: 'error',
      from: {},
      to: { path: '\\.(int-)?spec\\.ts$' },
    },
    {
      name: 'no-unresolvable-import',
      comment: 'Every import resolves (a typo in a path, or a package missing from package.json).',
      severity: 'error',
      from: { pathNot: '^apps/portal/' }, // the portal resolves @ardoise/contracts through its own tsconfig paths
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^\\.tools/', '^\\.angular/', '^libs/api/src/openapi/response-types\\.generated\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
      mainFields: ['types', 'typings', 'module', 'main'],
    },
    skipAnalysisNotInRules: true,
  },
};
