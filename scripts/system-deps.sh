#!/usr/bin/env bash
# System packages that pip cannot install: Pango for WeasyPrint (PDFs), poppler-utils for reading
# PDFs back in tests, the PostgreSQL client for backups, and with --browser Debian's Chromium for the Playwright tests.
# Each is skipped when already present, so a prepared machine installs nothing.
set -euo pipefail

missing=()
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# pg_dump and pg_restore for `manage.py backup` and `restore` on PostgreSQL.
command -v pg_dump >/dev/null || missing+=(postgresql-client)
if [ "${1:-}" = "--browser" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing system packages: ${missing[*]}"
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd="sudo"
fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
