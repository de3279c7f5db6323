#!/usr/bin/env bash
# Starts the provisioned WildFly with medsign deployed and waits until the portal answers.
# The database is chosen by MEDSIGN_DB_URL: unset = embedded H2 with demo data, jdbc:postgresql:… = PostgreSQL.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
server=${MEDSIGN_SERVER_HOME:-$here/../../../target/server}
server=$(cd "$server" && pwd)
offset=${MEDSIGN_PORT_OFFSET:-0}
http_port=$((8080 + offset))

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

export LAUNCH_JBOSS_IN_BACKGROUND=1
export JBOSS_PIDFILE=${JBOSS_PIDFILE:-$server/standalone/medsign-server.pid}
"$server/bin/standalone.sh" -Djboss.socket.binding.port-offset="$offset" "$@" &
launcher=$!
trap 'kill -TERM "$launcher" 2>/dev/null; wait "$launcher"' INT TERM

url="http://localhost:${http_port}/medsign"
for _ in $(seq 1 240); do
  if curl -fsS "$url/api/v1/health" >/dev/null 2>&1; then
    cat <<BANNER

  medsign is ready on ${database}
  Portal:      ${url}/
  Mobile API:  ${url}/api/v1  (OpenAPI: ${url}/api/v1/openapi.yaml)
  Demo login:  employee number N0001 / password Medsign#2026 (nurse), IT0001 / Medsign#2026 (IT admin)
  Stop with Ctrl+C.

BANNER
    break
  fi
  kill -0 "$launcher" 2>/dev/null || break
  sleep 1
done
wait "$launcher"
