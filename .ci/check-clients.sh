#!/usr/bin/env bash
# The API as an integrator meets it: starts a fresh app (its own SQLite database), generates a C# client
# from the running app's OpenAPI document with Kiota and with NSwag (the repository's dotnet tools), builds
# each one's program in tools/api-clients and runs it against the app (sign in, create, list with a filter,
# read, update, the 409 of a stale version, import a file, read the annual review, make a personal access
# token and list activities with it). Needs a built app
# (run after the tests) and `dotnet tool restore`.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${CHANCERY_CLIENT_CHECK_PORT:-5197}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
email=admin@clients.local
password=Client-Check-2026-Strong
export KIOTA_UPDATE__DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

Admin__Email=$email Admin__Password=$password SignIn__TwoFactorFrom=none ConnectionStrings__Chancery="Data Source=$work/clients.db" \
  dotnet run --no-build --project src/Chancery.Web --urls "$base" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 180); do
  curl -sf "$base/health" >/dev/null 2>&1 && break
  kill -0 $app 2>/dev/null || { echo "The app stopped before answering:" >&2; cat "$work/app.log" >&2; exit 1; }
  sleep 1
done
curl -sf "$base/health" >/dev/null || { echo "The app did not answer /health in 180 s" >&2; cat "$work/app.log" >&2; exit 1; }

document="$base/openapi/v1.json"
rm -rf tools/api-clients/kiota/Generated tools/api-clients/nswag/Generated
dotnet kiota generate -l CSharp -d "$document" -o tools/api-clients/kiota/Generated -c ChanceryClient -n Chancery.Client \
  --exclude-backward-compatible --log-level Warning </dev/null
mkdir -p tools/api-clients/nswag/Generated
dotnet nswag openapi2csclient /input:"$document" /output:tools/api-clients/nswag/Generated/ChanceryClient.cs \
  /namespace:Chancery.NSwagClient /JsonLibrary:SystemTextJson /GenerateClientInterfaces:false /ClassName:ChanceryClient \
  /DateType:System.DateOnly </dev/null >/dev/null

status=0
for client in kiota nswag; do
  echo "== $client client"
  if ! dotnet build tools/api-clients/$client -v q -nologo </dev/null >"$work/$client-build.log" 2>&1; then
    echo "The $client client does not compile:" >&2; grep -E "error" "$work/$client-build.log" | sort -u | head -40 >&2; status=1; continue
  fi
  dotnet run --no-build --project tools/api-clients/$client -- "$base" "$email" "$password" </dev/null || status=1
done
exit $status
