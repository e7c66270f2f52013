#!/usr/bin/env node
// `npm run test:fuzz [-- --long]`: the OpenAPI fuzzing suite alone; --long sends ≥ 10,000
// requests (FUZZ_LONG=1) instead of the short form that runs inside `npm test`.
import { spawnSync } from 'node:child_process';

const long = process.argv.includes('--long');
const rest = process.argv.slice(2).filter((a) => a !== '--long');
const result = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--selectProjects', 'api', '--testPathPatterns', 'openapi-fuzz', ...rest],
  { stdio: 'inherit', env: { ...process.env, ...(long ? { FUZZ_LONG: '1' } : {}) } },
);
process.exit(result.status ?? 1);
