#!/usr/bin/env bash
# Production's passwords in WildFly's credential store, on the real server: medsign-credentials.sh stores a TLS key
# store's, the CA key store's and both databases' passwords (random, with quotes, spaces and $), standalone.xml then
# holds none of them, and the server boots with the variables that used to carry them set to wrong values: HTTPS
# answers with the hospital's key store, both datasources connect to databases made with those passwords, and the CA
# key store is made under its stored password, with no password file beside it.
# Run by hand: bash credential-store.sh <WildFly dir> <medsign EAR>
set -uo pipefail
server=$(cd "$1" && pwd) ear=$2
# CI exports its PostgreSQL settings for the system tests; this server gets only the settings set below.
for variable in $(compgen -e | grep '^MEDSIGN_'); do unset "$variable"; done
here=$(cd "$(dirname "$0")" && pwd)
scripts=$here/../../main/scripts
# The system tests use offset 100; this server runs before them in the same build, on ports of its own.
offset=200
https_port=$((8443 + offset)) http_port=$((8080 + offset)) management_port=$((9990 + offset))
work=$(mktemp -d)
base=$work/standalone
launcher=
stop() {
  if [ -n "$launcher" ]; then
    kill -TERM "$launcher" 2>/dev/null
    wait "$launcher" 2>/dev/null
  fi
  rm -rf "$work"
}
trap stop EXIT
failures=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

mkdir -p "$base/deployments" "$work/db"
cp -r "$server/standalone/configuration" "$base/"
cp "$ear" "$base/deployments/medsign.ear"

secret() { printf '%s "%s" $x %s' "$1" "$(head -c 9 /dev/urandom | base64)" "$(head -c 9 /dev/urandom | base64)"; }
export TLS_SECRET CA_SECRET
TLS_SECRET=$(secret tls) CA_SECRET=$(secret ca)
db_secret=$(secret db) his_secret=$(secret his)

# The hospital's key store, and two databases that open only with their passwords (the test's own H2 files).
keytool -genkeypair -keystore "$work/tls.p12" -storetype PKCS12 -storepass:env TLS_SECRET -alias server -keyalg EC \
  -groupname secp256r1 -dname "CN=localhost, O=medsign credential store test" -ext san=dns:localhost -validity 2 \
  >/dev/null 2>&1
keytool -exportcert -rfc -keystore "$work/tls.p12" -storetype PKCS12 -storepass:env TLS_SECRET -alias server \
  -file "$work/tls.pem" >/dev/null 2>&1
h2=$(ls "$server"/modules/system/layers/base/com/h2database/h2/main/h2-*.jar)
for db in medsign his; do
  password=$db_secret
  [ "$db" = his ] && password=$his_secret
  java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$work/db/$db" -user sa -password "$password" \
    -sql "SELECT 1" >/dev/null || { echo "FAIL cannot make the test database $db"; exit 1; }
done

printf '%s\n' "$TLS_SECRET" "$CA_SECRET" "$db_secret" "$his_secret" \
  | MEDSIGN_SERVER_HOME=$server JBOSS_BASE_DIR=$base JBOSS_PIDFILE=$base/server.pid \
    bash "$scripts/medsign-credentials.sh" tls-keystore ca-keystore db his-db \
  && ok "medsign-credentials.sh stored four passwords" || fail "medsign-credentials.sh stored four passwords"

clear=0
for s in "$TLS_SECRET" "$CA_SECRET" "$db_secret" "$his_secret"; do
  grep -rqF -e "$s" "$base/configuration" && clear=$((clear + 1))
done
[ "$clear" -eq 0 ] && ok "no password in clear in the configuration directory" \
  || fail "$clear password(s) in clear in the configuration directory"
[ "$(grep -cF '${ENC::medsign:' "$base/configuration/standalone.xml")" -eq 5 ] \
  && ok "standalone.xml refers to them as five encrypted expressions" || fail "standalone.xml has no encrypted expressions"
