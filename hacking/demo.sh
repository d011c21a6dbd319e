#!/usr/bin/env bash
# make demo: install the collection from this checkout, start the Tracker emulator, run
# examples/link_build.yml twice against it (the first run creates links, the second changes
# nothing) and show the issue's links, then run examples/release.yml twice the same way and show
# the release issue (status, links, comment, checklist, attachments, time spent), and stop the
# emulator. It needs ansible-core and requests on PATH, nothing else.
#
# Each step is a function: another playbook is one more run_twice (and show_links) at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
work=build/demo
rm -rf "$work" && mkdir -p "$work"

export ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false
# The collection from the checkout, as the README's "from a checkout" shows it.
export ANSIBLE_COLLECTIONS_PATH="$PWD/$work/collections"
ansible-galaxy collection install --force . >/dev/null

start_emulator() {  # sets url and TRACKER_*; the emulator stops when the script ends
  python tools/tracker_emulator.py --url-file "$work/url" > "$work/emulator.log" 2>&1 &
  emulator=$!
  trap 'kill "$emulator" 2>/dev/null; wait "$emulator" 2>/dev/null || true' EXIT
  for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
  if [ ! -s "$work/url" ]; then
    cat "$work/emulator.log" >&2
    echo "demo failed: the emulator did not start" >&2
    exit 1
  fi
  url=$(cat "$work/url")
  echo "Tracker emulator listening on $url"
  export TRACKER_API_URL="$url" TRACKER_OAUTH_TOKEN=emulator-oauth-token TRACKER_ORG_ID=emulator-org
}

changed() { sed -n 's/^localhost *: .*changed=\([0-9]*\).*/\1/p' "$1"; }

run_twice() {  # PLAYBOOK [ARGUMENTS...]: the first run must change something, the second nothing
  local playbook=$1 name first second
  shift
  name=$(basename "$playbook" .yml)
  for run in first second; do
    echo "== $run run of $playbook"
    ansible-playbook -i localhost, -c local "$playbook" "$@" | tee "$work/$name-$run.log"
  done
  first=$(changed "$work/$name-first.log")
  second=$(changed "$work/$name-second.log")
  echo "== changed: first run $first, second run $second"
  if [ "$first" -eq 0 ] || [ "$second" -ne 0 ]; then
    echo "demo failed: the first run of $playbook should change something and the second nothing" >&2
    exit 1
  fi
}

show_links() {  # ISSUE: its external links on the emulator
  echo "== links of $1 on the emulator"
  python - "$url" "$1" <<'PY'
import json, sys, urllib.request
request = urllib.request.Request(sys.argv[1] + '/v3/issues/%s/remotelinks' % sys.argv[2], headers={
    'Authorization': 'OAuth emulator-oauth-token', 'X-Org-ID': 'emulator-org'})
for link in json.load(urllib.request.urlopen(request)):
    print('  %-22s %-12s %s' % (link['object']['application']['id'], link['object']['key'], link['type']['id']))
PY
}

show_release() {  # UNIQUE: the release issue with that unique value, its version, links, comments and records
  echo "== the issue of $1 on the emulator"
  python - "$url" "$1" <<'PY'
import json, sys, urllib.request
def api(path, body=None):
    request = urllib.request.Request(sys.argv[1] + '/v3/' + path, headers={
        'Authorization': 'OAuth emulator-oauth-token', 'X-Org-ID': 'emulator-org',
        'Content-Type': 'application/json'}, data=None if body is None else json.dumps(body).encode())
    return json.load(urllib.request.urlopen(request))
key = api('issues/_search', {'filter': {'unique': sys.argv[2]}})[0]['key']
issue = api('issues/' + key)
shown = {('depends', 'outward'): 'depends on', ('depends', 'inward'): 'is dependent by'}
print('  %-12s %s: %s' % ('issue', key, issue['summary']))
print('  %-12s %s (%s)' % ('status', issue['status']['key'], (issue.get('resolution') or {}).get('key')))
queue = issue['queue']['key']
for version in issue.get('fixVersions') or []:
    released = [item['released'] for item in api('queues/%s/versions' % queue) if str(item['id']) == version['id']]
    print('  %-12s %s (%s)' % ('fix version', version['display'], 'released' if released == [True] else 'open'))
for link in api('issues/%s/remotelinks' % key):
    print('  %-12s %s %s' % ('remote link', link['object']['application']['id'], link['object']['key']))
for link in api('issues/%s/links' % key):
    relationship = shown.get((link['type']['id'], link['direction']), link['type']['id'])
    print('  %-12s %s %s' % ('issue link', relationship, link['object']['key']))
for comment in api('issues/%s/comments' % key):
    lines = comment['text'].split('\n')
    print('\n'.join(['  %-12s %s' % ('comment', lines[0])] + [(' ' * 15 + line).rstrip() for line in lines[1:]]))
for item in api('issues/%s/checklistItems' % key):
    print('  %-12s [%s] %s' % ('checklist', 'x' if item['checked'] else ' ', item['text']))
for attachment in api('issues/%s/attachments' % key):
    print('  %-12s %s (%d bytes)' % ('attachment', attachment['name'], attachment['size']))
for record in api('issues/%s/worklog' % key):
    print('  %-12s %s from %s' % ('time spent', record['duration'], record['start']))
PY
}

start_emulator
run_twice examples/link_build.yml
show_links DEMO-1
# The release as a pipeline passes it; DEMO-2, an issue of the emulator's, is the migration.
# The rollout report in the demo's own directory: a report of an earlier demo is no file of this one.
run_twice examples/release.yml -e release_version=1.4.0 -e build_number=1842 -e release_queue=REL \
  -e migration_issue=DEMO-2 -e rollout_report="$PWD/$work/rollout.txt"
show_release release-web-1.4.0
