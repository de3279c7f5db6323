#!/usr/bin/env bash
# Prints signatures verified, timestamped and stored per second through the API (batches of 100 and 250) against
# raw Bouncy Castle verification speed, and a 100-record batch end to end with the mobile-client; on PostgreSQL when
# one answers on 127.0.0.1:5432 (as the system tests choose), else H2.
# Usage: benchmarks/signing.sh [batches per size] [phones at once]      (builds the system first if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -x wildfly-config/target/server/bin/standalone.sh ] && [ -f demo-ear/target/medsign-demo.ear ] && ls mobile-client/target/*-cli.jar >/dev/null 2>&1 || mvn -q install -DskipTests
mvn -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.medsign.signing.SigningBenchmark -Dexec.args="${1:-8} ${2:-2}" \
  -Dmedsign.server.home="$root/wildfly-config/target/server" -Dmedsign.ear="$root/demo-ear/target/medsign-demo.ear" \
  -Dmedsign.launcher="$root/wildfly-config/src/main/scripts/medsign-server.sh" \
  -Dmedsign.mobile.cli="$(ls "$root"/mobile-client/target/medsign-mobile-client-*-cli.jar)" \
  -Dmedsign.work.dir="$root/system-tests/target/medsign-bench" -Dmedsign.repo.dir="$root"
