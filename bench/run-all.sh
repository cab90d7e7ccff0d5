#!/usr/bin/env bash
# Runs every benchmark in bench/ProjectTracker.Bench, one after the other, and lets each rewrite its own section of
# docs/PERFORMANCE.md (between <!-- bench:NAME --> markers; sections of benchmarks that fail or are absent keep their
# last figures). Ends with a summary section of this run. Takes about 40 minutes on 2 cores.
#
#   bench/run-all.sh                      # all of them
#   bench/run-all.sh read-api dashboards  # only these
#
# Two more names run the long versions of the robustness tests, which every test run has in short (issue 27): `soak`
# (the soak test for SOAK_SECONDS, 600 unless set) and `fuzz` (the endpoint fuzz with FUZZ_INPUTS, 50000 unless set:
# every generated input). They pass or fail; they write no section.
#
# PostgreSQL figures (read-api, whoop-import) need BENCH_POSTGRES_URL, an Npgsql connection string to a server the benchmark may
# create and drop databases on, e.g. 'Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres'.
# The dashboards benchmark needs /usr/bin/chromium, read-api needs /usr/bin/wrk: installed with apt-get when this runs
# as root, else the script names the command and exits 2.
set -uo pipefail

cd "$(dirname "$0")/.."
project=bench/ProjectTracker.Bench
benchmarks=("$@")
if [ ${#benchmarks[@]} -eq 0 ]; then
  benchmarks=(github-refresh whoop-sync whoop-import startup read-api dashboards soak fuzz)
fi

# The Debian packages the chosen benchmarks need: installed when this runs as root with apt, else named with the command.
missing=()
for name in "${benchmarks[@]}"; do
  case $name in
    read-api) [ -x /usr/bin/wrk ] || missing+=(wrk) ;;
    dashboards | soak) [ -x /usr/bin/chromium ] || missing+=(chromium) ;;
  esac
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run-all: installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  else
    echo "run-all: these benchmarks need ${missing[*]}; install with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 2
  fi
fi

if ! dotnet build -c Release "$project" -nologo -v quiet; then
  echo "run-all: the benchmark project does not build" >&2
  exit 1
fi

summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
{
  echo "## Last run of bench/run-all.sh"
  echo
  postgres=$([ -n "${BENCH_POSTGRES_URL:-}" ] && echo set || echo "not set")
  dirty=$(git diff --quiet HEAD -- . ':!docs' || echo ' + uncommitted changes')
  echo "$(date -u '+%Y-%m-%d %H:%M') UTC, \`nproc\` $(nproc), commit \`$(git rev-parse --short HEAD)\`$dirty, PostgreSQL (\`BENCH_POSTGRES_URL\`): $postgres."
  echo
  echo "| benchmark | outcome | minutes |"
  echo "| --- | --- | --- |"
} > "$summary"

failed=0
for name in "${benchmarks[@]}"; do
  echo "=== $name ($(date -u '+%H:%M:%S') UTC)"
  started=$(date +%s)
  case $name in
    soak) long="SOAK_SECONDS=${SOAK_SECONDS:-600}"; class=SoakTests ;;
    fuzz) long="FUZZ_INPUTS=${FUZZ_INPUTS:-50000}"; class=EndpointFuzzTests ;;
    *) long="" ;;
  esac
  if [ -n "$long" ]; then
    env "$long" dotnet test ProjectTracker.Web.Tests --filter "FullyQualifiedName~ProjectTracker.Web.Tests.Robustness.$class" \
      --logger "console;verbosity=normal"
    code=$?
    if [ $code -eq 0 ]; then outcome="passed ($long)"; else outcome="**failed** ($long, exit $code)"; failed=1; fi
  else
    dotnet run -c Release --no-build --project "$project" -- "$name"
    code=$?
    case $code in
      0) outcome="ran, section rewritten" ;;
      2) outcome="**absent**: Program.cs has no benchmark of that name; its section (if any) is unchanged" ;;
      3) outcome="ran, section rewritten, **a target was missed** (see its section)" ;;
      *) outcome="**failed** (exit $code); its section is unchanged"; failed=1 ;;
    esac
  fi
  minutes=$(awk "BEGIN { printf \"%.1f\", ($(date +%s) - $started) / 60 }")
  echo "=== $name: $outcome"
  echo "| \`$name\` | $outcome | $minutes |" >> "$summary"
done

dotnet run -c Release --no-build --project "$project" -- write-section run-all "$summary"
cat "$summary"
exit $failed
