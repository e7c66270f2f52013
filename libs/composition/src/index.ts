// The composition root: what the apps (api, worker, cli), the benchmarks and the tests share
// to run the whole of Ardoise. Nothing below it imports it (docs/architecture.md §7).
export * from './ardoise.module.js';
export * from './audited-aggregates.js';
export * from './family-audience.module.js';
export * from './migrations.js';
export * from './projection-lifecycle.js';
export * from './projectors.js';
export * from './school-year-app.js';
export * from './seed/demo-town.seed.js';
export * from './seed/school-year.seed.js';
export * from './worker.module.js';
