#!/usr/bin/env bash
# Installs what the project needs and is missing: Debian's Chromium (Playwright cannot download
# its own browser here) and the DejaVu fonts, a virtual environment in .venv, and the project with its dependencies.
# Safe to run again: each part is skipped when already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

# Xvfb: the narrated replay is shown headed on a virtual screen in a test (tests/harness/test_narration.py).
# DejaVu Sans: the portal's PDFs print every Latin letter with it (Helvetica lacks ğ, ı, ł…).
# Chromium's headless shell: what headless runs launch (harness/plugin.py), about a third less CPU than the full browser in the features run.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromium-headless-shell ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ ! -x /usr/bin/Xvfb ]; then
  echo "bootstrap: installation de Chromium (et son mode sans fenêtre), DejaVu et Xvfb (paquets Debian)…"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-headless-shell fonts-dejavu-core xvfb >/dev/null
fi

PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: création de l'environnement virtuel .venv…"
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-pyproject
if [ ! -f "$stamp" ] || ! cmp -s pyproject.toml "$stamp"; then
  echo "bootstrap: installation des dépendances Python…"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e .
  cp pyproject.toml "$stamp"
fi
