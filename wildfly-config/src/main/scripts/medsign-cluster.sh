#!/usr/bin/env bash
# A local two-node medsign cluster behind a balancer, on this one machine:
#   medsign-cluster.sh            starts the balancer and both nodes, waits until all are ready; Ctrl+C stops all
#   medsign-cluster.sh node N     runs node N (1 or 2) alone in the foreground (tests restart a node with it)
#   medsign-cluster.sh balancer   runs the balancer alone in the foreground
#   medsign-cluster.sh stop-node N  stops node N without a user noticing: suspends it (it answers 503, which the
#                                 balancer resends to the other node), waits until the balancer has taken it out,
#                                 then shuts it down. A rolling restart is stop-node 1, node 1, then the same for 2.
# Nodes are the provisioned WildFly on the HA profile (standalone-ha.xml: ha.cli), each with its own base directory
# under MEDSIGN_CLUSTER_DIR and a port offset: node N at MEDSIGN_CLUSTER_PORT_OFFSET + 100*N. The balancer is
# haproxy on the cluster's own offset (8443 HTTPS, 8080 HTTP by default); it checks each node's /api/v1/health and
# sends traffic only to nodes that answer UP, so a node that is starting, deploying or dead gets none.
# The nodes share one PostgreSQL database (MEDSIGN_DB_URL, default the local medsign_cluster) and one key directory
# (MEDSIGN_KEYS_DIR: the CA, the data key, the institution key, the development HCA).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
server=${MEDSIGN_SERVER_HOME:-$here/../../../target/server}
server=$(cd "$server" && pwd)
cluster=${MEDSIGN_CLUSTER_DIR:-$server/../cluster}
mkdir -p "$cluster"
cluster=$(cd "$cluster" && pwd)
offset=${MEDSIGN_CLUSTER_PORT_OFFSET:-0}
nodes=(1 2)
node_offset() { echo $((offset + 100 * $1)); }
ca_pem=$server/standalone/configuration/medsign-dev-tls-ca.pem

# One database for all nodes: PostgreSQL (an embedded H2 file belongs to one JVM).
export MEDSIGN_DB_URL=${MEDSIGN_DB_URL:-jdbc:postgresql://127.0.0.1:5432/medsign_cluster}
export MEDSIGN_DB_USER=${MEDSIGN_DB_USER:-postgres} MEDSIGN_DB_PASSWORD=${MEDSIGN_DB_PASSWORD:-postgres}
export MEDSIGN_HIS_DB_URL=${MEDSIGN_HIS_DB_URL:-jdbc:postgresql://127.0.0.1:5432/medsign_cluster_his}
export MEDSIGN_HIS_DB_USER=${MEDSIGN_HIS_DB_USER:-$MEDSIGN_DB_USER} MEDSIGN_HIS_DB_PASSWORD=${MEDSIGN_HIS_DB_PASSWORD:-$MEDSIGN_DB_PASSWORD}
case "$MEDSIGN_DB_URL" in
  jdbc:postgresql:*) ;;
  *) echo "A cluster needs one database all nodes reach: MEDSIGN_DB_URL must be a jdbc:postgresql: URL" >&2; exit 2 ;;
