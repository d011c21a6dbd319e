#!/usr/bin/env bash
# Build the collection's documentation site into DEST (pages in DEST/build/html): antsibull-docs
# writes a Sphinx project for ytracker.tracker (a page per module, the guides of docs/docsite, the
# changelog), Sphinx builds it with warnings as errors, then hacking/check-docs.py checks the pages.
# Needs antsibull-docs, antsibull-changelog, Sphinx, sphinx-ansible-theme and ansible-doc on PATH
# (make docs sets that up).
set -euo pipefail
dest=${1:?usage: build-docs.sh DEST}
cd "$(dirname "$0")/.."
root=$PWD

# antsibull-docs reads the collection from a collections path, as ansible-doc does: a copy of it.
# In the copy, the changelog gets the release of galaxy.yml's version from the pending fragments,
# unless that version is released already: the site documents that version, changes included.
src=build/docsite-src
hacking/collection-tree.sh "$src/ansible_collections/ytracker/tracker"
export ANSIBLE_COLLECTIONS_PATH=$root/$src
(cd "$src/ansible_collections/ytracker/tracker" && antsibull-changelog release >/dev/null)

rm -rf "$dest"
mkdir -p "$dest"
chmod 755 "$dest"  # antsibull-docs wants a directory that only its owner may write
antsibull-docs sphinx-init --use-current --squash-hierarchy --fail-on-error --dest-dir "$dest" \
  --project ytracker.tracker --title ytracker.tracker --copyright 'ytracker.tracker contributors' \
  --extra-html-theme-options documentation_home_url=https://docs.ansible.com/ \
  ytracker.tracker >/dev/null
# Offline: the intersphinx inventories its conf.py falls back to.
python hacking/docs-inventories.py "$dest"
# antsibull-docs collection --fail-on-error, then sphinx-build -W --keep-going.
"$dest/build.sh"
python hacking/check-docs.py "$dest/build/html"
