#!/usr/bin/env node
// `npm run test:faults [-- --long] [jest args…]`: the fault tests (test/faults), one file at a
// time, against the built API. `--long` runs the long form (more faults, more load).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const long = args.includes('--long');
const jestArgs = args.filter((a) => a !== '--long');
const result = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--selectProjects', 'faults', '--runInBand', ...jestArgs],
  { stdio: 'inherit', env: { ...process.env, ARDOISE_FAULTS_LONG: long ? '1' : '0' } },
);
process.exit(result.status ?? 1);
