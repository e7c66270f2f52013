// The demo town's seed moved to libs/composition (the CLI and the benchmarks seed it too);
// re-exported here for one step so that the API specs keep compiling: import it from '#ardoise/composition'.
export { seedDemoTown } from '#ardoise/composition';
