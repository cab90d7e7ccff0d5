#!/usr/bin/env bash
# Runs every test of the solution.
#
#   bash scripts/test.sh [extra dotnet test args...]
#
# Needs the .NET SDK; everything else it sets up itself. The tests use three Debian packages:
# postgresql (a throwaway server), redis-server (the REDIS_URL job storage tests) and chromium
# (browser tests). Missing ones are installed with apt-get when this runs as root; otherwise the
# script prints the exact command to run and exits 2 before building anything.
#
# Tests that need PostgreSQL read TEST_POSTGRES_URL (an Npgsql connection string to a
# server where they may create their own databases). If it is not set, this script starts
# a throwaway PostgreSQL server on a free loopback port for the run and removes it after.
# Prints the ten slowest tests and "N passed, N failed[, N skipped]" at the end; exits with dotnet test's exit code.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

postgres_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
}

# Installs the Debian packages the tests need, or says how to.
ensure_prerequisites() {
  local missing=()
  if [[ -z "${TEST_POSTGRES_URL:-}" ]]; then
    local dir
    dir="$(postgres_bin_dir)"
    if [[ -z "$dir" || ! -x "$dir/initdb" || ! -x "$dir/pg_ctl" ]]; then missing+=(postgresql); fi
  fi
  if [[ ! -x /usr/bin/redis-server && ! -x /usr/local/bin/redis-server ]]; then missing+=(redis-server); fi
  if [[ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then missing+=(chromium); fi
  [[ "${#missing[@]}" -eq 0 ]] && return 0

  local command="apt-get install -y --no-install-recommends ${missing[*]}"
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${missing[*]} (Debian packages the tests need)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  else
    echo "test.sh: the tests need these Debian packages: ${missing[*]}." >&2
    if command -v apt-get >/dev/null 2>&1; then
      echo "test.sh: install them with: sudo $command" >&2
    else
      echo "test.sh: install them with your package manager (on Debian or Ubuntu: $command)." >&2
    fi
    echo "test.sh: or set TEST_POSTGRES_URL to a PostgreSQL server where tests may create databases (instead of postgresql), CHROMIUM_PATH to a Chromium binary." >&2
    exit 2
  fi
}

ensure_prerequisites
echo "test.sh: dotnet $(dotnet --version); $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || echo 'chromium: version unavailable'); $(redis-server --version | awk '{print $1, $2, $3}')"

PG_BIN=""
PGDATA_DIR=""
PG_STARTED=0

as_pg_user() {
  # Runs a PostgreSQL command as the `postgres` OS user when we are root (the server
  # refuses to run as root), as the current user otherwise. Runs from inside PGDATA so
  # the postgres user never needs to read the current directory.
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd "$PGDATA_DIR" && runuser -u postgres -- "$@")
  else
    (cd "$PGDATA_DIR" && "$@")
  fi
}

cleanup() {
  local rc=$?
  if [[ -n "$PGDATA_DIR" ]]; then
    if [[ "$PG_STARTED" -eq 1 ]]; then
      as_pg_user "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGDATA_DIR"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_postgres() {
  PG_BIN="$(postgres_bin_dir)"

  if [[ "$(id -u)" -eq 0 ]]; then
    # /tmp so that the postgres user can reach it whatever TMPDIR is.
    PGDATA_DIR="$(mktemp -d /tmp/projecttracker-pg.XXXXXX)"
    chown postgres:postgres "$PGDATA_DIR"
  else
    PGDATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/projecttracker-pg.XXXXXX")"
  fi
  chmod 0700 "$PGDATA_DIR"

  if ! as_pg_user "$PG_BIN/initdb" -D "$PGDATA_DIR" -A trust -U postgres -E UTF8 --no-sync >"$PGDATA_DIR.initdb.log" 2>&1; then
    cat "$PGDATA_DIR.initdb.log" >&2
    rm -f "$PGDATA_DIR.initdb.log"
    echo "test.sh: initdb failed" >&2
    exit 1
  fi
  rm -f "$PGDATA_DIR.initdb.log"

  # Take the first free port from 55432 up; retry if another process grabs it first.
  local port=55432 attempt
  for attempt in 1 2 3 4 5; do
    while port_in_use "$port"; do port=$((port + 1)); done
    if as_pg_user "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -w -t 60 -l "$PGDATA_DIR/server.log" \
         -o "-c listen_addresses=127.0.0.1 -p $port -k $PGDATA_DIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
         start >/dev/null; then
      PG_STARTED=1
      break
    fi
    echo "test.sh: PostgreSQL did not start on port $port (attempt $attempt):" >&2
    tail -n 20 "$PGDATA_DIR/server.log" >&2 || true
    port=$((port + 1))
  done
  if [[ "$PG_STARTED" -ne 1 ]]; then
    echo "test.sh: could not start a throwaway PostgreSQL server" >&2
    exit 1
  fi

  export TEST_POSTGRES_URL="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "test.sh: throwaway PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $PGDATA_DIR)"
}

if [[ -z "${TEST_POSTGRES_URL:-}" ]]; then
  start_postgres
else
  echo "test.sh: using TEST_POSTGRES_URL from the environment"
fi

# Old results would otherwise be counted in the summary.
find . -type d -name TestResults -not -path '*/bin/*' -not -path '*/obj/*' -prune \
  -exec find {} -name '*.trx' -delete \;

# A test that hangs is stopped after 10 minutes (the longest runs about a minute and a half) and named in the output,
# instead of holding the run until CI gives up without saying which test it was.
set +e
# The test project and what it references; the benchmarks (bench/) are not tests, and .ci/run builds them on its own.
dotnet test ProjectTracker.Web.Tests \
  --logger "console;verbosity=normal" \
  --logger "trx;LogFileName=results.trx" \
  --blame-hang-timeout 10m --blame-hang-dump-type none \
  "$@"
rc=$?
set -e

# Summary from the TRX files' <Counters .../> elements.
passed=0 failed=0 skipped=0 files=0
counter() { # counter NAME LINE -> value of attribute NAME in LINE (0 if absent)
  local v
  v="$(grep -o " $1=\"[0-9]*\"" <<<"$2" | head -n 1 | grep -o '[0-9]\+' || true)"
  echo "${v:-0}"
}
while IFS= read -r -d '' trx; do
  line="$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
  [[ -n "$line" ]] || continue
  files=$((files + 1))
  passed=$((passed + $(counter passed "$line")))
  failed=$((failed + $(counter failed "$line") + $(counter error "$line") + $(counter timeout "$line") + $(counter aborted "$line")))
  # xunit's skipped tests count in total but not in executed (notExecuted stays 0).
  skip=$(( $(counter total "$line") - $(counter executed "$line") ))
  if [[ "$skip" -lt "$(counter notExecuted "$line")" ]]; then skip="$(counter notExecuted "$line")"; fi
  skipped=$((skipped + skip))
