#!/usr/bin/env bash
# Issue 19's figure: 100 records signed in the phone web app after one PIN (headless Chromium emulating a phone), from
# the PIN dialog's 確定 to 成功, with the same batch signed by the Java client library as the raw reference; on
# PostgreSQL when one answers on 127.0.0.1:5432 (as the system tests choose), else H2.
# Usage: benchmarks/app-signing.sh [rounds]      (builds the system first if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -x wildfly-config/target/server/bin/standalone.sh ] && [ -f demo-ear/target/medsign-demo.ear ] || mvn -q install -DskipTests
mvn -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.medsign.app.AppSigningBenchmark -Dexec.args="${1:-3}" \
  -Dmedsign.server.home="$root/wildfly-config/target/server" -Dmedsign.ear="$root/demo-ear/target/medsign-demo.ear" \
  -Dmedsign.launcher="$root/wildfly-config/src/main/scripts/medsign-server.sh" \
  -Dmedsign.work.dir="$root/system-tests/target/medsign-bench" -Dmedsign.repo.dir="$root"
