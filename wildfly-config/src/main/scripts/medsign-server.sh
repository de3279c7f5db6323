#!/usr/bin/env bash
# Starts the provisioned WildFly with medsign deployed and waits until the portal answers.
# The database is chosen by MEDSIGN_DB_URL: unset = embedded H2 with demo data, jdbc:postgresql:… = PostgreSQL.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
server=${MEDSIGN_SERVER_HOME:-$here/../../../target/server}
server=$(cd "$server" && pwd)
offset=${MEDSIGN_PORT_OFFSET:-0}
https_port=$((8443 + offset))
ca_pem=$server/standalone/configuration/medsign-dev-tls-ca.pem

case "${MEDSIGN_DB_URL:-}" in
  "")
    export MEDSIGN_DB_DRIVER=h2
    export MEDSIGN_DEMO_DATA=${MEDSIGN_DEMO_DATA:-true}
    export MEDSIGN_PORTAL_PASSWORD_LOGIN=${MEDSIGN_PORTAL_PASSWORD_LOGIN:-true}
    export MEDSIGN_INSTITUTION_SIGNING=${MEDSIGN_INSTITUTION_SIGNING:-true}
    database="embedded H2 ($server/standalone/data/medsign)" ;;
  jdbc:postgresql:*) export MEDSIGN_DB_DRIVER=postgresql; database="PostgreSQL ${MEDSIGN_DB_URL}" ;;
  jdbc:h2:*) export MEDSIGN_DB_DRIVER=h2; database="H2 ${MEDSIGN_DB_URL}" ;;
  *) echo "MEDSIGN_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL" >&2; exit 2 ;;
esac
# The HIS stand-in's database, chosen the same way by MEDSIGN_HIS_DB_URL (unset: an H2 file beside medsign's).
case "${MEDSIGN_HIS_DB_URL:-}" in
  ""|jdbc:h2:*) export MEDSIGN_HIS_DB_DRIVER=h2 ;;
  jdbc:postgresql:*) export MEDSIGN_HIS_DB_DRIVER=postgresql ;;
  *) echo "MEDSIGN_HIS_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL" >&2; exit 2 ;;
esac

# HTTPS: the hospital's PKCS#12 when MEDSIGN_TLS_KEYSTORE names one, else the development key store (tls.cli).
if [ -n "${MEDSIGN_TLS_KEYSTORE:-}" ]; then
  [ -r "$MEDSIGN_TLS_KEYSTORE" ] || { echo "MEDSIGN_TLS_KEYSTORE: cannot read $MEDSIGN_TLS_KEYSTORE" >&2; exit 2; }
  # its password: in WildFly's credential store once medsign-credentials.sh put it there, else the variable
  if ! grep -q '<credential-reference clear-text="${ENC::medsign:' \
      "${JBOSS_BASE_DIR:-$server/standalone}/configuration/standalone.xml" 2>/dev/null; then
    [ -n "${MEDSIGN_TLS_KEYSTORE_PASSWORD:-}" ] || { echo "MEDSIGN_TLS_KEYSTORE needs MEDSIGN_TLS_KEYSTORE_PASSWORD (or medsign-credentials.sh tls-keystore)" >&2; exit 2; }
  fi
  # The readiness probe below only asks whether the server answers; the hospital's name is not localhost.
  probe_trust=(--insecure)
  trust_note="TLS:         the hospital's certificate from $MEDSIGN_TLS_KEYSTORE"
else
  probe_trust=(--cacert "$ca_pem")
  trust_note="TLS:         trust the development TLS CA $ca_pem (README: HTTPS)"
fi

export LAUNCH_JBOSS_IN_BACKGROUND=1
export JBOSS_PIDFILE=${JBOSS_PIDFILE:-$server/standalone/medsign-server.pid}
"$server/bin/standalone.sh" -Djboss.socket.binding.port-offset="$offset" "$@" &
launcher=$!

# The server lives only as long as the command that started it (mvn -Pdemo install): a closed terminal, Ctrl+C or
# a TERM to mvn stops it here; a mvn killed outright (SIGKILL forwards nothing) is noticed by the watchdog below.
parent=${MEDSIGN_PARENT_PID:-$PPID}
stop_seconds=${MEDSIGN_STOP_SECONDS:-30}
stop_server() {
  trap '' INT TERM HUP
  kill "$watchdog" 2>/dev/null || true
  # standalone.sh passes TERM on to WildFly, which shuts down cleanly; past the grace time it is killed
  kill -TERM "$launcher" 2>/dev/null || true
  for _ in $(seq 1 "$stop_seconds"); do
    kill -0 "$launcher" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$launcher" 2>/dev/null; then
    echo "WildFly did not stop within ${stop_seconds}s; killing it" >&2
    [ -s "$JBOSS_PIDFILE" ] && kill -KILL "$(cat "$JBOSS_PIDFILE")" 2>/dev/null
    kill -KILL "$launcher" 2>/dev/null || true
  fi
  wait "$launcher" 2>/dev/null || true
}
trap 'stop_server; exit 143' INT TERM HUP
# A gone mvn leaves its end of our output pipe closed: a write must fail, not kill the script before it stops WildFly.
trap '' PIPE
( while kill -0 "$parent" 2>/dev/null; do sleep 2; done
  kill -TERM $$
  echo "The command that started medsign ($parent) is gone; stopping the server" >&2 ) </dev/null &
watchdog=$!

url="https://localhost:${https_port}/medsign"
for _ in $(seq 1 240); do
  if curl -fsS "${probe_trust[@]}" "$url/api/v1/health" >/dev/null 2>&1; then
    cat <<BANNER

  medsign is ready on ${database}
  Portal:      ${url}/
  Mobile API:  ${url}/api/v1  (OpenAPI: ${url}/api/v1/openapi.yaml)
  ${trust_note}
  Demo login:  employee number N0001 / password Medsign#2026 (nurse), IT0001 / Medsign#2026 (IT admin)
  Stop with Ctrl+C.

BANNER
    break
  fi
  kill -0 "$launcher" 2>/dev/null || break
  sleep 1
done
status=0
wait "$launcher" || status=$?
kill "$watchdog" 2>/dev/null || true
exit "$status"
