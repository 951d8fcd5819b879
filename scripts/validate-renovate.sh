#!/usr/bin/env bash
# Validates renovate.json5 with Renovate's own validator, --strict (also fails on deprecated options that
# Renovate would migrate). Renovate is downloaded from the npm registry on first use (~440 MB, a few minutes;
# cached by npx afterwards). Run from the root without a file argument, the validator finds renovate.json5 and
# checks it as a repository config; `renovate-config-validator renovate.json5` would check it as a global config.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx --yes --package renovate@44 renovate-config-validator --strict
