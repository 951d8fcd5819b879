#!/usr/bin/env bash
# Scans every tracked file with secretlint's recommended rules (scripts/secretlintrc.json); exit 1 on any
# finding. SOPS-encrypted files and the lockfile are skipped (scripts/secretlintignore).
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files -z | xargs -0 node_modules/.bin/secretlint --maskSecrets \
  --secretlintrc scripts/secretlintrc.json --secretlintignore scripts/secretlintignore
