#!/usr/bin/env bash
# Runs every benchmark of docs/benchmarks.md once, from the worktree root; builds the 500k and scale databases
# when missing (docs/benchmarks.md "Data"). Needs PostgreSQL on 127.0.0.1. SECONDS_LOAD=60 by default.
set -euo pipefail
# PostgreSQL is on loopback: connect without TLS (Debian's server offers it by default), as production
# would to a database on the same host.
PG="Host=127.0.0.1;Username=postgres;Password=postgres;SSL Mode=Disable"
SQLITE_DB=${SQLITE_DB:-/tmp/perf-data/bench500k.db}
PG_DB=${PG_DB:-chancery_bench500k}
LOAD=${SECONDS_LOAD:-60}
# The national-scale databases of (d) and (e): COPIES of the 500k databases with 100,000 agreements, 300,000
# commitments and their deliveries, 20,000 directives, 200,000 tasks and 1,000,000 progress reports added by the
# generator's bulk path (--bulk: the imports' parsers, rows written straight into the tables; docs/benchmarks.md
# "Scale data"), about 7 minutes each here. Built here when missing; never written into the 500k ones.
SCALE_SQLITE_DB=${SCALE_SQLITE_DB:-/tmp/perf-data/scale.db}
SCALE_PG_DB=${SCALE_PG_DB:-chancery_scale}
SCALE_ARGS="--seed 42 --activities 0 --agreements 100000 --commitments 300000 --directives 20000 --tasks 200000 --progress 1000000 --bulk"
TASKS_SQLITE_DB=${TASKS_SQLITE_DB:-$SCALE_SQLITE_DB}
TASKS_PG_DB=${TASKS_PG_DB:-$SCALE_PG_DB}
BENCH="dotnet bench/Chancery.Benchmarks/bin/Release/net10.0/Chancery.Benchmarks.dll"
dotnet build bench/Chancery.Benchmarks -c Release -v q
dotnet build bench/Chancery.DataGen -c Release -v q
uptime

echo "== the 500k databases (README "Demo data" recipe, seed 42; built once when missing, ~6 minutes each)"
GEN="dotnet bench/Chancery.DataGen/bin/Release/net10.0/Chancery.DataGen.dll"
if [ ! -f "$SQLITE_DB" ]; then
  mkdir -p "$(dirname "$SQLITE_DB")"
  rm -f "$SQLITE_DB.part"*
  time $GEN --seed 42 --activities 500000 --batch 100000 --connection "Data Source=$SQLITE_DB.part"
  mv "$SQLITE_DB.part" "$SQLITE_DB"
fi
if ! psql "postgresql://postgres:postgres@127.0.0.1/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1; then
  psql "postgresql://postgres:postgres@127.0.0.1/postgres" -c "DROP DATABASE IF EXISTS ${PG_DB}_part" -c "CREATE DATABASE ${PG_DB}_part"
  time $GEN --seed 42 --activities 500000 --batch 100000 --provider postgres --connection "$PG;Database=${PG_DB}_part"
  psql "postgresql://postgres:postgres@127.0.0.1/${PG_DB}_part" -c ANALYZE
  psql "postgresql://postgres:postgres@127.0.0.1/postgres" -c "ALTER DATABASE ${PG_DB}_part RENAME TO $PG_DB"
fi

echo "== scale databases (built once, on copies)"
if [ ! -f "$SCALE_SQLITE_DB" ]; then
  cp "$SQLITE_DB" "$SCALE_SQLITE_DB.part"
  time dotnet bench/Chancery.DataGen/bin/Release/net10.0/Chancery.DataGen.dll $SCALE_ARGS --connection "Data Source=$SCALE_SQLITE_DB.part"
  mv "$SCALE_SQLITE_DB.part" "$SCALE_SQLITE_DB"
fi
if ! psql "postgresql://postgres:postgres@127.0.0.1/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$SCALE_PG_DB'" | grep -q 1; then
  psql "postgresql://postgres:postgres@127.0.0.1/postgres" -c "CREATE DATABASE ${SCALE_PG_DB}_part TEMPLATE $PG_DB"
  time dotnet bench/Chancery.DataGen/bin/Release/net10.0/Chancery.DataGen.dll $SCALE_ARGS --provider postgres --connection "$PG;Database=${SCALE_PG_DB}_part"
  psql "postgresql://postgres:postgres@127.0.0.1/${SCALE_PG_DB}_part" -c ANALYZE
  psql "postgresql://postgres:postgres@127.0.0.1/postgres" -c "ALTER DATABASE ${SCALE_PG_DB}_part RENAME TO $SCALE_PG_DB"
fi

echo "== every database at this build's schema (the runners call the app's queries directly and do not migrate)"
$BENCH migrate --connection "Data Source=$SQLITE_DB"
$BENCH migrate --provider postgres --connection "$PG;Database=$PG_DB"
$BENCH migrate --connection "Data Source=$SCALE_SQLITE_DB"
$BENCH migrate --provider postgres --connection "$PG;Database=$SCALE_PG_DB"

echo "== (a) annual review, 2024, tier 1"
# App and floor alternate call by call.
$BENCH review --provider sqlite --connection "Data Source=$SQLITE_DB" --year 2024 --tier 1 --iterations 40 || true
$BENCH review --provider postgres --connection "$PG;Database=$PG_DB" --year 2024 --tier 1 --iterations 40 || true