[ "$(stat -c %a "$base/configuration/medsign-credentials.cs")" = 600 ] \
  && ok "the credential store's key is readable by its owner only" || fail "the credential store's key is open to others"

# The variables the passwords used to come from, set wrong: only the credential store can make this server work.
MEDSIGN_SERVER_HOME=$server JBOSS_BASE_DIR=$base JBOSS_PIDFILE=$base/server.pid MEDSIGN_PORT_OFFSET=$offset \
MEDSIGN_PARENT_PID=$$ \
MEDSIGN_DB_URL="jdbc:h2:file:$work/db/medsign;DB_CLOSE_ON_EXIT=FALSE" MEDSIGN_DB_PASSWORD=wrong \
MEDSIGN_HIS_DB_URL="jdbc:h2:file:$work/db/his;DB_CLOSE_ON_EXIT=FALSE" MEDSIGN_HIS_DB_PASSWORD=wrong \
MEDSIGN_TLS_KEYSTORE=$work/tls.p12 MEDSIGN_TLS_KEYSTORE_PASSWORD=wrong MEDSIGN_CA_KEYSTORE_PASSWORD=wrong \
MEDSIGN_JOBS_UNSIGNED_SCAN_SCHEDULE=off MEDSIGN_JOBS_UNSIGNED_SCAN_FULL_SCHEDULE=off \
MEDSIGN_JOBS_SIGNING_DEADLINE_SCHEDULE=off MEDSIGN_JOBS_SIGNING_REMINDERS_SCHEDULE=off \
MEDSIGN_JOBS_CREDENTIAL_UPKEEP_SCHEDULE=off \
  bash "$scripts/medsign-server.sh" >"$work/console.log" 2>&1 </dev/null &
launcher=$!

# Up when the health answer comes over HTTPS with the certificate of the key store only the stored password opens.
health=
for _ in $(seq 1 240); do
  health=$(curl -sS --cacert "$work/tls.pem" "https://localhost:$https_port/medsign/api/v1/health" 2>/dev/null) && break
  kill -0 "$launcher" 2>/dev/null || break
  sleep 1
done
if [[ "$health" == *'"UP"'* ]]; then
  ok "HTTPS answers with the hospital's key store, and medsign is UP"
else
  fail "HTTPS with the hospital's key store ($health)"
  tail -n 40 "$work/console.log" "$base/log/server.log" 2>/dev/null | grep -E 'ERROR|FAIL|Exception' | head -20
fi

for ds in MedsignDS HisDS; do
  "$server/bin/jboss-cli.sh" -c --controller="localhost:$management_port" \
      --command="/subsystem=datasources/data-source=$ds:test-connection-in-pool" 2>&1 | grep -q '"result" => \[true\]' \
    && ok "$ds connects with its stored password" || fail "$ds connects with its stored password"
done

curl -fsS "http://localhost:$http_port/medsign/pki/mobile/ca.crt" -o "$work/ca.crt" \
  && openssl x509 -inform DER -in "$work/ca.crt" -noout 2>/dev/null \
  && ok "the CA answers (/pki/mobile/ca.crt)" || fail "the CA answers (/pki/mobile/ca.crt)"
ca_store=$base/data/medsign/ca/mobile-ca.p12
keytool -list -keystore "$ca_store" -storetype PKCS12 -storepass:env CA_SECRET >/dev/null 2>&1 \
  && ok "the CA key store opens with the stored password" || fail "the CA key store opens with the stored password"
[ ! -e "$ca_store.password" ] && ok "no CA password file" || fail "a CA password file beside the key store"

leaked=0
for s in "$TLS_SECRET" "$CA_SECRET" "$db_secret" "$his_secret"; do
  grep -rqF -e "$s" "$base/log" "$work/console.log" && leaked=$((leaked + 1))
done
[ "$leaked" -eq 0 ] && ok "no password in the logs" || fail "$leaked password(s) in the logs"
exit "$failures"
