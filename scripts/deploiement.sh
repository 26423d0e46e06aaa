#!/usr/bin/env bash
# The proof that the suite judges a deployment by the guides alone: the bundled portal plays a
# vendor's deployment (--demo: no operator API; --recette: its reference data are the jeu de données
# de recette), and the whole suite runs against it as against any target, with the recette data set,
# the agent's back-office pages and the target's published trust list. Clock scenarios are skipped,
# with their reason. Usage: scripts/deploiement.sh [--reformule] [pytest options, e.g. -m compte]
# --reformule: the portal rewords every DERIVED text (fault mode reformule_derives), as a deployment
# with its own wording would: the run must still end with 0 failures, and a remarque for each
# reworded text it checked (reports under reports/deploiement-reformule/).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
RECETTE=${RECETTE:-docs/recette-exemple.yaml}
FAULTS=${ANEF_FAULTS:-}
NAME=deploiement
if [ "${1:-}" = "--reformule" ]; then
    shift
    FAULTS=reformule_derives${FAULTS:+,$FAULTS}
    NAME=deploiement-reformule
fi
REPORTS=${ANEF_REPORTS_DIR:-reports}/$NAME
mkdir -p "$REPORTS"
read -r PORT SMTP MAIL < <($PY - <<'PYEOF'
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
for s in socks:
    s.close()
PYEOF
)
DATA=$(mktemp -d -t anef-deploiement-XXXXXX)
ANEF_FAULTS="$FAULTS" $PY -m fake_anef serve --demo --recette "$RECETTE" --port "$PORT" --smtp-port "$SMTP" --mail-port "$MAIL" \
    --data-dir "$DATA" >"$REPORTS/portal.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
TARGET="http://127.0.0.1:$PORT"
MAILBOX="http://127.0.0.1:$MAIL"
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
ANEF_REPORTS_DIR="$REPORTS" $PY -m pytest features \
    --target "$TARGET" --mailbox "$MAILBOX" \
    --referentiel "fichier:$RECETTE" --backoffice agent --trust "$TARGET/2d-doc/certificats.pem" \
    --junitxml="$REPORTS/junit.xml" -o junit_suite_name=anef-$NAME "$@"
