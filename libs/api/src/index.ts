// The HTTP API as a library: apps/api only starts it; the API suites and the rush benchmarks
// start the same application in-process.
export { API_PREFIX, createApp } from './create-app.js';
export { AppModule, type AppModuleOptions } from './app.module.js';
