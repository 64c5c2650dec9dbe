#!/usr/bin/env bash
# The soak of issues "Trust" and "Speed": two app instances on one PostgreSQL database behind nginx
# (Debian's), open-loop mixed traffic from 100 simulated users for 30 minutes. Writes
# docs/benchmarks-soak.csv and docs/benchmarks-soak.svg (latency and memory over time).
# Needs: PostgreSQL on 127.0.0.1 with the 500k database of docs/benchmarks.md "Data", and nginx
# (apt-get install -y nginx). MINUTES, RATE (requests/s), USERS, POOL (connections per instance) and
# SOURCE_DB (the database copied) can be changed.
set -euo pipefail
MINUTES=${MINUTES:-30}
RATE=${RATE:-30}
USERS=${USERS:-100}
OUT=${OUT:-docs/benchmarks-soak}
SOURCE_DB=${SOURCE_DB:-chancery_bench500k}
DB=chancery_soak
# Two instances share PostgreSQL's max_connections (100 by default): each keeps at most POOL connections
# (README "Production": size the pool), so a queue in the app never becomes "too many clients".
POOL=${POOL:-40}
PG="Host=127.0.0.1;Username=postgres;Password=postgres;SSL Mode=Disable;Maximum Pool Size=$POOL"
WORK=/tmp/chancery-soak
command -v nginx > /dev/null || { echo "soak: needs nginx (apt-get install -y nginx)"; exit 2; }
mkdir -p "$WORK"
dotnet build src/Chancery.Web -c Release -v q
dotnet build bench/Chancery.Benchmarks -c Release -v q

# A copy of the national-scale database, so the soak's imports leave the benchmark data as it was.
psql "postgresql://postgres:postgres@127.0.0.1/postgres" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB TEMPLATE $SOURCE_DB"

start_instance() {
  ASPNETCORE_ENVIRONMENT=Production DataProtection__AllowUnencryptedKeys=true Database__Provider=postgres ConnectionStrings__Chancery="$PG;Database=$DB" \
    Admin__Email=admin@chancery.local SignIn__TwoFactorFrom=none Admin__Password=Chancery-Admin-2026 Logging__LogLevel__Default=Warning \
    dotnet src/Chancery.Web/bin/Release/net10.0/Chancery.Web.dll --urls "http://127.0.0.1:$1" > "$WORK/app-$1.log" 2>&1 &
  echo $!
}
ready() { curl -sf "http://127.0.0.1:$1/health/ready" > /dev/null; }
A=$(start_instance 5411)
cleanup() { nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2> /dev/null || true; kill $A ${B:-} 2> /dev/null || true; }
trap cleanup EXIT
# The first instance applies this build's migrations to the copy alone (minutes at national scale).
for i in $(seq 1 1800); do ready 5411 && break; kill -0 $A 2> /dev/null || { tail -20 "$WORK/app-5411.log"; exit 1; }; sleep 1; done
B=$(start_instance 5412)

cat > "$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy; fastcgi_temp_path $WORK/fastcgi;
  uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
  upstream chancery { server 127.0.0.1:5411; server 127.0.0.1:5412; keepalive 64; }
  server {
    listen 127.0.0.1:5410;
    client_max_body_size 100m;
    location / {
      proxy_pass http://chancery;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
nginx -c "$WORK/nginx.conf" -p "$WORK"

for i in $(seq 1 300); do ready 5412 && break; sleep 1; done
ready 5411 && ready 5412 || { echo "soak: an instance is not ready"; exit 1; }
uptime
dotnet bench/Chancery.Benchmarks/bin/Release/net10.0/Chancery.Benchmarks.dll soak --url http://127.0.0.1:5410 \
  --users "$USERS" --rate "$RATE" --minutes "$MINUTES" --app-pid "$A,$B" --out "${OUT:-docs/benchmarks-soak}"
