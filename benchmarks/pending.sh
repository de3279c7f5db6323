#!/usr/bin/env bash
# The pending list under load (issue 20): GET /api/v1/pending from phones on loopback at a constant arrival rate,
# latency counted from each request's due time (no coordinated omission), the CPU split, and the same query as plain
# SQL over JDBC in the same run. On PostgreSQL (127.0.0.1:5432, user postgres).
# Usage: benchmarks/pending.sh [HIS records] [phones] [rates/s, comma-separated] [seconds per rate] [warm-up seconds]
#   e.g. benchmarks/pending.sh 10000000 50 2000      (quick: benchmarks/pending.sh 1000000)
# The HIS and medsign databases (medsign_his_bench_pending_N, medsign_bench_pending_N) and the server's key directory
# are kept and reused by the next run of the same size: 10 million records take long to generate and scan.
# MEDSIGN_BENCH_LAYERS=1 also prints, per full-speed stretch, where WildFly's CPU went by layer of the stack.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
records=${1:-10000000}
[ -x wildfly-config/target/server/bin/standalone.sh ] && [ -f demo-ear/target/medsign-demo.ear ] || mvn -q install -DskipTests
pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
marker() { pg -d "$1" -c "SELECT MAX(records) FROM bench_pending_marker" 2>/dev/null || true; }
fresh() { pg -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }
db=medsign_bench_pending_$records
his=medsign_his_bench_pending_$records
work=$root/system-tests/target/medsign-bench-pending
# the CA, data and institution keys belong to the medsign database they were made with: kept and dropped together
keys=$work/keys-$records
if [ "$(marker "$his")" != "$records" ]; then
  fresh "$his"; fresh "$db"; rm -rf "$keys"
elif [ "$(marker "$db")" != "$records" ] || [ ! -d "$keys" ]; then
  fresh "$db"; rm -rf "$keys"
fi
mkdir -p "$keys"
# offset 300: the tests use 100, scan.sh 200, the cluster tests 500 and 600
MEDSIGN_TEST_PORT_OFFSET=300 MEDSIGN_KEYS_DIR=$keys \
MEDSIGN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db MEDSIGN_DB_USER=postgres MEDSIGN_DB_PASSWORD=postgres \
MEDSIGN_HIS_DB_URL=jdbc:postgresql://127.0.0.1:5432/$his MEDSIGN_HIS_DB_USER=postgres MEDSIGN_HIS_DB_PASSWORD=postgres \
mvn -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.medsign.signing.PendingBenchmark -Dexec.args="$records ${2:-50} ${3:-2000} ${4:-30} ${5:-60}" \
  -Dmedsign.server.home="$root/wildfly-config/target/server" -Dmedsign.ear="$root/demo-ear/target/medsign-demo.ear" \
  -Dmedsign.launcher="$root/wildfly-config/src/main/scripts/medsign-server.sh" \
  -Dmedsign.work.dir="$work" -Dmedsign.repo.dir="$root"
