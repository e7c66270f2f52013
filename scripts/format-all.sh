#!/usr/bin/env bash
# Formats the whole tree with Prettier (.prettierrc.json, .prettierignore), once, after the
# parallel branches are merged; from then on `npm run format:check` (first step of `npm test`
# after the type checks) keeps it formatted. Prints how many files it changed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node22.sh
npx prettier --write --log-level warn .
echo "files changed: $(git diff --name-only | wc -l)"
