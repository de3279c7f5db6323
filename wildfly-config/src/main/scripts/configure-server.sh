#!/usr/bin/env bash
# Applies medsign's CLI scripts to a freshly unpacked WildFly. Re-running is cheap: the pristine
# standalone.xml is kept and the scripts re-applied only when they changed.
set -euo pipefail
server=$1 cli_dir=$2 pg_jar=$3
config=$server/standalone/configuration
stamp=$server/.medsign-config.sha256

# The development TLS set is made once per unpacked server, so that a browser that trusts its CA keeps trusting it.
bash "$(dirname "$0")/dev-tls.sh" "$config"

sum=$(cat "$cli_dir"/*.cli | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
  echo "WildFly configuration is up to date ($server)"
  exit 0
fi
[ -f "$config/standalone.xml.pristine" ] || cp "$config/standalone.xml" "$config/standalone.xml.pristine"
cp "$config/standalone.xml.pristine" "$config/standalone.xml"
rm -rf "$server/modules/org/postgresql" "$config/standalone_xml_history"

for script in "$cli_dir"/*.cli; do
  echo "Applying $(basename "$script")"
  JAVA_OPTS="-Dmedsign.postgresql.jar=$pg_jar" "$server/bin/jboss-cli.sh" --file="$script" \
      -Dmedsign.postgresql.jar="$pg_jar" >"$server/cli-$(basename "$script").log" 2>&1 \
    || { cat "$server/cli-$(basename "$script").log"; exit 1; }
done
echo "$sum" >"$stamp"
