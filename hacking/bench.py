# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""make bench: 30 links on one issue, the collection against hand-written uri tasks.

Each way is run by ansible-playbook against the emulator, first creating the links and then again
with nothing to change, in RUNS rounds that each run every way once; the table gives the median
wall time and the HTTP requests of one run. Targets are ratios between ways measured in this same
run, never absolute times. The table is written into docs/docsite/rst/scale.rst between its bench markers.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
BIN = os.path.dirname(sys.executable)
RUNS = 3
LINKS = 30
KEYS = ['build-%d' % number for number in range(1, LINKS + 1)]
DOC = os.path.join(ROOT, 'docs', 'docsite', 'rst', 'scale.rst')
MARKERS = ('.. bench-table-start', '.. bench-table-end')

PLAY = '''---
- name: Benchmark
  hosts: localhost
  gather_facts: false
  vars:
    ansible_python_interpreter: "{{ ansible_playbook_python }}"
  tasks:
'''
LINK_ARGS = '''        issue: TEST-1
        origin: ru.yandex.teamcity
'''
HEADERS = '''        headers:
          Authorization: "OAuth {{ lookup('ansible.builtin.env', 'TRACKER_OAUTH_TOKEN') }}"
          X-Org-ID: "{{ lookup('ansible.builtin.env', 'TRACKER_ORG_ID') }}"
'''
URL = "{{ lookup('ansible.builtin.env', 'TRACKER_API_URL') }}/v3/issues/TEST-1/remotelinks"
LOOP = '      loop: "{{ range(1, %d) | list }}"\n' % (LINKS + 1)

PLAYBOOKS = {
    'a': PLAY + '''    - name: Link each build, one task per link
      ytracker.tracker.tracker_remote_link:
''' + LINK_ARGS + '''        key: "build-{{ item }}"
''' + LOOP,
    'b': PLAY + '''    - name: Link every build in one task
      ytracker.tracker.tracker_remote_link:
        issue: TEST-1
        links:
''' + ''.join('          - {origin: ru.yandex.teamcity, key: %s}\n' % key for key in KEYS),
    'c': PLAY + '''    - name: Read the issue's links
      ansible.builtin.uri:
        url: "''' + URL + '''"
''' + HEADERS + '''      register: current

    - name: Create the links that are missing
      ansible.builtin.uri:
        url: "''' + URL + '''"
        method: POST
        body_format: json
        body: {relationship: RELATES, origin: ru.yandex.teamcity, key: "build-{{ item }}"}
        status_code: 201
''' + HEADERS + LOOP + '''      when: >-
        ('build-' ~ item) not in (current.json
        | selectattr('object.application.id', 'equalto', 'ru.yandex.teamcity')
        | map(attribute='object.key') | list)
''',
    'ping loop': PLAY + '''    - name: Ping once per link
      ansible.builtin.ping:
''' + LOOP,
    'ping': PLAY + '''    - name: Ping once
      ansible.builtin.ping:
''',
}
TITLES = {
    'a': '(a) loop of tracker_remote_link',
    'b': '(b) one tracker_remote_link task with links',
    'c': '(c) ansible.builtin.uri: GET, then looped POST',
    'ping loop': '(d) loop of ansible.builtin.ping',
    'ping': '(d) one ansible.builtin.ping task',
}


class Emulator:
    def __init__(self, work):
        url_file = os.path.join(work, 'url')
        self.process = subprocess.Popen([sys.executable, os.path.join(ROOT, 'tools', 'tracker_emulator.py'),
                                         '--url-file', url_file], stdout=subprocess.PIPE, text=True)
        self.url = self.process.stdout.readline().rsplit(' ', 1)[1].strip()

    def control(self, method, path):
        request = urllib.request.Request(self.url + '/_emulator/' + path, method=method, data=b'' if method == 'POST' else None)
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def install_collection(work):
    subprocess.run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'build', '--output-path', work, ROOT],
                   check=True, capture_output=True)
    tarball = [name for name in os.listdir(work) if name.endswith('.tar.gz')][0]
    subprocess.run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'install', '-p', os.path.join(work, 'collections'),
                    os.path.join(work, tarball)], check=True, capture_output=True)


