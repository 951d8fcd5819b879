#!/usr/bin/env bash
# Fast-forwards the `release` branch to the newest commit of `main` that has been on main for MIN_AGE_HOURS
# (default 24) and whose check runs all completed without failure. Used by .github/workflows/promote.yaml;
# needs `gh` (GH_TOKEN) and GITHUB_REPOSITORY. Never rewrites `release`: a non-fast-forward stops with an error.
set -euo pipefail

MIN_AGE_HOURS="${MIN_AGE_HOURS:-24}"
REPO="${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}"
SOURCE="${SOURCE_BRANCH:-main}"
TARGET="${TARGET_BRANCH:-release}"

git fetch --quiet origin "$SOURCE" "$TARGET" 2>/dev/null || git fetch --quiet origin "$SOURCE"

candidate="$(git rev-list -1 --first-parent --before="$MIN_AGE_HOURS hours ago" "origin/$SOURCE")"
if [ -z "$candidate" ]; then
  echo "no commit of $SOURCE is $MIN_AGE_HOURS hours old yet"
  exit 0
fi
current="$(git rev-parse --verify --quiet "origin/$TARGET" || true)"
if [ "$candidate" = "$current" ]; then
  echo "$TARGET is already at $candidate"
  exit 0
fi
if [ -n "$current" ] && ! git merge-base --is-ancestor "$current" "$candidate"; then
  echo "$TARGET ($current) is not an ancestor of $candidate: refusing to rewrite it" >&2
  exit 1
fi

# Every check run of the candidate (the Promote workflow itself excluded): all completed, none failed.
runs="$(gh api --paginate "repos/$REPO/commits/$candidate/check-runs?per_page=100" \
  --jq '.check_runs[] | select(.name != "promote") | [.name, .status, (.conclusion // "none")] | @tsv')"
if [ -z "$runs" ]; then
  echo "$candidate has no check runs: not promoting" >&2
  exit 1
fi
printf '%s\n' "$runs"
bad="$(printf '%s\n' "$runs" | awk -F'\t' '$2 != "completed" || ($3 != "success" && $3 != "skipped" && $3 != "neutral")')"
if [ -n "$bad" ]; then
  printf 'not promoting %s; these checks are pending or failed:\n%s\n' "$candidate" "$bad" >&2
  exit 1
fi

git push origin "$candidate:refs/heads/$TARGET"
echo "$TARGET fast-forwarded to $candidate ($(git log -1 --format='%s' "$candidate"))"