esac
# The demo's defaults, as the single-node start command has them on its embedded database.
export MEDSIGN_DEMO_DATA=${MEDSIGN_DEMO_DATA:-true}
export MEDSIGN_PORTAL_PASSWORD_LOGIN=${MEDSIGN_PORTAL_PASSWORD_LOGIN:-true}
export MEDSIGN_INSTITUTION_SIGNING=${MEDSIGN_INSTITUTION_SIGNING:-true}
# Users, phones and relying parties see the balancer, never a node: links, redirects and certificates name it.
export MEDSIGN_HTTPS_PORT=${MEDSIGN_HTTPS_PORT:-$((8443 + offset))}
export MEDSIGN_PUBLIC_URL=${MEDSIGN_PUBLIC_URL:-https://localhost:$((8443 + offset))/medsign}
export MEDSIGN_PKI_URL=${MEDSIGN_PKI_URL:-http://localhost:$((8080 + offset))/medsign}
export MEDSIGN_CARD_DEV_CA_BASE_URL=${MEDSIGN_CARD_DEV_CA_BASE_URL:-$MEDSIGN_PKI_URL}
# The balancer is the proxy whose X-Forwarded-For and X-Forwarded-Proto the nodes believe.
export MEDSIGN_INTRANET_TRUSTED_PROXIES=${MEDSIGN_INTRANET_TRUSTED_PROXIES:-127.0.0.1/32}
export MEDSIGN_KEYS_DIR=${MEDSIGN_KEYS_DIR:-$cluster/keys}
members=""
for n in "${nodes[@]}"; do members+="${members:+,}127.0.0.1[$((7600 + $(node_offset "$n")))]"; done
export MEDSIGN_CLUSTER_MEMBERS=${MEDSIGN_CLUSTER_MEMBERS:-$members}

create_databases() {
  command -v psql >/dev/null 2>&1 || return 0
  local url db host port
  for url in "$MEDSIGN_DB_URL" "$MEDSIGN_HIS_DB_URL"; do
    [[ $url =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([A-Za-z0-9_]+) ]] || continue
    host=${BASH_REMATCH[1]} port=${BASH_REMATCH[3]:-5432} db=${BASH_REMATCH[4]}
    PGPASSWORD=$MEDSIGN_DB_PASSWORD psql -h "$host" -p "$port" -U "$MEDSIGN_DB_USER" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$db'" 2>/dev/null | grep -q 1 \
      || PGPASSWORD=$MEDSIGN_DB_PASSWORD psql -h "$host" -p "$port" -U "$MEDSIGN_DB_USER" -d postgres -qc "CREATE DATABASE $db" \
      || echo "Could not create database $db; create it or set MEDSIGN_DB_URL / MEDSIGN_HIS_DB_URL" >&2
  done
}

# A node's base directory: the provisioned configuration (fresh on every start, so a rebuilt server's scripts
# apply), the EAR the build deployed, and the node's own data and logs, kept between starts.
prepare_node() {
  local base=$cluster/node$1
  mkdir -p "$base/deployments" "$base/data" "$base/log"
  rm -rf "$base/configuration"
  cp -r "$server/standalone/configuration" "$base/configuration"
  rm -rf "$base/configuration/standalone_xml_history"
  local ear=${MEDSIGN_EAR:-$server/standalone/deployments/medsign.ear}
  [ -f "$ear" ] || { echo "No EAR at $ear: build with mvn -Pcluster install, or set MEDSIGN_EAR" >&2; exit 2; }
  rm -f "$base/deployments/medsign.ear".*
  cp "$ear" "$base/deployments/medsign.ear"
}

run_node() {
  local n=$1 base=$cluster/node$1
  prepare_node "$n"
  MEDSIGN_PORT_OFFSET=$(node_offset "$n") JBOSS_PIDFILE=$base/server.pid MEDSIGN_SERVER_HOME=$server \
    exec bash "$here/medsign-server.sh" -c standalone-ha.xml -Djboss.node.name="node$n" \
      -Djboss.server.base.dir="$base" -b 127.0.0.1 -bprivate 127.0.0.1 \
      -Dorg.wildfly.sigterm.suspend.timeout="${MEDSIGN_STOP_GRACE_SECONDS:-20}"
}

# haproxy: TLS ends here with the server's own certificate and starts again to the node (the nodes refuse plain
# HTTP for the API), cookie-sticky so a session stays on its node while it lives, and a node whose health check
# fails is out within two checks. A request whose connection failed, or that a stopping node refused with 503 (a node
# told to stop, TERM, first finishes the requests it has and refuses new ones: the suspend timeout above), is sent to
# the other node; a request a node was working on when it died is not repeated (the caller decides).
balancer_config() {
  local pem=$cluster/balancer-tls.pem cfg=$cluster/haproxy.cfg
  local keystore=${MEDSIGN_TLS_KEYSTORE:-$server/standalone/configuration/medsign-tls.p12}
  local password=${MEDSIGN_TLS_KEYSTORE_PASSWORD:-medsign-dev-tls}
  (umask 077; openssl pkcs12 -in "$keystore" -passin "pass:$password" -nodes 2>/dev/null >"$pem") \
    || { echo "Cannot read the TLS key store $keystore" >&2; exit 2; }
  {
    cat <<CFG
global
    maxconn 4000
    # one line per request in balancer.log (node, timings, status, retries): paths and addresses, no bodies
    log stdout format raw local0
defaults
    mode http
    log global
    option httplog
    timeout connect 3s
    timeout client 5m
    timeout server 5m
    timeout http-request 30s
    retries 3
    retry-on conn-failure 503
    option redispatch 1
    # a request is resent only when haproxy still holds all of it: without this, a phone's POST whose body came in a
    # second packet was passed on as it arrived, and a stopping node's 503 went back to the phone (tested in ClusterIT)
    option http-buffer-request
    option forwardfor
listen stats
    bind 127.0.0.1:$((8404 + offset))
    stats enable
    stats uri /stats
frontend https
    bind 127.0.0.1:$((8443 + offset)) ssl crt $pem alpn http/1.1
    http-request set-header X-Forwarded-Proto https
    default_backend nodes_https
frontend http
    bind 127.0.0.1:$((8080 + offset))
    http-request set-header X-Forwarded-Proto http
    default_backend nodes_http
backend nodes_https
    balance roundrobin
    cookie MEDSIGNNODE insert indirect nocache httponly secure
    option httpchk GET /medsign/api/v1/health
    http-check expect string "UP"
    default-server inter 2s fall 2 rise 1
CFG
    for n in "${nodes[@]}"; do
      echo "    server node$n 127.0.0.1:$((8443 + $(node_offset "$n"))) ssl verify required ca-file $ca_pem check cookie node$n"
    done
    echo "backend nodes_http"
    echo "    balance roundrobin"
    for n in "${nodes[@]}"; do
      echo "    server node$n 127.0.0.1:$((8080 + $(node_offset "$n"))) track nodes_https/node$n"
    done
  } >"$cfg"
  echo "$cfg"
}

run_balancer() {
  command -v haproxy >/dev/null 2>&1 \
    || { echo "The balancer is haproxy: apt-get install haproxy (Debian 12 has 2.6)" >&2; exit 2; }
  local cfg
  cfg=$(balancer_config)
  exec haproxy -db -f "$cfg"
}

# The balancer's view of node N: UP, DOWN, MAINT, … (its statistics page, CSV column 18).
balancer_state() {
  curl -fsS "http://127.0.0.1:$((8404 + offset))/stats;csv" 2>/dev/null \
    | awk -F, -v node="node$1" '$1 == "nodes_https" && $2 == node { print $18 }'
}

stop_node() {
  local n=$1 state
  local cli=("$server/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$((9990 + $(node_offset "$n")))")
  "${cli[@]}" --command=":suspend(suspend-timeout=${MEDSIGN_STOP_GRACE_SECONDS:-20})" >/dev/null
  for _ in $(seq 1 60); do
    state=$(balancer_state "$n")
    case "$state" in DOWN* | MAINT* | "") break ;; esac
    sleep 1
  done
  echo "node$n suspended; the balancer has it ${state:-not at all}; shutting it down"
  "${cli[@]}" --command=":shutdown" >/dev/null
}

case "${1:-}" in
  node) run_node "${2:?node number}" ;;
  stop-node) stop_node "${2:?node number}"; exit 0 ;;
  balancer) run_balancer ;;
  "") ;;
  *) echo "usage: $0 [node N | stop-node N | balancer]" >&2; exit 2 ;;
