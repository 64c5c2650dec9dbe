#!/usr/bin/env bash
# What only a fresh clone shows: publishes a fresh clone of HEAD, starts it on an empty SQLite
# database, and asks for every file of its wwwroot (front-end libraries from npm included). Each must
# answer 200: a file that is published but missing from the static-asset manifest answers 404. Then
# the annual review's browser test runs in Chromium against that published app: its charts and its
# map must draw from the published files.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
cleanup() { [[ -n "${app_pid:-}" ]] && kill "$app_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

git clone -q "$repo" "$work/clone"
dotnet publish "$work/clone/src/Chancery.Web" -c Release -o "$work/publish" -v q -nologo </dev/null

(cd "$work/publish" && exec env ConnectionStrings__Chancery="Data Source=$work/check.db" \
  DataProtection__AllowUnencryptedKeys=true SignIn__TwoFactorFrom=none Admin__Email=admin@test.local Admin__Password='Admin-Password-2026!' dotnet Chancery.Web.dll --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 90); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "the published app did not start:"; tail -n 40 "$work/app.log"; exit 1; }

missing=0
total=0
while IFS= read -r file; do
  total=$((total + 1))
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/$file")
  if [[ "$code" != 200 ]]; then echo "published static file /$file answers $code"; missing=$((missing + 1)); fi
done < <(cd "$work/publish/wwwroot" && find . -type f ! -name '*.gz' ! -name '*.br' | sed 's|^\./||' | sort)
echo "publish check: $total static files, $missing not served"
((total > 0 && missing == 0))

# The administrator above is the browser tests' own (ChanceryAppFactory.AdminEmail/AdminPassword).
CHANCERY_TEST_PUBLISHED_URL="http://127.0.0.1:$port" dotnet test "$repo/tests/Chancery.Tests" -nologo -v q \
  --filter "FullyQualifiedName~Chancery.Tests.Browser.AnnualReviewBrowserTests" </dev/null
