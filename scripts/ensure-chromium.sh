#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (never a downloaded browser).
# Installs it with apt-get when missing and we may; otherwise says what to do.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Chromium is missing: installing Debian's chromium package with apt-get..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi
echo "Missing: $CHROMIUM. Install Debian's Chromium as root: apt-get update && apt-get install -y chromium" >&2
exit 1
