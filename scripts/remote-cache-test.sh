#!/usr/bin/env bash
# Proves the turbo remote cache works end to end, on loopback only: starts turborepo-remote-cache (local storage
# in a temporary folder), builds one cluster in a fresh clone of HEAD (filling the cache), then in a second fresh
# clone, and fails unless every task of the second build was restored from the remote cache.
# Usage: scripts/remote-cache-test.sh [filter]   (default filter: cluster-apps). Needs the pnpm store to hold
# every package of the lockfile (the installs are --offline).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
FILTER="${1:-cluster-apps}"
SHA="$(git rev-parse HEAD)" # both clones build this commit, whatever lands on HEAD meanwhile
STEP_TIMEOUT="${STEP_TIMEOUT:-600}"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

WORK="$(mktemp -d "${TMPDIR:-/tmp}/k8s-ops-remote-cache.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${KEEP_WORK:-}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

step() { printf '\n==> [%3ss] %s\n' "$SECONDS" "$*"; }

PORT="$(node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
TOKEN="$(node -e 'console.log(require("node:crypto").randomBytes(24).toString("hex"))')"
export TURBO_API="http://127.0.0.1:$PORT" TURBO_TOKEN="$TOKEN" TURBO_TEAM=k8s-ops

step "Starting turborepo-remote-cache on $TURBO_API (storage: $WORK/cache)"
mkdir -p "$WORK/cache"
HOST=127.0.0.1 PORT="$PORT" STORAGE_PROVIDER=local STORAGE_PATH="$WORK/cache" STORAGE_PATH_USE_TMP_FOLDER=false \
  LOG_LEVEL=warn "$REPO/node_modules/.bin/turborepo-remote-cache" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do
  if curl -fsS "$TURBO_API/v8/artifacts/status" -H "Authorization: Bearer $TOKEN" >/dev/null 2>&1; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; echo "the cache server exited" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "$TURBO_API/v8/artifacts/status" -H "Authorization: Bearer $TOKEN" >/dev/null ||
  { cat "$WORK/server.log" >&2; echo "the cache server did not answer" >&2; exit 1; }

# One clone: HEAD, a frozen offline install, then the build with a run summary.
build_in() {
  local dir="$WORK/$1"
  step "$1: clone ${SHA:0:7} and install offline"
  git clone --quiet --no-local --no-checkout "$REPO" "$dir"
  git -C "$dir" checkout --quiet --detach "$SHA"
  (cd "$dir" && timeout "$STEP_TIMEOUT" pnpm install --offline --frozen-lockfile --reporter=silent)
  step "$1: pnpm turbo build --filter=$FILTER"
  (cd "$dir" && timeout "$STEP_TIMEOUT" pnpm turbo build --filter="$FILTER" --summarize --output-logs=errors-only) |
    tee "$WORK/$1.log" | grep -E "Tasks:|Cached:|Time:|FULL TURBO|remote cache" || true
}

build_in first
build_in second

step "Checking the second build's run summary"
summary="$(ls -t "$WORK"/second/.turbo/runs/*.json | head -n 1)"
node - "$summary" <<'JS'
const summary = JSON.parse(require("node:fs").readFileSync(process.argv[2], "utf8"));
const tasks = summary.tasks ?? [];
const notRemote = tasks.filter((t) => !(t.cache?.status === "HIT" && t.cache?.source === "REMOTE"));
console.log(`${tasks.length} tasks, ${tasks.length - notRemote.length} restored from the remote cache`);
if (tasks.length === 0 || notRemote.length > 0) {
  console.error(`remote cache: ${JSON.stringify(summary.remoteCache ?? summary.execution?.remoteCache ?? {})}`);
  for (const t of notRemote) console.error(`not from the remote cache: ${t.taskId} (${JSON.stringify(t.cache)})`);
  process.exit(1);
}
JS
grep -q "FULL TURBO" "$WORK/second.log" || { echo "the second build was not FULL TURBO" >&2; exit 1; }
step "OK: the second clone's build came entirely from the remote cache"
