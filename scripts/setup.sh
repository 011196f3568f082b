#!/usr/bin/env bash
# Sets up everything the planner needs on a fresh machine: a virtual environment
# with the package and its dev extras, and Graphviz's `dot`. Idempotent: run it
# as often as you like (make demo / make test call it through make).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else return 1; fi; }
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  as_root apt-get install -y -q "$@" >/dev/null 2>&1 && return 0
  as_root apt-get update -q >/dev/null 2>&1 && as_root apt-get install -y -q "$@" >/dev/null 2>&1
}

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed as '$PYTHON' (set PYTHON=/path/to/python3.11)" >&2
  exit 2
fi

if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    apt_install python3-venv || { echo "setup: '$PYTHON -m venv' failed; install your distribution's venv package (Debian: apt-get install -y python3-venv)" >&2; exit 2; }
    "$PYTHON" -m venv "$VENV"
  fi
fi

stamp="$VENV/.installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[dev]'
  touch "$stamp"
fi

if ! command -v dot >/dev/null 2>&1; then
  if apt_install graphviz; then
    echo "setup: installed Graphviz (dot) with apt-get"
  elif command -v brew >/dev/null 2>&1 && brew install graphviz >/dev/null 2>&1; then
    echo "setup: installed Graphviz (dot) with Homebrew"
  else
    echo "setup: Graphviz 'dot' is missing and could not be installed here; install it (Debian/Ubuntu: apt-get install -y graphviz, macOS: brew install graphviz, Fedora: dnf install graphviz, Windows: winget install graphviz) - diagrams are written as .dot until then" >&2
  fi
fi

# TaskJuggler checks the roadmap's --format tjp export in the tests; optional elsewhere.
if ! command -v tj3 >/dev/null 2>&1; then
  apt_install tj3 && echo "setup: installed TaskJuggler (tj3) with apt-get" || true
fi

# A headless Chromium opens the HTML report in its test (make test sets WITH_BROWSER=1);
# the test skips, saying why, where none can be installed.
if [ "${WITH_BROWSER:-0}" = 1 ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  apt_install chromium && echo "setup: installed Chromium with apt-get (for the HTML report test)" || true
fi