def run_playbook(path, env):
    started = time.monotonic()
    process = subprocess.run([os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local', path],
                             env=env, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    if process.returncode != 0:
        sys.exit('%s failed:\n%s%s' % (path, process.stdout, process.stderr))
    return elapsed


def measure_once(emulator, path, env, fresh):
    """Seconds of one run and its requests; fresh: the run starts with no links."""
    if fresh:
        emulator.control('POST', 'reset')
    before = len(emulator.control('GET', 'requests'))
    seconds = run_playbook(path, env)
    return seconds, len(emulator.control('GET', 'requests')) - before


def main():
    work = tempfile.mkdtemp(prefix='tracker-bench-')
    install_collection(work)
    emulator = Emulator(work)
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=os.path.join(work, 'collections'), ANSIBLE_NOCOLOR='1',
               ANSIBLE_LOCALHOST_WARNING='0', ANSIBLE_INVENTORY_UNPARSED_WARNING='0',
               TRACKER_API_URL=emulator.url, TRACKER_OAUTH_TOKEN='emulator-oauth-token',
               TRACKER_ORG_ID='emulator-org', PATH=BIN + os.pathsep + os.environ['PATH'])
    paths = {}
    for name, text in PLAYBOOKS.items():
        paths[name] = os.path.join(work, name.replace(' ', '_') + '.yml')
        with open(paths[name], 'w') as handle:
            handle.write(text)

    # Every round runs every way once, so that a slower moment of the machine weighs on all alike.
    order = [('a', 'create'), ('a', 'unchanged'), ('b', 'create'), ('b', 'unchanged'),
             ('c', 'create'), ('c', 'unchanged'), ('ping loop', 'unchanged'), ('ping', 'unchanged')]
    samples = dict((way, []) for way in order)
    try:
        for dummy in range(RUNS):
            for name, phase in order:
                samples[name, phase].append(measure_once(emulator, paths[name], env, fresh=phase == 'create'))
    finally:
        emulator.stop()
    results = {}
    for (name, phase), runs in samples.items():
        results[name, phase] = (statistics.median(seconds for seconds, dummy in runs), runs[-1][1])
    for name in ('ping loop', 'ping'):
        results[name, 'create'] = results[name, 'unchanged']

    table = render(results)
    print(table)
    update_doc(table)
    return 0 if all(met for dummy, dummy, met in targets(results)) else 1


def targets(results):
    def seconds(name, phase):
        return results[name, phase][0]

    return [
        ('(b) unchanged / one ping', seconds('b', 'unchanged') / seconds('ping', 'unchanged'), 1.15),
        ('(b) unchanged / (c) unchanged', seconds('b', 'unchanged') / seconds('c', 'unchanged'), 1.0),
        ('(b) create / (c) create', seconds('b', 'create') / seconds('c', 'create'), 0.3),
        ('(a) unchanged / ping loop', seconds('a', 'unchanged') / seconds('ping loop', 'unchanged'), 1.3),
    ]


def render(results):
    """Two reStructuredText tables: the ways, then the targets."""
    ways = [('Way', 'Create: s', 'requests', 'Unchanged: s', 'requests')]
    for name in ('a', 'b', 'c', 'ping loop', 'ping'):
        create, unchanged = results[name, 'create'], results[name, 'unchanged']
        ways.append((TITLES[name], '%.2f' % create[0], str(create[1]), '%.2f' % unchanged[0], str(unchanged[1])))
    goals = [('Target', 'Ratio', 'At most', 'Met')]
    for title, ratio, limit in targets(results):
        goals.append((title, '%.2f' % ratio, '%.2f' % limit, 'yes' if ratio <= limit else 'NO'))
    return simple_table(ways) + '\n\n' + simple_table(goals)


def simple_table(rows):
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    rule = '  '.join('=' * width for width in widths)

    def line(row):
        return '  '.join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()

    return '\n'.join([rule, line(rows[0]), rule] + [line(row) for row in rows[1:]] + [rule])


def update_doc(table):
    with open(DOC) as handle:
        text = handle.read()
    start, end = text.index(MARKERS[0]), text.index(MARKERS[1])
    stamp = '%d links on one issue, median of %d runs, %s, Python %s, %d cores.' % (
        LINKS, RUNS, time.strftime('%Y-%m-%d'), sys.version.split()[0], os.cpu_count())
    block = '%s\n\n%s\n\n%s\n\n' % (MARKERS[0], stamp, table)
    with open(DOC, 'w') as handle:
        handle.write(text[:start] + block + text[end:])


if __name__ == '__main__':
    sys.exit(main())