echo "== (d) directives: unit scoreboard for a year and an officer's 'my unit' list (200,000 tasks; see docs/benchmarks.md (d))"
if [ -f "$TASKS_SQLITE_DB" ]; then
  $BENCH scoreboard --provider sqlite --connection "Data Source=$TASKS_SQLITE_DB" --year 2024 --iterations 40 || true
  $BENCH myunit --provider sqlite --connection "Data Source=$TASKS_SQLITE_DB" --unit MOFA-ECON --iterations 40 || true
fi
if psql "postgresql://postgres:postgres@127.0.0.1/$TASKS_PG_DB" -c "select 1" > /dev/null 2>&1; then
  $BENCH scoreboard --provider postgres --connection "$PG;Database=$TASKS_PG_DB" --year 2024 --iterations 40 || true
  $BENCH myunit --provider postgres --connection "$PG;Database=$TASKS_PG_DB" --unit MOFA-ECON --iterations 40 || true
fi

echo "== (c) import of 100,000 and 500,000 rows, fresh databases, each against the database's own bulk load of the same rows"
# --floor yes: after the import the app stops, and the rows it wrote (people, office periods, activities, legs, audit
# entries) are loaded again into a copy of the database without them: CSV COPY on PostgreSQL, INSERT … SELECT on SQLite.
# The 500,000-row file is over the default 32 MB upload limit: the run raises it (Import__MaxFileBytes, passed on to the app).
for n in 100000 500000; do
  $GEN --seed 42 --activities $n --out /tmp/bench-$n.csv
  rm -f /tmp/bench-import.db*
  Import__MaxFileBytes=200000000 $BENCH import --csv /tmp/bench-$n.csv --connection "Data Source=/tmp/bench-import.db" --floor yes || true
  psql "postgresql://postgres:postgres@127.0.0.1/postgres" -c "DROP DATABASE IF EXISTS chancery_bench_import" -c "CREATE DATABASE chancery_bench_import"
  Import__MaxFileBytes=200000000 $BENCH import --csv /tmp/bench-$n.csv --provider postgres --connection "$PG;Database=chancery_bench_import" --floor yes || true
done

echo "== (b) activity list under load (PostgreSQL, 500k activities)"
LIST_PG="$PG;Database=$PG_DB"
QUERY="from=2024-01-01&to=2024-12-31&kind=bilateral_meeting&page=3&pageSize=50"
ASPNETCORE_ENVIRONMENT=Production DataProtection__AllowUnencryptedKeys=true SignIn__TwoFactorFrom=none Admin__Email=admin@chancery.local Admin__Password=Chancery-Admin-2026 Database__Provider=postgres \
  ConnectionStrings__Chancery="$LIST_PG" Logging__LogLevel__Default=Warning \
  dotnet src/Chancery.Web/bin/Release/net10.0/Chancery.Web.dll --urls http://127.0.0.1:5393 & APP=$!
$BENCH bare --provider postgres --connection "$LIST_PG" --urls http://127.0.0.1:5391 & BARE=$!
sleep 15
APP_URL="http://127.0.0.1:5393/api/v1/activities?$QUERY"
BARE_URL="http://127.0.0.1:5391/bare/activities?$QUERY"
# A first pass of 20 s each lets the JIT settle (tiered compilation), then the measured runs alternate.
$BENCH load --url "$APP_URL" --connections 32 --seconds 20 --email admin@chancery.local --password Chancery-Admin-2026 > /dev/null
$BENCH load --url "$BARE_URL" --connections 32 --seconds 20 > /dev/null
# Each runner prints the load average and refuses (exit 3, "REFUSED") a run during which other work held
# more than a quarter of a core: the app, the bare endpoint and PostgreSQL count as the measurement.
for round in 1 2; do
  $BENCH load --url "$APP_URL" --connections 32 --seconds "$LOAD" --email admin@chancery.local --password Chancery-Admin-2026 --app-pid "$APP" || true
  $BENCH load --url "$BARE_URL" --connections 32 --seconds "$LOAD" --app-pid "$BARE" || true
done
echo "== (b') the same list, open loop at a fixed 600 requests/s (latency from the scheduled send)"
$BENCH load --url "$APP_URL" --rate 600 --seconds "$LOAD" --email admin@chancery.local --password Chancery-Admin-2026 --app-pid "$APP" || true
echo "== (b'') the list page (server render, signed in with the form's cookie) against the API, one client, alternating"
$BENCH page --url http://127.0.0.1:5393 --iterations 200 --app-pid "$APP" || true
kill $APP $BARE

echo "== (e) realisation report by partner, all years (100,000 agreements, 300,000 commitments)"
# The scale databases built at the top of this script.
AG_SQLITE_DB=${AG_SQLITE_DB:-$SCALE_SQLITE_DB}
AG_PG_DB=${AG_PG_DB:-$SCALE_PG_DB}
# App (RealisationQuery, as GET /api/v1/reports/realisation?by=partner runs it) and floor alternate call by call.
$BENCH realisation --provider sqlite --connection "Data Source=$AG_SQLITE_DB" --iterations 40 || true
$BENCH realisation --provider postgres --connection "$PG;Database=$AG_PG_DB" --iterations 40 || true
