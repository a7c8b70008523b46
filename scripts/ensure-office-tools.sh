#!/usr/bin/env bash
# Exports are checked by programs nobody here wrote: LibreOffice (headless) reads
# the XLSX, DOCX and CSV files back, poppler's pdftotext, pdffonts, pdfinfo and
# pdftoppm read the PDFs. Installs them with apt-get when missing and we may;
# otherwise says what to do.
set -euo pipefail
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Missing ${missing[*]}: installing Debian's packages with apt-get..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && exit 0
fi
echo "Missing: ${missing[*]}. Install as root: apt-get update && apt-get install -y ${missing[*]}" >&2
exit 1