done < <(find . -path '*/TestResults/*' -name '*.trx' -not -path '*/bin/*' -not -path '*/obj/*' -print0)

# The ten slowest tests, from each <UnitTestResult testName="…" duration="hh:mm:ss.fffffff">: the next slow test shows
# the run it arrives in.
slowest_tests() {
  find . -path '*/TestResults/*' -name '*.trx' -not -path '*/bin/*' -not -path '*/obj/*' -exec cat {} + \
    | tr '\n' ' ' | { grep -o '<UnitTestResult [^>]*>' || true; } \
    | awk '{
        name = ""; seconds = -1
        if (match($0, / testName="[^"]*"/)) name = substr($0, RSTART + 11, RLENGTH - 12)
        if (match($0, / duration="[^"]*"/)) {
          split(substr($0, RSTART + 11, RLENGTH - 12), part, ":")
          seconds = part[1] * 3600 + part[2] * 60 + part[3]
        }
        if (seconds >= 0) printf "%.1f\t%s\n", seconds, name
      }' \
    | LC_ALL=C sort -t "$(printf '\t')" -k1,1 -g -r | awk -F '\t' 'NR <= 10 { printf "%8.1f s  %s\n", $1, $2 }' \
    | sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
}

echo
if [[ "$files" -gt 0 ]]; then
  echo "The ten slowest tests:"
  slowest_tests
  echo
fi
if [[ "$files" -eq 0 ]]; then
  echo "test.sh: no test results (TRX) were written; dotnet test exited $rc"
fi
summary="$passed passed, $failed failed"
if [[ "$skipped" -gt 0 ]]; then summary="$summary, $skipped skipped"; fi
echo "$summary"
if [[ "$rc" -ne 0 && "$failed" -eq 0 ]]; then
  echo "test.sh: dotnet test exited $rc with no failed test: a test host stopped early (look above for 'The test running when the crash occurred' or a hang)"
fi

exit "$rc"
