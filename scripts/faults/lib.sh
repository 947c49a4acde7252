# Shared by the fault scripts: a cluster of each script's own (scripts/cluster; state in
# target/faults/SCRIPT, database ghiseu_faults_SCRIPT, ports from its own base), so scripts that
# leave PostgreSQL alone may run side by side; the load (load.py); and the results file
# (target/faults/results.jsonl, one JSON line a run).
#
# Env: GHISEU_FAULTS_PROFILE  debug (default) or release: which build of ghiseu runs
#      GHISEU_FAULTS_CLIENTS  citizens booking during a fault (default 300)
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)
profile=${GHISEU_FAULTS_PROFILE:-debug}
clients=${clients:-${GHISEU_FAULTS_CLIENTS:-300}}
out=$root/target/faults
mkdir -p "$out"
scenario=$(basename "$0")
export GHISEU_CLUSTER_DIR=$out/$scenario
export GHISEU_CLUSTER_DATABASE=ghiseu_faults_${scenario//-/_}
case $scenario in
    node-kill) export GHISEU_CLUSTER_PORT=8500 ;;
    postgres-restart) export GHISEU_CLUSTER_PORT=8520 ;;
    s3-down) export GHISEU_CLUSTER_PORT=8540 ;;
    smtp-down) export GHISEU_CLUSTER_PORT=8560 ;;
    worker-kill) export GHISEU_CLUSTER_PORT=8580 ;;
esac
export GHISEU_LOG=${GHISEU_LOG:-warn}
export GHISEU_BIN=$root/target/$profile/ghiseu
if [[ ! -x $GHISEU_BIN ]]; then
    if [[ $profile == release ]]; then cargo build --release -p ghiseu; else cargo build -p ghiseu; fi
fi

say() { printf '[%s] %s\n' "$(date +%T)" "$*"; }
load() { python3 "$root/scripts/faults/load.py" "$@"; }
now() { date +%s.%N; }
since() { python3 -c "print(round($(now) - $1, 1))"; }

cluster_up() {
    "$root/scripts/cluster" up "$@" >"$out/$scenario-up.log" 2>&1 || {
        cat "$out/$scenario-up.log" >&2
        return 1
    }
    # shellcheck disable=SC1091
    source "$GHISEU_CLUSTER_DIR/env"
    env_file=$GHISEU_CLUSTER_DIR/env
}

cluster_down() { "$root/scripts/cluster" down >/dev/null 2>&1 || true; }

# The balancer's view of server $1 (UP, DOWN, ...).
balancer_state() {
    python3 - "$HAPROXY_SOCKET" <<'PY' | awk -F, -v n="$1" '$1 == "nodes" && $2 == n { print $18 }'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(b"show stat\n")
data = b""
while chunk := s.recv(65536):
    data += chunk
print(data.decode())
PY
}

# Seconds until the balancer says server $1 is $2, polled every 0.2 s (at most $3 s).
until_balancer() {
    local from
    from=$(now)
    while [[ $(balancer_state "$1") != "$2"* ]]; do
        if (($(python3 -c "print(int($(now) - $from > $3))"))); then echo "never"; return; fi
        sleep 0.2
    done
    since "$from"
}

# Polls /readyz of every server every 0.5 s into $1 (seconds since start, server, status) until
# the file $1.stop appears.
watch_ready() {
    local file=$1 start
    start=$(now)
    : >"$file"
    (
        while [[ ! -e $file.stop ]]; do
            IFS=, read -ra urls <<<"$NODE_URLS"
            for url in "${urls[@]}"; do
                code=$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$url/readyz" || true)
                printf '%s %s %s\n' "$(since "$start")" "$url" "$code" >>"$file"
            done
            sleep 0.5
        done
    ) &
}

# From a watch_ready file: the longest stretch, in seconds, in which some server was not ready.
not_ready_seconds() {
    awk '$3 != "200" { if (!first) first = $1; last = $1 } END { if (first) printf "%.1f", last - first + 0.5; else print 0 }' "$1"
}

# Appends the scenario's figures ($1: a JSON object) to results.jsonl, and prints them.
record() {
    printf '%s\n' "$1" | tee -a "$out/results.jsonl"
}

# Starts the SMTP sink again on its port and Maildir; $1 names a handler (default the plain one).
sink_start() {
    local handler=${1:-aiosmtpd.handlers.Mailbox}
    PYTHONPATH=$root/scripts/faults setsid python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
        -c "$handler" "$(dirname "$SMTP_SINK_DIR")" </dev/null >>"$GHISEU_CLUSTER_DIR/logs/smtp.log" 2>&1 &
    printf '%s\n' "$!" >"$GHISEU_CLUSTER_DIR/pids/smtp"
    local tries=0
    until (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; do
        ((++tries < 100)) || { say "the sink did not start"; return 1; }
        sleep 0.1
    done
}

sink_stop() { kill "$(cat "$GHISEU_CLUSTER_DIR/pids/smtp")" 2>/dev/null || true; sleep 0.5; }

# kill -9 server $1 now, and start it again, as it was, $2 seconds later (in the background).
kill_and_restart() {
    local name=$1 pid envs cmd
    pid=$(cat "$GHISEU_CLUSTER_DIR/pids/$name")
    mapfile -d '' envs <"/proc/$pid/environ"
    mapfile -d '' cmd <"/proc/$pid/cmdline"
    kill -9 "$pid"
    (
        sleep "$2"
        env -i "${envs[@]}" "${cmd[@]}" </dev/null >>"$GHISEU_CLUSTER_DIR/logs/$name.log" 2>&1 &
        printf '%s\n' "$!" >"$GHISEU_CLUSTER_DIR/pids/$name"
    ) &
}
