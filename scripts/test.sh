#!/usr/bin/env bash
# `make test`: ruff and mypy, then three runs side by side, since each leaves a core idle part of the
# time (it waits on its browser, its portal or a mail):
#   - the unit, property and mutation-sample tests (tests/), in one process (ANEF_TESTS_PROCESSUS=N: in N
#     pytest-xdist workers; beside the other two runs, 2 gained nothing: make test already keeps both cores
#     busy), reports in reports/tests/; the pages they
#     open are not analysed for accessibility (--accessibilite non: the features run does it, and the
#     accessibility plugin's own tests run it in their own pytest processes);
#   - every feature against the bundled portal (features/), reports in reports/;
#   - the deployment-mode sample (scripts/deploiement.sh -m echantillon_deploiement: one scenario per
#     adapter of that mode; --accessibilite non, the features run analyses those pages), reports in
#     reports/deploiement/.
# ANEF_TEST_COMPLET=1 (`make test-complet`, and CI): every feature in deployment mode instead of the
# sample, in two shards side by side (ANEF_DEPLOIEMENT_TRANCHES, default 2 then), merged into one report.
# Each run keeps its own reports folder and Playwright output folder (pytest-playwright empties its
# --output folder as it starts). Their outputs are printed one after the other when all have ended,
# with each run's wall and CPU time; the exit status is the first non-zero one (1 if any run failed).
# Usage: scripts/test.sh [pytest options for the tests and features, e.g. -k chemin_a]
#        DEPLOIEMENT_ARGS="-m compte" scripts/test.sh            (options of the deployment run)
#        ANEF_TEST_SERIE=1 scripts/test.sh                       (one run after the other)
# With pytest options, tests/ and features/ run in one pytest process (the selection applies to both,
# as with `pytest ARGS`); the deployment run still runs beside it.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# With PYTHONDONTWRITEBYTECODE set (some shared machines set it), the processes the runs start keep their
# bytecode outside the work tree instead of compiling the project again each (harness/bytecode.py).
eval "$($PY -m harness.bytecode)"
.venv/bin/ruff check . || exit 1
.venv/bin/mypy || exit 1  # strict on fake_anef/ and harness/ ([tool.mypy] in pyproject.toml)
LOGS=reports/make-test
rm -rf "$LOGS" && mkdir -p "$LOGS" reports/tests
eval "DEPLOIEMENT=(${DEPLOIEMENT_ARGS:-})"  # with its quotes, as `bash scripts/deploiement.sh $(DEPLOIEMENT_ARGS)` had
if [ -n "${ANEF_TEST_COMPLET:-}" ]; then
  TRANCHES=${ANEF_DEPLOIEMENT_TRANCHES:-2}
else  # the sample, unless DEPLOIEMENT_ARGS chose another selection
  TRANCHES=${ANEF_DEPLOIEMENT_TRANCHES:-1}
  # its pages are the features run's, analysed there; report-only analysis against another target is
  # tests/harness/test_accessibilite.py's (make test-complet analyses every page of deployment mode too)
  [ ${#DEPLOIEMENT[@]} -eq 0 ] && DEPLOIEMENT=(-m echantillon_deploiement --accessibilite non)
fi

declare -a NAMES=() PIDS=()
run() {  # run NAME COMMAND...: in the background (or at once with ANEF_TEST_SERIE), output in $LOGS/NAME.log
  local name=$1; shift
  if [ -n "${ANEF_TEST_SERIE:-}" ]; then
    ( TIMEFORMAT="$name : %R s réel, %U s + %S s CPU"; time "$@" ) >"$LOGS/$name.log" 2>&1
    echo $? >"$LOGS/$name.rc"
  else
    ( ( TIMEFORMAT="$name : %R s réel, %U s + %S s CPU"; time "$@" ) >"$LOGS/$name.log" 2>&1; echo $? >"$LOGS/$name.rc" ) &
    PIDS+=($!)
  fi
  NAMES+=("$name")
}

if [ $# -eq 0 ]; then
  run tests env ANEF_REPORTS_DIR=reports/tests $PY -m pytest tests -n "${ANEF_TESTS_PROCESSUS:-0}" --output=reports/tests/playwright --accessibilite non
  run features $PY -m pytest features
else
  run pytest $PY -m pytest "$@"
fi
# the whole deployment run is the longest part: then in two shards, each against its own demonstration portal
run deploiement env ANEF_DEPLOIEMENT_TRANCHES="$TRANCHES" bash scripts/deploiement.sh "${DEPLOIEMENT[@]}"
for pid in "${PIDS[@]}"; do wait "$pid"; done

status=0
for name in "${NAMES[@]}"; do
  echo "==================================== $name ===================================="
  cat "$LOGS/$name.log"
  rc=$(cat "$LOGS/$name.rc" 2>/dev/null || echo 1)
  [ "$rc" -ne 0 ] && [ "$status" -eq 0 ] && status=$rc
done
echo "==================================== make test ===================================="
for name in "${NAMES[@]}"; do
  echo "$(tail -n 1 "$LOGS/$name.log") — code de sortie $(cat "$LOGS/$name.rc" 2>/dev/null || echo '?')"
done
exit "$status"
