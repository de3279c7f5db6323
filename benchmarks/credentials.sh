#!/usr/bin/env bash
# Prints issuance through the API (certificates/s, CSR in → 已下載 out) against raw Bouncy Castle signing speed,
# on PostgreSQL when one answers on 127.0.0.1:5432 (as the system tests choose), else H2.
# Usage: benchmarks/credentials.sh [certificates] [phones at once]      (builds the system first if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -x wildfly-config/target/server/bin/standalone.sh ] && [ -f demo-ear/target/medsign-demo.ear ] || mvn -q install -DskipTests
mvn -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.medsign.credential.EnrolmentBenchmark -Dexec.args="${1:-200} ${2:-4}" \
  -Dmedsign.server.home="$root/wildfly-config/target/server" -Dmedsign.ear="$root/demo-ear/target/medsign-demo.ear" \
  -Dmedsign.launcher="$root/wildfly-config/src/main/scripts/medsign-server.sh" \
  -Dmedsign.work.dir="$root/system-tests/target/medsign-bench" -Dmedsign.repo.dir="$root"
