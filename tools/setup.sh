#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine (as root, or with sudo) for dcity-docs: LibreOffice with
# fonts that have full Cyrillic, poppler and gettext tools, then the package and its test extras.
# Safe to run again: what is already there is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
[ -d /usr/share/fonts/truetype/liberation2 ] || need+=(fonts-liberation2)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v msgfmt >/dev/null || need+=(gettext)
[ -e /usr/share/hyphen/hyph_uk_UA.dic ] || need+=(hyphen-uk hyphen-en-gb)
command -v hunspell >/dev/null || need+=(hunspell)  # the spelling test reads every document
[ -e /usr/share/hunspell/uk_UA.dic ] || need+=(hunspell-uk)
[ -e /usr/share/hunspell/en_GB.dic ] || need+=(hunspell-en-gb)
[ -e /usr/lib/python3/dist-packages/uno.py ] || need+=(python3-uno)  # for unoserver conversion servers
command -v stunnel >/dev/null || need+=(stunnel4)  # the README's TLS proxy for a remote converter, and its test
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
# --upgrade --upgrade-strategy eager: the newest releases pyproject.toml allows, even where older
# ones are installed, so that this machine (and CI on it) sees what a fresh `pip install` gives.
log="$(mktemp)"
if ! "$PYTHON" -m pip install -q --disable-pip-version-check --upgrade --upgrade-strategy eager \
    -e ".[test]" >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"; echo "setup: pip install failed" >&2; exit 1
fi
grep -v -E "^(WARNING: Running pip as|WARNING: Location)" "$log" >&2 || true
rm -f "$log"
"$PYTHON" -m dcity_docs --version >/dev/null
