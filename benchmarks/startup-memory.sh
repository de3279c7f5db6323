#!/usr/bin/env bash
# Prints how long the provisioned WildFly takes from launch to a portal page that answers, and the server's
# resident memory with medsign deployed and used once (the demo EAR: the login needs its demo staff). Runs on
# embedded H2 unless MEDSIGN_DB_URL is set.
# Each run starts a server on empty data (the first start: schema, CA, demo data made) and then again on the data it
# made (a restart, as every later start of a hospital's server).
# Usage: benchmarks/startup-memory.sh [runs]   (builds the server first if it is missing)
#   MEDSIGN_BENCH_JVM='-XX:...' adds JVM options to WildFly's own (e.g. a class-data-sharing archive), to try them
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
server=$root/wildfly-config/target/server
ear=$root/demo-ear/target/medsign-demo.ear
[ -x "$server/bin/standalone.sh" ] && [ -f "$ear" ] || (cd "$root" && mvn -q install -DskipTests)

offset=200
url="https://localhost:$((8443 + offset))/medsign"
# The server answers over HTTPS with a certificate of the development TLS CA the configure step exported.
curl() { command curl --cacert "$server/standalone/configuration/medsign-dev-tls-ca.pem" "$@"; }
work=$(mktemp -d /tmp/medsign-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

printf '%-4s %-8s %-8s %-14s %-8s\n' run start boot_s portal_ready_s rss_mb
# standalone.conf puts its heap sizing first among the JVM's options: extra options go there
export JBOSS_JAVA_SIZING="-Xms64m -Xmx512m ${MEDSIGN_BENCH_JVM:-}"
measure() { # run, which start, base directory
  local run=$1 which=$2 base=$3
  local start ready boot launcher pid rss jar state
  start=$(date +%s.%N)
  JBOSS_PIDFILE=$base/server.pid MEDSIGN_SERVER_HOME=$server MEDSIGN_PORT_OFFSET=$offset \
    bash "$root/wildfly-config/src/main/scripts/medsign-server.sh" -Djboss.server.base.dir="$base" \
    >>"$base/console.log" 2>&1 &
  launcher=$!
  until curl -fs -o /dev/null "$url/login.xhtml"; do
    kill -0 "$launcher" 2>/dev/null || { echo "server died; see $base/console.log" >&2; exit 1; }
    sleep 0.2
  done
  ready=$(date +%s.%N)
  boot=$(grep -o 'started in [0-9]*ms' "$base/log/server.log" | tail -1 | grep -o '[0-9]*')
  # One login and a few pages, so the memory figure is of a server that has served the portal.
  jar=$base/cookies
  rm -f "$jar"
  curl -fs -c "$jar" -b "$jar" -o "$base/login.html" "$url/login.xhtml"
  state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$base/login.html" | tail -1 | sed 's/.*value="//; s/"$//')
  curl -fs -c "$jar" -b "$jar" -o /dev/null -d "login=login&login:username=N0001&login:password=Medsign%232026&login:submit=&jakarta.faces.ViewState=$state" "$url/login.xhtml"
  for page in portal/home.xhtml portal/profile.xhtml faq.xhtml; do curl -fs -c "$jar" -b "$jar" -o /dev/null "$url/$page"; done
  pid=$(cat "$base/server.pid")
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  printf '%-4s %-8s %-8s %-14s %-8s\n' "$run" "$which" "$(awk "BEGIN {printf \"%.1f\", $boot/1000}")" \
    "$(awk "BEGIN {printf \"%.1f\", $ready - $start}")" "$rss"
  kill "$pid"; wait "$launcher" 2>/dev/null || true
}
for run in $(seq 1 "$runs"); do
  base=$work/standalone-$run
  mkdir -p "$base/deployments"
  cp -r "$server/standalone/configuration" "$base/"
  cp "$ear" "$base/deployments/medsign.ear"
  measure "$run" first "$base"
  measure "$run" restart "$base"
done
