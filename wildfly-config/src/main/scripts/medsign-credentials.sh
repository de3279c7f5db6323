#!/usr/bin/env bash
# Puts medsign's passwords into WildFly's credential store, for production: the server then reads them from there and
# no longer from the MEDSIGN_*_PASSWORD variables. Run it as the server's user, with the server stopped:
#
#   medsign-credentials.sh tls-keystore ca-keystore db his-db      # then one password per line on standard input
#
# Names: tls-keystore (the hospital's PKCS#12 of MEDSIGN_TLS_KEYSTORE), ca-keystore (medsign's CA key store, or the
# HSM's PIN), db (MedsignDS), his-db (HisDS), institution-keystore (MEDSIGN_INSTITUTION_KEYSTORE). Passwords come from
# standard input only (asked twice without echo on a terminal), never from the command line, where ps would show them.
# Run again to change one. The server directory is MEDSIGN_SERVER_HOME (else the build's), its base JBOSS_BASE_DIR, the
# configuration file MEDSIGN_SERVER_CONFIG (standalone.xml; run once more for each other configuration the server uses).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cli_dir=$(cd "$here/../cli/credential-store" && pwd)
server=${MEDSIGN_SERVER_HOME:-$here/../../../target/server}
server=$(cd "$server" && pwd)
base=${JBOSS_BASE_DIR:-$server/standalone}
config=$base/configuration
server_config=${MEDSIGN_SERVER_CONFIG:-standalone.xml}
store=$config/medsign-credentials.cs

usage() { echo "usage: $(basename "$0") {tls-keystore|ca-keystore|db|his-db|institution-keystore}... < passwords (one a line)" >&2; exit 2; }
[ $# -gt 0 ] || usage
for name in "$@"; do
  case $name in tls-keystore|ca-keystore|db|his-db|institution-keystore) ;; *) usage ;; esac
done
[ -f "$config/$server_config" ] || { echo "no $server_config in $config" >&2; exit 2; }
pidfile=${JBOSS_PIDFILE:-$server/standalone/medsign-server.pid}
if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  # the running server would write its own model over the offline change
  echo "the server is running (pid $(cat "$pidfile")); stop it first" >&2
  exit 2
fi

umask 077
elytron_tool() { "$server/bin/elytron-tool.sh" credential-store "$@"; }
if [ ! -f "$store" ]; then
  elytron_tool --create --location="$store" --type=PropertiesCredentialStore --generate-secret-key=key >/dev/null
  echo "Created the credential store's key: $store (keep it readable by the server's user only, back it up apart)"
fi
chmod 600 "$store"

# One CLI run: the ciphertexts as CLI variables, then the scripts that write them where each password is used.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli=$work/credentials.cli
{ echo "embed-server --server-config=$server_config --std-out=discard"; cat "$cli_dir/store.cli"; } >"$cli"
for name in "$@"; do
  if [ -t 0 ]; then
    IFS= read -r -s -p "Password for $name: " secret; echo >&2
    IFS= read -r -s -p "Again: " again; echo >&2
    [ "$secret" = "$again" ] || { echo "the two did not match" >&2; exit 1; }
  else
    IFS= read -r secret || { echo "standard input ended before the password for $name" >&2; exit 1; }
  fi
  [ -n "$secret" ] || { echo "an empty password for $name" >&2; exit 1; }
  # elytron-tool reads the clear text twice from its standard input (a pipe from bash's printf, a builtin: no argv)
  token=$(printf '%s\n%s\n' "$secret" "$secret" \
    | elytron_tool --location="$store" --type=PropertiesCredentialStore --encrypt=key \
    | sed -n "s/.*token '\([A-Za-z0-9+\/=]*\)'.*/\1/p")
  unset secret again
  [ -n "$token" ] || { echo "elytron-tool did not encrypt the password for $name" >&2; exit 1; }
  { echo "set ${name//-/_}=$token"; cat "$cli_dir/$name.cli"; } >>"$cli"
done
echo "stop-embedded-server" >>"$cli"

log=$work/cli.log
if ! JAVA_OPTS="${JAVA_OPTS:-} -Djboss.server.base.dir=$base" "$server/bin/jboss-cli.sh" --file="$cli" >"$log" 2>&1 \
    || grep -q '"outcome" => "failed"' "$log"; then
  cat "$log" >&2
  echo "the configuration was not changed completely; run the command again" >&2
  exit 1
fi
echo "Stored in WildFly's credential store: $*. Start the server again to use them."
