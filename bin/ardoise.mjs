#!/usr/bin/env node
// `ardoise` command: the built CLI (run `npm run build:server` first).
import('../dist/apps/cli/src/main.js');
