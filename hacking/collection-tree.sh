#!/usr/bin/env bash
# Copy the collection's files (those git tracks or would track) into DEST, which
# ansible-test needs to end in ansible_collections/ytracker/tracker.
# DEST's tests/output is kept: ansible-test reuses the virtual environment it made there.
set -euo pipefail
dest=${1:?usage: collection-tree.sh DEST}
cd "$(dirname "$0")/.."
kept=
if [ -d "$dest/tests/output" ]; then
  kept=$(mktemp -d "$(dirname "$dest")/.output.XXXXXX")
  mv "$dest/tests/output" "$kept/"
fi
rm -rf "$dest"
mkdir -p "$dest"
git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done \
  | tar --null -T - -cf - | tar -xf - -C "$dest"
if [ -n "$kept" ]; then
  mkdir -p "$dest/tests"
  mv "$kept/output" "$dest/tests/output"
  rmdir "$kept"
fi
# ansible-test lists files through git: give the copy a repository of its own.
git -C "$dest" init -q
git -C "$dest" add -A
