#!/usr/bin/env bash
# What the two-node cluster costs per signature (issue 17), in one run: 250-item batches from several phones at once,
# first through one node, then through haproxy to two nodes on one PostgreSQL, with the server JVMs' (nodes summed),
# their JIT compilers', haproxy's and PostgreSQL's CPU per signature; the phones' own CPU is not counted.
# Needs PostgreSQL on 127.0.0.1:5432 and haproxy (tools/ensure-test-tools.sh installs it).
# Usage: benchmarks/cluster-signing.sh [batches per phone, default 20] [phones, default 2]   (builds the system if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -x wildfly-config/target/server/bin/standalone.sh ] && [ -f demo-ear/target/medsign-demo.ear ] && ls mobile-client/target/*-cli.jar >/dev/null 2>&1 || mvn -q install -DskipTests
mvn -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.medsign.signing.ClusterSigningBenchmark -Dexec.args="${1:-20} ${2:-2}" \
  -Dmedsign.server.home="$root/wildfly-config/target/server" -Dmedsign.ear="$root/demo-ear/target/medsign-demo.ear" \
  -Dmedsign.launcher="$root/wildfly-config/src/main/scripts/medsign-server.sh" \
  -Dmedsign.cluster.launcher="$root/wildfly-config/src/main/scripts/medsign-cluster.sh" \
  -Dmedsign.mobile.cli="$(ls "$root"/mobile-client/target/medsign-mobile-client-*-cli.jar)" \
  -Dmedsign.work.dir="$root/system-tests/target/medsign-bench" -Dmedsign.repo.dir="$root"
