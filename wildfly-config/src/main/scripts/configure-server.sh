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
# Every server configuration gets medsign.cli, micrometer.cli and tls.cli; the cluster's (standalone-ha.xml) then
# ha.cli on top.
rm -rf "$config/standalone_xml_history"
for server_config in standalone.xml standalone-ha.xml; do
  [ -f "$config/$server_config.pristine" ] || cp "$config/$server_config" "$config/$server_config.pristine"
  cp "$config/$server_config.pristine" "$config/$server_config"
  scripts=(medsign.cli micrometer.cli tls.cli)
  [ "$server_config" = standalone-ha.xml ] && scripts+=(ha.cli)
  for script in "${scripts[@]}"; do
    echo "Applying $script to $server_config"
    # medsign.cli adds the PostgreSQL driver module, which is one for all configurations
    [ "$script" = medsign.cli ] && rm -rf "$server/modules/org/postgresql"
    log=$server/cli-${server_config%.xml}-$script.log
    JAVA_OPTS="-Dmedsign.postgresql.jar=$pg_jar" "$server/bin/jboss-cli.sh" --file="$cli_dir/$script" \
        -Dmedsign.postgresql.jar="$pg_jar" -Dmedsign.server.config="$server_config" >"$log" 2>&1 \
      || { cat "$log"; exit 1; }
  done
done
rm -rf "$config/standalone_xml_history"
echo "$sum" >"$stamp"
