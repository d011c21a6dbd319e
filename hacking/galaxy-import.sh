#!/usr/bin/env bash
# Run Galaxy's importer on a built collection tarball; any warning or error fails.
# Its ansible-test step needs Docker, so it is off: make sanity runs ansible-test.
set -euo pipefail
tarball=$(realpath "${1:?usage: galaxy-import.sh TARBALL}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/galaxy-importer.cfg" <<'CFG'
[galaxy-importer]
RUN_ANSIBLE_TEST = False
RUN_ANSIBLE_LINT = True
CHECK_REQUIRED_TAGS = False
CFG
# It writes importer_result.json into the working directory: keep that out of the checkout.
cd "$work"
GALAXY_IMPORTER_CONFIG="$work/galaxy-importer.cfg" python -m galaxy_importer.main "$tarball" > "$work/import.log" 2>&1 || {
  cat "$work/import.log"; echo "galaxy-importer failed"; exit 1; }
cat "$work/import.log"
if grep -Eiq '^(WARNING|ERROR)|warning:|error:' "$work/import.log"; then
  echo "galaxy-importer reported warnings or errors"
  exit 1
fi
echo "galaxy-importer: no warning, no error"
