#!/usr/bin/env bash
# Checks that medsign-server.sh stops the server with the command that started it, without a real WildFly: a fake
# bin/standalone.sh stands in for it and notes the TERM it gets. Run by hand: bash server-stops-with-parent.sh
set -uo pipefail
# job control: without it, background jobs start with SIGINT ignored, which no trap can undo (mvn does not do that)
set -m
here=$(cd "$(dirname "$0")" && pwd)
script=$here/../../main/scripts/medsign-server.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/standalone"
cat > "$work/bin/standalone.sh" <<'FAKE'
#!/usr/bin/env bash
echo $$ > "$MEDSIGN_SERVER_HOME/standalone/fake.pid"
trap 'echo TERM > "$MEDSIGN_SERVER_HOME/standalone/stopped"; exit 0' TERM
while :; do sleep 0.2; done
FAKE
chmod +x "$work/bin/standalone.sh"
export MEDSIGN_SERVER_HOME=$work MEDSIGN_PORT_OFFSET=47000 MEDSIGN_STOP_SECONDS=5
failures=0

# Waits up to $1 seconds for the fake server to note its TERM, and for it to be gone.
stopped_within() {
  for _ in $(seq 1 $(($1 * 5))); do
    if [ -f "$work/standalone/stopped" ] && ! kill -0 "$(cat "$work/standalone/fake.pid")" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

# Starts the script under a stand-in for mvn (a process that waits for it), whose PID is left in $parent.
start_under_parent() {
  rm -f "$work/standalone/stopped" "$work/standalone/fake.pid"
  bash -c 'set -m; bash "$0" & wait' "$script" >/dev/null 2>&1 &
  parent=$!
  for _ in $(seq 1 50); do [ -f "$work/standalone/fake.pid" ] && break; sleep 0.1; done
}

check() {
  local name=$1 signal=$2 target=$3
  start_under_parent
  local victim=$parent
  [ "$target" = script ] && victim=$(pgrep -P "$parent" -f medsign-server.sh | head -1)
  kill "-$signal" "$victim"
  if stopped_within 10; then echo "ok   $name"; else echo "FAIL $name"; failures=$((failures + 1)); fi
  kill -KILL "$parent" 2>/dev/null
  pkill -KILL -F "$work/standalone/fake.pid" 2>/dev/null
  wait "$parent" 2>/dev/null
}

check "the parent killed outright (SIGKILL to mvn): the watchdog stops the server" KILL parent
check "a closed terminal (SIGHUP to the script) stops the server" HUP script
check "SIGTERM to the script (mvn passing its TERM on) stops the server" TERM script
check "Ctrl+C (SIGINT to the script) stops the server" INT script
exit "$failures"
