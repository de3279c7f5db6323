#!/usr/bin/env bash
# Prints how fast the long-term-evidence job takes stored CAdES-T signatures to CAdES-BASELINE-LTA (validation data
# and an archive timestamp each) in one run over N signatures, with the server's and PostgreSQL's CPU per signature
# and Bouncy Castle's raw EC P-256 signing speed from the same run; then rolls the TSA over and times the renewal of
# every archive timestamp the same way. Needs PostgreSQL on 127.0.0.1:5432.
# Usage: benchmarks/evidence.sh [signatures, default 100000]      (builds the system first if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -x wildfly-config/target/server/bin/standalone.sh ] && [ -f demo-ear/target/medsign-demo.ear ] && ls mobile-client/target/*-cli.jar >/dev/null 2>&1 || mvn -q install -DskipTests
mvn -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.medsign.jobs.EvidenceBenchmark -Dexec.args="${1:-100000}" \
  -Dmedsign.server.home="$root/wildfly-config/target/server" -Dmedsign.ear="$root/demo-ear/target/medsign-demo.ear" \
  -Dmedsign.launcher="$root/wildfly-config/src/main/scripts/medsign-server.sh" \
  -Dmedsign.mobile.cli="$(ls "$root"/mobile-client/target/medsign-mobile-client-*-cli.jar)" \
  -Dmedsign.work.dir="$root/system-tests/target/medsign-bench" -Dmedsign.repo.dir="$root"
