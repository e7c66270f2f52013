// Architecture rules, checked by `npm run lint:arch` (inside `npm test`). See docs/architecture.md §7.
// Each rule is an error: the run fails on the first violation. A known exception is written
// below with the reason and the issue that will remove it; there are none today.

/** Folders that hold pure logic: no NestJS, no database driver, no query builder. */
const PURE = ['^libs/[^/]+/src/.*domain/', '^libs/kernel/src/', '^libs/contracts/src/'];
/** What "I/O or framework" means for the rule above. */
const FRAMEWORK_OR_IO = ['^node_modules/@nestjs/', '^node_modules/kysely/', '^node_modules/pg/', '^node_modules/pg-[^/]+/', '^node_modules/@eventstore/'];

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
      comment: "Black-box tests use a library through its index or its `testing/` helpers.",
      severity: 'error',
      from: { path: '^test/' },
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
      comment: 'Benchmarks build what they measure from libraries (the CLI runs them; they never import an app).',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-import-no-app-test-or-bench',
      comment: 'Libraries are below everything that runs them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: ['^apps/', '^test/', '^bench/'] },
    },
    {
      name: 'production-code-imports-no-test',
      comment: 'Nothing that ships imports a spec or the test support.',
      severity: 'error',
      from: { path: ['^apps/', '^libs/'], pathNot: ['\\.(int-)?spec\\.ts$', '/testing/'] },
      to: { path: ['^test/', '\\.(int-)?spec\\.ts$'] },
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
    exclude: { path: ['^dist/', '^node_modules/', '^\\.tools/', '^\\.angular/', '^apps/api/src/openapi/response-types\\.generated\\.ts$'] },
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
