#!/usr/bin/env bash
# The portal under load (issue 20): the day's journey (log in, 首頁 with 重新計時, 行動裝置管理, 憑證清單,
# 個人簽章提醒設定 and its save, log out) by that many staff at once, each looping it with 1-3 s of think time,
# driven by Gatling (benchmarks/portal) pinned to core 1, against one WildFly on PostgreSQL (127.0.0.1:5432, user
# postgres, database medsign_bench_portal, made fresh). Prints, per user count, page views/s, p50/p90/p99/p99.9/max
# per step and overall, and the CPU per page view (WildFly, its JIT, PostgreSQL, the load generator).
# Usage: benchmarks/portal.sh [user counts, comma-separated] [seconds per run] [warm-up seconds]
#   e.g. flock /tmp/mvn.lock benchmarks/portal.sh 100,300 90 120   (the defaults; about 8 minutes)
# MEDSIGN_BENCH_LAYERS=1 also prints, per run, where WildFly's CPU went by layer of the stack (async-profiler).
# Gatling's HTML reports: benchmarks/portal/target/gatling/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -x wildfly-config/target/server/bin/standalone.sh ] && [ -f demo-ear/target/medsign-demo.ear ] || mvn -q install -DskipTests
# the simulation, compiled once here; each run is then `gatling:test` only
mvn -q -f benchmarks/portal/pom.xml test-compile
pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
db=medsign_bench_portal
his=medsign_his_bench_portal
for d in $db $his; do pg -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" -c "CREATE DATABASE $d"; done
work=$root/system-tests/target/medsign-bench-portal
rm -rf "$work"; mkdir -p "$work/keys"
# offset 400: the tests use 100, scan.sh 200, pending.sh 300, the cluster tests 500 and 600
MEDSIGN_TEST_PORT_OFFSET=400 MEDSIGN_KEYS_DIR=$work/keys \
MEDSIGN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db MEDSIGN_DB_USER=postgres MEDSIGN_DB_PASSWORD=postgres \
MEDSIGN_HIS_DB_URL=jdbc:postgresql://127.0.0.1:5432/$his MEDSIGN_HIS_DB_USER=postgres MEDSIGN_HIS_DB_PASSWORD=postgres \
mvn -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.medsign.portal.PortalBenchmark -Dexec.args="${1:-100,300} ${2:-90} ${3:-120}" \
  -Dmedsign.server.home="$root/wildfly-config/target/server" -Dmedsign.ear="$root/demo-ear/target/medsign-demo.ear" \
  -Dmedsign.launcher="$root/wildfly-config/src/main/scripts/medsign-server.sh" \
  -Dmedsign.work.dir="$work" -Dmedsign.repo.dir="$root"
