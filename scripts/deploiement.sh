#!/usr/bin/env bash
# The proof that the suite judges a deployment by the guides alone: the bundled portal plays a
# vendor's deployment (--demo: no operator API; --recette: its reference data are the jeu de données
# de recette), and the whole suite runs against it as against any target, with the recette data set,
# the agent's back-office pages and the target's published trust list. Clock scenarios are skipped,
# with their reason. Usage: scripts/deploiement.sh [--reformule] [pytest options, e.g. -m compte]
# --reformule: the portal rewords every DERIVED text (fault mode reformule_derives), as a deployment
# with its own wording would: the run must still end with 0 failures, and a remarque for each
# reworded text it checked (reports under reports/deploiement-reformule/).
# ANEF_DEPLOIEMENT_TRANCHES=N: the run in N shards side by side (pytest-split), each against its own
# demonstration portal (a recette record serves once per portal), merged by `anef fusionner`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# With PYTHONDONTWRITEBYTECODE set, the portals and the suite keep their bytecode outside the work tree (harness/bytecode.py)
eval "$($PY -m harness.bytecode)"
RECETTE=${RECETTE:-docs/recette-exemple.yaml}
FAULTS=${ANEF_FAULTS:-}
NAME=deploiement
if [ "${1:-}" = "--reformule" ]; then
    shift
    FAULTS=reformule_derives${FAULTS:+,$FAULTS}
    NAME=deploiement-reformule
fi
REPORTS=${ANEF_REPORTS_DIR:-reports}/$NAME
TRANCHES=${ANEF_DEPLOIEMENT_TRANCHES:-1}
mkdir -p "$REPORTS"
SERVERS=()
DATAS=()
cleanup() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  for dir in "${DATAS[@]}"; do rm -rf "$dir"; done
}
trap cleanup EXIT

# start_portal FOLDER: a demonstration portal on free ports, its log in FOLDER; sets TARGET and MAILBOX
start_portal() {
  local folder=$1 port smtp mail data
  read -r port smtp mail < <($PY - <<'PYEOF'
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
for s in socks:
    s.close()
PYEOF
)
  data=$(mktemp -d -t anef-deploiement-XXXXXX)
  DATAS+=("$data")
  mkdir -p "$folder"
  ANEF_FAULTS="$FAULTS" $PY -m fake_anef serve --demo --recette "$RECETTE" --port "$port" --smtp-port "$smtp" --mail-port "$mail" \
      --data-dir "$data" >"$folder/portal.log" 2>&1 &
  SERVERS+=($!)
  TARGET="http://127.0.0.1:$port"
  MAILBOX="http://127.0.0.1:$mail"
  # wait on the servers themselves (httpx retries refused connections), at most 60 s
  $PY - "$TARGET/" "$MAILBOX/api/health" <<'PYEOF'
import sys, time, httpx
deadline = time.monotonic() + 60
with httpx.Client(transport=httpx.HTTPTransport(retries=5), timeout=5) as client:
    for url in sys.argv[1:]:
        while True:
            try:
                if client.get(url).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                sys.exit(f"le portail de démonstration ne répond pas sur {url}")
PYEOF
  echo "$NAME : portail de démonstration $TARGET (sans API opérateur), recette $RECETTE${FAULTS:+, ANEF_FAULTS=$FAULTS}"
}

# run_suite FOLDER [pytest options]: the suite against $TARGET, reports in FOLDER
run_suite() {
  local folder=$1; shift
  ANEF_REPORTS_DIR="$folder" $PY -m pytest features \
      --target "$TARGET" --mailbox "$MAILBOX" \
      --referentiel "fichier:$RECETTE" --backoffice agent --trust "$TARGET/2d-doc/certificats.pem" \
      --junitxml="$folder/junit.xml" -o junit_suite_name=anef-$NAME --output="$folder/playwright" "$@"
}

if [ "$TRANCHES" -le 1 ]; then
  start_portal "$REPORTS"
  run_suite "$REPORTS" "$@"
  exit
fi

# N shards side by side, then one report
PIDS=()
for i in $(seq 1 "$TRANCHES"); do
  folder="$REPORTS/tranche-$i"
  rm -rf "$folder"
  start_portal "$folder"
  ( set +e; run_suite "$folder" --splits "$TRANCHES" --group "$i" "$@" >"$folder/sortie.log" 2>&1; echo $? >"$folder/code" ) &
  PIDS+=($!)
done
for pid in "${PIDS[@]}"; do wait "$pid"; done
status=0 played=()
for i in $(seq 1 "$TRANCHES"); do
  folder="$REPORTS/tranche-$i"
  echo "------------------------------ deploiement : tranche $i/$TRANCHES ------------------------------"
  cat "$folder/sortie.log"
  code=$(cat "$folder/code")
  [ -f "$folder/execution.json" ] && played+=("$folder")
  if [ "$code" -ne 0 ] && [ "$code" -ne 5 ] && [ "$status" -eq 0 ]; then status=$code; fi  # 5: an empty shard
done
if [ "${#played[@]}" -eq 0 ]; then
  echo "deploiement : aucun scénario joué" >&2
  exit 5
fi
$PY -m harness.cli fusionner "${played[@]}" --sortie "$REPORTS" || status=1
exit "$status"
