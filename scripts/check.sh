#!/usr/bin/env bash
# `npm run check`: the house rules that CI (.ci/run) checks before the tests. Runs every step even
# after one fails, says which failed, and exits non-zero if any did.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

failed=()
step() {
  local name=$1
  shift
  echo "== $name: $*"
  local start=$SECONDS
  if "$@"; then
    echo "   $name ok ($((SECONDS - start)) s)"
  else
    echo "   $name FAILED ($((SECONDS - start)) s)"
    failed+=("$name")
  fi
}

step typecheck tsc -p tsconfig.json
step lint eslint .
# The ignore list (.prettierignore) leaves out generated and data files.
step format prettier --check --log-level warn .
# Layers and seams: .dependency-cruiser.cjs says who may import whom.
step dependencies depcruise src web/src e2e scripts bin --config .dependency-cruiser.cjs
# The checked-in web/src/lib/api.gen.ts must match what the server's OpenAPI document generates.
if [ -f scripts/generate-api-types.ts ]; then
  step api-types tsx scripts/generate-api-types.ts --check
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "check failed: ${failed[*]}" >&2
  exit 1
fi
echo "check passed"
