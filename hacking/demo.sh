#!/usr/bin/env bash
# make demo: build and install the collection, start the Tracker emulator, run
# examples/link_build.yml twice against it (the first run creates links, the second
# changes nothing), show the issue's links, and stop the emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
work=build/demo
rm -rf "$work" && mkdir -p "$work"

export ANSIBLE_COLLECTIONS_PATH="$work/collections" ANSIBLE_LOCALHOST_WARNING=false
export ANSIBLE_INVENTORY_UNPARSED_WARNING=false
ansible-galaxy collection build --force --output-path "$work" . >/dev/null
ansible-galaxy collection install --force -p "$work/collections" "$work"/ytracker-tracker-*.tar.gz >/dev/null

python tools/tracker_emulator.py --url-file "$work/url" > "$work/emulator.log" 2>&1 &
emulator=$!
trap 'kill "$emulator" 2>/dev/null; wait "$emulator" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(cat "$work/url")
echo "Tracker emulator listening on $url"

export TRACKER_API_URL="$url" TRACKER_OAUTH_TOKEN=emulator-oauth-token TRACKER_ORG_ID=emulator-org

changed() { sed -n 's/^localhost *: .*changed=\([0-9]*\).*/\1/p' "$1"; }
for run in first second; do
  echo "== $run run of examples/link_build.yml"
  ansible-playbook -i localhost, -c local examples/link_build.yml | tee "$work/$run.log"
done
first=$(changed "$work/first.log")
second=$(changed "$work/second.log")
echo "== changed: first run $first, second run $second"
if [ "$first" -eq 0 ] || [ "$second" -ne 0 ]; then
  echo "demo failed: the first run should change something and the second nothing" >&2
  exit 1
fi

echo "== links of DEMO-1 on the emulator"
python - "$url" <<'PY'
import json, sys, urllib.request
request = urllib.request.Request(sys.argv[1] + '/v3/issues/DEMO-1/remotelinks', headers={
    'Authorization': 'OAuth emulator-oauth-token', 'X-Org-ID': 'emulator-org'})
for link in json.load(urllib.request.urlopen(request)):
    print('  %-22s %-12s %s' % (link['object']['application']['id'], link['object']['key'], link['type']['id']))
PY
