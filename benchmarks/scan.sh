#!/usr/bin/env bash
# The unsigned-scan benchmark (issue 7) on PostgreSQL, all figures from one run:
#   1. generates N HIS records (default 1,000,000) over six months into a fresh HIS stand-in database;
#   2. a full unsigned-scan in WildFly (started from the 批次作業 page) into an empty pending index: time, records/s
#      (measured twice: right after start-up, and again with a warm JVM into the emptied index);
#   3. the same work as one set-based INSERT … SELECT (the unsigned records of the window, masked name and SHA-256
#      digest, into a table shaped like pending_record): the physical limit, and the scan's ratio to it;
#   4. a plain count(*) of the window, for reference;
#   5. 10,000 HIS changes, then an incremental run: its time.
# Usage: benchmarks/scan.sh [records] [records…]   e.g. benchmarks/scan.sh 1000000 10000000
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres); builds the server first if it is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
server=$root/wildfly-config/target/server
ear=$root/demo-ear/target/medsign-demo.ear
# The HIS generator is in the development module, which only the demo EAR deploys.
dev_jar=$(ls "$root"/dev/target/medsign-dev-*.jar 2>/dev/null | grep -v sources | head -1 || true)
[ -x "$server/bin/standalone.sh" ] && [ -f "$ear" ] && [ -n "$dev_jar" ] || (cd "$root" && mvn -q install -DskipTests)
dev_jar=$(ls "$root"/dev/target/medsign-dev-*.jar | head -1)
pg_jar=$root/wildfly-config/target/drivers/postgresql.jar
sizes=("${@:-1000000}")

offset=200
url="https://localhost:$((8443 + offset))/medsign"
# The server answers over HTTPS with a certificate of the development TLS CA the configure step exported.
curl() { command curl --cacert "$server/standalone/configuration/medsign-dev-tls-ca.pem" "$@"; }
work=$(mktemp -d /tmp/medsign-scan-bench.XXXXXX)
pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
launcher=
cleanup() {
  [ -f "$work/base/server.pid" ] && kill "$(cat "$work/base/server.pid")" 2>/dev/null || true
  [ -n "$launcher" ] && wait "$launcher" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  mkdir -p "$work/base/deployments"
  cp -r "$server/standalone/configuration" "$work/base/"
  cp "$ear" "$work/base/deployments/medsign.ear"
  JBOSS_PIDFILE=$work/base/server.pid MEDSIGN_SERVER_HOME=$server MEDSIGN_PORT_OFFSET=$offset \
  MEDSIGN_DB_URL=jdbc:postgresql://127.0.0.1:5432/medsign_bench MEDSIGN_DB_USER=postgres MEDSIGN_DB_PASSWORD=postgres \
  MEDSIGN_HIS_DB_URL=jdbc:postgresql://127.0.0.1:5432/medsign_his_bench MEDSIGN_HIS_DB_USER=postgres \
  MEDSIGN_HIS_DB_PASSWORD=postgres MEDSIGN_DEMO_DATA=true MEDSIGN_PORTAL_PASSWORD_LOGIN=true \
  MEDSIGN_JOBS_UNSIGNED_SCAN_SCHEDULE=off MEDSIGN_JOBS_UNSIGNED_SCAN_FULL_SCHEDULE=off \
  MEDSIGN_JOBS_SIGNING_DEADLINE_SCHEDULE=off MEDSIGN_JOBS_SIGNING_REMINDERS_SCHEDULE=off MEDSIGN_JOBS_CATCH_UP_SECONDS=-1 \
    bash "$root/wildfly-config/src/main/scripts/medsign-server.sh" -Djboss.server.base.dir="$work/base" \
    >"$work/console.log" 2>&1 &
  launcher=$!
  until curl -fs -o /dev/null "$url/api/v1/health"; do
    kill -0 "$launcher" 2>/dev/null || { cat "$work/console.log" >&2; exit 1; }
    sleep 1
  done
}

# Logs in as the demo IT engineer and presses a button of the 批次作業 page.
press() {
  local jar=$work/cookies state
  if [ ! -f "$jar" ]; then
    curl -fs -c "$jar" -b "$jar" -o "$work/login.html" "$url/login.xhtml"
    state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$work/login.html" | tail -1 | sed 's/.*value="//; s/"$//')
    curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "jakarta.faces.ViewState=$state" \
      -d "login=login&login:username=IT0001&login:password=Medsign%232026&login:submit=" "$url/login.xhtml"
  fi
  curl -fs -c "$jar" -b "$jar" -o "$work/batch.html" "$url/portal/it/batch.xhtml"
  state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$work/batch.html" | tail -1 | sed 's/.*value="//; s/"$//')
  curl -fs -c "$jar" -b "$jar" -o "$work/pressed.html" --data-urlencode "jakarta.faces.ViewState=$state" \
    -d "batch=batch&batch:$1=" "$url/portal/it/batch.xhtml"
}

# Waits for the newest unsigned-scan run to end; prints "seconds read" of it.
await_scan() {
  local after=$1 row
  while true; do
    row=$(pg -d medsign_bench -F' ' -c "SELECT e.jobexecutionid, e.batchstatus,
        EXTRACT(EPOCH FROM e.endtime - e.starttime), (SELECT SUM(readcount) FROM step_execution s
        WHERE s.jobexecutionid = e.jobexecutionid) FROM job_execution e JOIN job_instance i USING (jobinstanceid)
        WHERE i.jobname = 'unsigned-scan' AND e.jobexecutionid > $after ORDER BY 1 DESC LIMIT 1")
    case "$row" in
      *COMPLETED*) echo "$row" | awk '{printf "%s %s %s\n", $1, $3, $4}'; return ;;
      *FAILED*|*STOPPED*) echo "scan failed: $row" >&2; exit 1 ;;
    esac
    sleep 0.5
  done
}

