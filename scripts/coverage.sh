#!/usr/bin/env bash
# Runs every test (scripts/test.sh) with coverlet collecting line and branch coverage of ProjectTracker.Domain and
# ProjectTracker.Web, then prints both per assembly from the Cobertura report. Code run only inside an app process the
# tests spawn is not counted (coverlet instruments the test process).
#
#   bash scripts/coverage.sh [extra dotnet test args...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find . -path '*/TestResults/*' -name 'coverage.cobertura.xml' -not -path '*/bin/*' -delete
set +e
bash scripts/test.sh --collect "XPlat Code Coverage" --settings coverage.runsettings "$@"
rc=$?
set -e

report="$(find . -path '*/TestResults/*' -name 'coverage.cobertura.xml' -not -path '*/bin/*' | head -n 1)"
if [[ -z "$report" ]]; then
  echo "coverage.sh: no coverage report was written" >&2
  exit $(( rc == 0 ? 1 : rc )) # green tests without a report are still a failed coverage run
fi
echo
echo "Coverage ($report):"
# <package name="ProjectTracker.Domain" line-rate="0.9" branch-rate="0.8" ...> -> one line per assembly, then the whole.
tr '\n' ' ' <"$report" | grep -o '<package [^>]*>' | sed -E 's/.* name="([^"]*)" line-rate="([^"]*)" branch-rate="([^"]*)".*/\1 \2 \3/' \
  | awk '{ printf "  %-24s lines %5.1f %%  branches %5.1f %%\n", $1, $2 * 100, $3 * 100 }'
tr '\n' ' ' <"$report" | grep -o '<coverage [^>]*>' \
  | sed -E 's/.*line-rate="([^"]*)" branch-rate="([^"]*)".* lines-covered="([^"]*)" lines-valid="([^"]*)" branches-covered="([^"]*)" branches-valid="([^"]*)".*/\1 \2 \3 \4 \5 \6/' \
  | awk '{ printf "  %-24s lines %5.1f %% (%d of %d)  branches %5.1f %% (%d of %d)\n", "both", $1 * 100, $3, $4, $2 * 100, $5, $6 }'
exit "$rc"