esac

# The whole cluster: balancer first, then the nodes one after the other (the first creates the schema and the CA).
create_databases
export MEDSIGN_PARENT_PID=$$
children=()
stop_all() {
  trap '' INT TERM HUP
  for pid in "${children[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
}
trap 'stop_all; exit 143' INT TERM HUP
trap '' PIPE
bash "$here/medsign-cluster.sh" balancer &
children+=($!)
for n in "${nodes[@]}"; do
  bash "$here/medsign-cluster.sh" node "$n" > >(sed -u "s/^/[node$n] /") 2>&1 &
  children+=($!)
  url="https://localhost:$((8443 + $(node_offset "$n")))/medsign/api/v1/health"
  until curl -fsS --cacert "$ca_pem" "$url" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "${children[-1]}" 2>/dev/null || { echo "node$n did not start" >&2; stop_all; exit 1; }
    sleep 2
  done
done
cat <<BANNER

  medsign cluster is ready: $MEDSIGN_PUBLIC_URL/  (balancer: haproxy, $cluster/haproxy.cfg)
  Nodes:       $(for n in "${nodes[@]}"; do printf 'node%s https://localhost:%s  ' "$n" $((8443 + $(node_offset "$n"))); done)
  Database:    $MEDSIGN_DB_URL (shared); keys: $MEDSIGN_KEYS_DIR (shared)
  Stop one node to see the other carry on: kill \$(cat $cluster/node1/server.pid)
  Stop all with Ctrl+C.

BANNER
wait