last_run() { pg -d medsign_bench -c "SELECT COALESCE(MAX(jobexecutionid), 0) FROM job_execution"; }
# Flushes both databases' dirty pages, so that no timed phase pays for the writes of the one before it (loading
# 10 million rows leaves gigabytes to write; without this a scan measured 4x slower, idle on the CPU).
settle() { pg -d medsign_bench -c CHECKPOINT; pg -d medsign_his_bench -c CHECKPOINT; }
timed() { local s e; s=$(date +%s.%N); pg -d medsign_his_bench -c "$1" >/dev/null; e=$(date +%s.%N); awk "BEGIN {printf \"%.2f\", $e - $s}"; }

for records in "${sizes[@]}"; do
  for db in medsign_bench medsign_his_bench; do
    pg -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  done
  start_server
  echo "== $records HIS records (PostgreSQL $(pg -c 'SHOW server_version'), $(nproc) cores)"
  gen=$( { /usr/bin/time -f %e java -cp "$dev_jar:$pg_jar" org.medsign.dev.his.HisGeneratorCommand \
      --url jdbc:postgresql://127.0.0.1:5432/medsign_his_bench --records "$records" --staff 2000 --months 6 \
      --seed 7 --rebuild-indexes >/dev/null; } 2>&1 | tail -1)
  window="(now() AT TIME ZONE 'Asia/Taipei' - interval '2 months') AT TIME ZONE 'Asia/Taipei'"
  unsigned=$(pg -d medsign_his_bench -c "SELECT COUNT(*) FROM his_record WHERE modified_at >= $window
      AND (signed_version IS NULL OR signed_version <> version)")
  pg -d medsign_his_bench -c "VACUUM ANALYZE his_record" -c "VACUUM ANALYZE his_patient"
  printf 'generated in %s s; window: %s unsigned records\n' "$gen" "$unsigned"

  settle
  before=$(last_run)
  press startFullScan
  read -r run cold_s cold_read < <(await_scan "$before")
  # The same full scan again into an empty index, now that the JVM and the connection pools are warm.
  pg -d medsign_bench -c "TRUNCATE pending_record"
  settle
  before=$(last_run)
  press startFullScan
  read -r run full_s full_read < <(await_scan "$before")
  indexed=$(pg -d medsign_bench -c "SELECT COUNT(*) FROM pending_record")

  pg -d medsign_his_bench -c "$(sed -n '/CREATE TABLE pending_record/,/^);/p' "$root/ejb/src/main/resources/db/migration/V10__pending_index.sql" \
      | sed 's/pending_record/bench_pending/')" \
      -c "CREATE INDEX bench_pending_author ON bench_pending (author, his_modified_at)" \
      -c "CREATE INDEX bench_pending_modified ON bench_pending (his_modified_at, his_record_id)" \
      -c "CREATE INDEX bench_pending_created ON bench_pending (his_created_at)"
  settle
  set_s=$(timed "INSERT INTO bench_pending (his_record_id, version, author, site_code, department, record_type, type_name,
      chart_number, patient_masked, his_created_at, his_modified_at, digest, indexed_at)
      SELECT r.id, r.version, r.author, r.site_code, r.department, r.record_type, t.name_zh, r.chart_number,
             left(p.name, 1) || 'OO', r.created_at, r.modified_at, encode(sha256(convert_to(r.content, 'UTF8')), 'hex'), now()
      FROM his_record r JOIN his_patient p ON p.chart_number = r.chart_number JOIN his_record_type t ON t.code = r.record_type
      WHERE r.modified_at >= $window AND (r.signed_version IS NULL OR r.signed_version <> r.version)")
  count_s=$(timed "SELECT COUNT(*) FROM his_record WHERE modified_at >= $window")

  pg -d medsign_his_bench -c "UPDATE his_record SET version = version + 1, content = content || ' 補充。',
      modified_at = now(), changed_at = now() WHERE id IN (SELECT id FROM his_record ORDER BY random() LIMIT 10000)"
  settle
  before=$(last_run)
  t0=$(date +%s.%N)
  press startScan
  read -r inc_run inc_s inc_read < <(await_scan "$before")
  t1=$(date +%s.%N)

  awk -v cold="$cold_s" -v full="$full_s" -v read="$full_read" -v set="$set_s" -v count="$count_s" -v inc="$inc_s" -v incr="$inc_read" \
      -v wall="$(awk "BEGIN {print $t1 - $t0}")" -v idx="$indexed" -v u="$unsigned" 'BEGIN {
    printf "full scan:          %8.2f s  %9.0f records/s  (%d read, %d indexed; warm JVM, empty index)\n", full, read / full, read, idx
    printf "first full scan:    %8.2f s  %9.0f records/s  (right after start-up: cold JVM)\n", cold, read / cold
    printf "INSERT ... SELECT:  %8.2f s  %9.0f records/s  (physical limit)\n", set, u / set
    printf "ratio scan / limit: %8.2f x  (target <= 3; %.2f x for the first scan)\n", full / set, cold / set
    printf "count(*) of window: %8.2f s\n", count
    printf "incremental run:    %8.2f s  (%d changes read; %.2f s from the button to the end; target < 2 s)\n", inc, incr, wall
  }'
  kill "$(cat "$work/base/server.pid")"; wait "$launcher" 2>/dev/null || true; launcher=
  rm -rf "$work/base" "$work/cookies"
done
