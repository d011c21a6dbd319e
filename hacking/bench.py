# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""make bench: 30 links on one issue, the collection against hand-written uri tasks; then scale.

Each way is run by ansible-playbook against the emulator, first creating the links and then again
with nothing to change, in RUNS rounds that each run every way once; the table gives the median
wall time and the HTTP requests of one run. Targets are ratios between ways measured in this same
run, never absolute times.

The scale table times the plan alone (plan_changes, in this process) for issues of 1,000 to
100,000 links, and a tracker_remote_link task whose links are all on the issue already, at 500
and 5,000 links: cost must grow with the links, not with their square.

The issues table times tracker_issue with nothing to change against one uri GET, and a loop of it
against a loop of ansible.builtin.debug; the versions table does the same for tracker_version,
against one uri GET of the queue's versions; the checklist table times tracker_checklist of 10
items with nothing to change against one uri GET of the checklist; the attachment table times
tracker_attachment of a 20 MB file attached already against one uri download of it, and measures
the peak memory of uploading a 200 MB file. The lookups table times a
loop of 30 whose ``when:`` asks the issue lookup against one whose ``when:`` reads a plain variable,
and prices the difference per item against one uri GET of the issue. The last table times tasks against a port where nothing
listens: those targets are seconds, as an ops team waits for a dead endpoint to be reported.

The tables go to build/bench/tables.rst, and nowhere else. ``bench.py --docs`` (make bench-docs)
copies the last of them into docs/docsite/rst/scale.rst between its bench markers: a deliberate
step, once the figures are those of the code that the page describes.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
BIN = os.path.dirname(sys.executable)
# Rounds of each way: the median of five keeps a slower moment of the machine from deciding a target.
RUNS = 5
LINKS = 30
KEYS = ['build-%d' % number for number in range(1, LINKS + 1)]
PLAN_SIZES = (1000, 10000, 100000)
PLAN_TARGET = (10000, 0.1)  # planning for this many links takes at most this many seconds
TASK_SIZES = (500, 5000)
TASK_GROWTH_TARGET = 5.0  # ten times the links costs at most this many times the time
DOC = os.path.join(ROOT, 'docs', 'docsite', 'rst', 'scale.rst')
TABLES = os.path.join(ROOT, 'build', 'bench', 'tables.rst')
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
TASK_NAMING_LINKS = '''    - name: Name every link of the issue
      ytracker.tracker.tracker_remote_link:
        issue: TEST-1
        links:
'''
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

    def control(self, method, path, body=None):
        data = json.dumps(body or {}).encode() if method == 'POST' else None
        request = urllib.request.Request(self.url + '/_emulator/' + path, method=method, data=data)
        with urllib.request.urlopen(request, timeout=60) as response:
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
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('--docs', action='store_true',
                        help='copy the tables of the last run (%s) into %s, and measure nothing'
                        % (os.path.relpath(TABLES, ROOT), os.path.relpath(DOC, ROOT)))
    if parser.parse_args().docs:
        return copy_to_doc()
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
    goals = targets(results)
    table = render(results, goals)
    print(table)

    every_goal = list(goals)
    for measure in (measure_scale, measure_issues, measure_versions, measure_checklist, measure_attachment, measure_bulk,
                    measure_lookups, measure_dead_endpoint):
        more, more_goals = measure(work, env)
        table += '\n\n' + more
        print('\n' + more)
        every_goal += more_goals
    write_tables(table)
    return 0 if all(ratio <= limit for dummy, ratio, limit in every_goal) else 1


def plan_seconds(links_module, size):
    """Median seconds of planning ``size`` wanted links against an issue that holds all of them."""
    def api_link(number):
        origin = 'ru.yandex.teamcity'
        # Half the links in each shape the reference shows.
        application = origin if number % 2 else str(2581100000 + number % 7)
        return {'id': number, 'type': {'id': 'relates'}, 'direction': 'outward',
                'object': {'self': 'https://tracker.example/v3/applications/%s/objects/%d' % (origin, number),
                           'key': 'build-%d' % number,
                           'application': {'id': application,
                                           'self': 'https://tracker.example/v3/applications/' + application}}}

    current = [api_link(number) for number in range(size)]
    wanted = [links_module.wanted_link('ru.yandex.teamcity', 'build-%d' % number) for number in range(size)]
    seconds = []
    for dummy in range(RUNS):
        started = time.perf_counter()
        plan = links_module.plan_changes(wanted, current, purge=True)
        seconds.append(time.perf_counter() - started)
    if plan.to_create or plan.to_delete or len(plan.kept) != size:
        sys.exit('the plan of %d links that are all present changes something' % size)
    return statistics.median(seconds)


def task_seconds(work, env, size):
    """Median seconds and requests of one task naming ``size`` links, all on the issue already."""
    emulator = Emulator(work)
    try:
        keys = ['build-%d' % number for number in range(size)]
        emulator.control('POST', 'links', {'issue': 'TEST-1', 'links': [
            {'origin': 'ru.yandex.teamcity', 'key': key} for key in keys]})
        path = os.path.join(work, 'links_%d.yml' % size)
        with open(path, 'w') as handle:
            handle.write(PLAY + TASK_NAMING_LINKS + ''.join(
                '          - {origin: ru.yandex.teamcity, key: %s}\n' % key for key in keys))
        env = dict(env, TRACKER_API_URL=emulator.url)
        runs = [measure_once(emulator, path, env, fresh=False) for dummy in range(RUNS)]
    finally:
        emulator.stop()
    return statistics.median(seconds for seconds, dummy in runs), runs[-1][1]


def measure_scale(work, env):
    """The scale table and its targets."""
    sys.path.insert(0, os.path.join(work, 'collections'))
    from ansible_collections.ytracker.tracker.plugins.module_utils import _links

    rows = [('Work', 'Links', 'Seconds', 'Requests')]
    planned = {}
    for size in PLAN_SIZES:
        planned[size] = plan_seconds(_links, size)
        rows.append(('plan_changes, all present, purge', '{:,}'.format(size), '%.3f' % planned[size], '0'))
    tasks = {}
    for size in TASK_SIZES:
        tasks[size] = task_seconds(work, env, size)
        rows.append(('one task naming every link', '{:,}'.format(size), '%.2f' % tasks[size][0],
                     str(tasks[size][1])))
    small, large = TASK_SIZES
    goals = [
        ('plan of {:,} links, in seconds'.format(PLAN_TARGET[0]), planned[PLAN_TARGET[0]], PLAN_TARGET[1]),
        ('task of {:,} / task of {:,}'.format(large, small), tasks[large][0] / tasks[small][0], TASK_GROWTH_TARGET),
    ]
    return simple_table(rows) + '\n\n' + goals_table(goals), goals


def targets(results):
    def seconds(name, phase):
        return results[name, phase][0]

    return [
        ('(b) unchanged / one ping', seconds('b', 'unchanged') / seconds('ping', 'unchanged'), 1.15),
        ('(b) unchanged / (c) unchanged', seconds('b', 'unchanged') / seconds('c', 'unchanged'), 1.0),
        ('(b) create / (c) create', seconds('b', 'create') / seconds('c', 'create'), 0.3),
        ('(a) unchanged / ping loop', seconds('a', 'unchanged') / seconds('ping loop', 'unchanged'), 1.3),
    ]


def render(results, goals):
    """Two reStructuredText tables: the ways, then the targets."""
    ways = [('Way', 'Create: s', 'requests', 'Unchanged: s', 'requests')]
    for name in ('a', 'b', 'c', 'ping loop', 'ping'):
        create, unchanged = results[name, 'create'], results[name, 'unchanged']
        ways.append((TITLES[name], '%.2f' % create[0], str(create[1]), '%.2f' % unchanged[0], str(unchanged[1])))
    return simple_table(ways) + '\n\n' + goals_table(goals)


def goals_table(goals):
    rows = [('Target', 'Ratio', 'At most', 'Met')]
    for title, ratio, limit in goals:
        rows.append((title, '%.3f' % ratio if ratio < 0.1 else '%.2f' % ratio, '%.2f' % limit,
                     'yes' if ratio <= limit else 'NO'))
    return simple_table(rows)


def simple_table(rows):
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    rule = '  '.join('=' * width for width in widths)

    def line(row):
        return '  '.join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()

    return '\n'.join([rule, line(rows[0]), rule] + [line(row) for row in rows[1:]] + [rule])


def write_tables(table):
    """The tables, with when and where they were measured, into build/bench."""
    stamp = '%d links on one issue, median of %d runs, %s, Python %s, %d cores.' % (
        LINKS, RUNS, time.strftime('%Y-%m-%d'), sys.version.split()[0], os.cpu_count())
    os.makedirs(os.path.dirname(TABLES), exist_ok=True)
    with open(TABLES, 'w') as handle:
        handle.write('%s\n\n%s\n' % (stamp, table))
    print('\nTables written to %s; make bench-docs copies them into %s.'
          % (os.path.relpath(TABLES, ROOT), os.path.relpath(DOC, ROOT)))


def copy_to_doc():
    """The tables of the last make bench into the page, between its markers."""
    if not os.path.exists(TABLES):
        sys.exit('%s is missing: run make bench first.' % os.path.relpath(TABLES, ROOT))
    with open(TABLES) as handle:
        tables = handle.read().strip()
    with open(DOC) as handle:
        text = handle.read()
    start, end = text.index(MARKERS[0]), text.index(MARKERS[1])
    with open(DOC, 'w') as handle:
        handle.write(text[:start] + '%s\n\n%s\n\n' % (MARKERS[0], tables) + text[end:])
    print('%s: tables of %s copied in' % (os.path.relpath(DOC, ROOT), os.path.relpath(TABLES, ROOT)))
    return 0


# tracker_issue: a task whose issue is already as it says, against the one ansible.builtin.uri GET
# that reads the issue; and a loop over 30 such issues against a loop of ansible.builtin.debug.

ISSUES = 30
ISSUE_LOOP = '      loop: "{{ range(1, %d) | list }}"\n' % (ISSUES + 1)
ISSUE_PLAYBOOKS = {
    'issue': PLAY + '''    - name: The issue, already as the task says
      ytracker.tracker.tracker_issue:
        key: TEST-1
        summary: Issue TEST-1
        type: task
        priority: normal
        status: open
''',
    'issue uri': PLAY + '''    - name: Read the issue
      ansible.builtin.uri:
        url: "{{ lookup('ansible.builtin.env', 'TRACKER_API_URL') }}/v3/issues/TEST-1"
''' + HEADERS,
    'issue loop': PLAY + '''    - name: Each issue, already as the task says
      ytracker.tracker.tracker_issue:
        key: "BULK-{{ item }}"
        summary: "Bulk issue {{ item }}"
        status: open
''' + ISSUE_LOOP,
    'debug loop': PLAY + '''    - name: Show each issue's key
      ansible.builtin.debug:
        msg: "BULK-{{ item }}"
''' + ISSUE_LOOP,
}
ISSUE_TITLES = {
    'issue': '(e) tracker_issue, nothing to change',
    'issue uri': '(f) ansible.builtin.uri: GET of the issue',
    'issue loop': '(g) loop of tracker_issue over %d issues, nothing to change' % ISSUES,
    'debug loop': '(h) loop of ansible.builtin.debug, %d items' % ISSUES,
}


def measure_ways(work, env, playbooks, titles, seeds=(), fill=None):
    """Seconds and requests of each of ``playbooks`` (every way once a round, RUNS rounds, the median
    of each) against an emulator of its own, given ``seeds`` first ((control path, body) pairs); and
    their table. ``fill``: a function of the seeds' answers that gives the values of the playbooks'
    %-placeholders."""
    emulator = Emulator(work)
    try:
        answers = [emulator.control('POST', path, body) for path, body in seeds]
        if fill is not None:
            values = fill(answers)
            playbooks = dict((name, text % values) for name, text in playbooks.items())
        env = dict(env, TRACKER_API_URL=emulator.url)
        paths = {}
        for name, text in playbooks.items():
            paths[name] = os.path.join(work, name.replace(' ', '_') + '.yml')
            with open(paths[name], 'w') as handle:
                handle.write(text)
        samples = dict((name, []) for name in playbooks)
        for dummy in range(RUNS):
            for name in playbooks:
                samples[name].append(measure_once(emulator, paths[name], env, fresh=False))
    finally:
        emulator.stop()
    results = dict((name, (statistics.median(seconds for seconds, dummy in runs), runs[-1][1]))
                   for name, runs in samples.items())
    rows = [('Way', 'Seconds', 'Requests')]
    rows += [(titles[name], '%.2f' % results[name][0], str(results[name][1])) for name in playbooks]
    return results, simple_table(rows)


def measure_issues(work, env):
    """The issues table and its targets."""
    results, table = measure_ways(work, env, ISSUE_PLAYBOOKS, ISSUE_TITLES,
                                  seeds=[('issues', {'queue': 'BULK', 'count': ISSUES})])
    goals = [
        ('(e) / (f)', results['issue'][0] / results['issue uri'][0], 1.0),
        ('(g) / (h)', results['issue loop'][0] / results['debug loop'][0], 1.3),
    ]
    return table + '\n\n' + goals_table(goals), goals


# tracker_checklist: a task of 10 items, each already as it says, against one ansible.builtin.uri GET
# of the checklist: it sends that one read, and no more.

CHECKLIST_ITEMS = 10
CHECKLIST_PLAYBOOKS = {
    'checklist': PLAY + '''    - name: The release checklist, already as the task says
      ytracker.tracker.tracker_checklist:
        issue: TEST-1
        items:
''' + ''.join('''          - text: Step %d
            checked: %s
            assignee: alice
            deadline: "2026-12-05"
''' % (number, 'true' if number % 2 else 'false') for number in range(1, CHECKLIST_ITEMS + 1)),
    'checklist uri': PLAY + '''    - name: Read the checklist
      ansible.builtin.uri:
        url: "{{ lookup('ansible.builtin.env', 'TRACKER_API_URL') }}/v3/issues/TEST-1/checklistItems"
''' + HEADERS,
}
CHECKLIST_TITLES = {
    'checklist': '(v) tracker_checklist, %d items, nothing to change' % CHECKLIST_ITEMS,
    'checklist uri': '(w) ansible.builtin.uri: GET of the checklist',
}
CHECKLIST_SEEDS = [('checklists', {'issue': 'TEST-1', 'items': [
    {'text': 'Step %d' % number, 'checked': bool(number % 2), 'assignee': 'alice',
     'deadline': {'date': '2026-12-05T00:00:00.000+0000', 'deadlineType': 'date'}}
    for number in range(1, CHECKLIST_ITEMS + 1)]})]


def measure_checklist(work, env):
    """The checklist table and its targets: one read, within 1.2 times one uri GET."""
    results, table = measure_ways(work, env, CHECKLIST_PLAYBOOKS, CHECKLIST_TITLES, seeds=CHECKLIST_SEEDS)
    goals = [
        ('(v) / (w)', results['checklist'][0] / results['checklist uri'][0], 1.2),
        ('requests of (v) / of (w)', float(results['checklist'][1]) / results['checklist uri'][1], 1.0),
    ]
    return table + '\n\n' + goals_table(goals), goals


# tracker_attachment: a 20 MB file attached already, against one ansible.builtin.uri download of
# it (the task downloads it once to compare, so the download is the floor); and the peak memory of
# uploading a 200 MB file, streamed from disk: of the module process (measured by the interpreter it
# runs with, PEAK_RSS), and of the whole play with the task in Ansible's process.

ATTACHMENT_MB = 20
UPLOAD_MB = 200
MEMORY_TARGET_MB = 100
PEAK_RSS = """import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], 'a') as handle:
    handle.write('%d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""
ATTACHMENT_PLAYBOOKS = {
    'attachment': PLAY + """    - name: The report, attached already
      ytracker.tracker.tracker_attachment:
        issue: TEST-1
        src: %(report)s
""",
    'attachment uri': PLAY + """    - name: Download the report once
      ansible.builtin.uri:
        url: "{{ lookup('ansible.builtin.env', 'TRACKER_API_URL') }}/v3/issues/TEST-1/attachments/%(id)s/report.txt"
        dest: %(downloaded)s
""" + HEADERS,
    'upload': PLAY + """    - name: No large file attached yet
      ytracker.tracker.tracker_attachment:
        issue: TEST-2
        name: large.bin
        state: absent

    - name: Upload the large file
      ytracker.tracker.tracker_attachment:
        issue: TEST-2
        src: %(large)s
""",
}
ATTACHMENT_TITLES = {
    'attachment': '(x) tracker_attachment, %d MB attached already' % ATTACHMENT_MB,
    'attachment uri': '(y) ansible.builtin.uri: download of the %d MB file' % ATTACHMENT_MB,
}


def write_file(path, megabytes):
    """A file of ``megabytes`` MB of numbered lines: text, so that the emulator can be seeded with it."""
    line = 'line %010d of the report, padded to sixty-four bytes.........\n'
    with open(path, 'w') as handle:
        for number in range(megabytes * 1024 * 1024 // 64):
            handle.write(line % number)


def peak_megabytes(work, env, path, command, module_process):
    """The peak resident memory, in MB, of a run of ``path``: of its module processes, or of the whole run."""
    peaks = os.path.join(work, 'peaks-%s.txt' % ('module' if module_process else 'play'))
    wrapper = os.path.join(work, 'peak_rss.py')
    with open(wrapper, 'w') as handle:
        handle.write(PEAK_RSS)
    if os.path.exists(peaks):
        os.remove(peaks)
    if module_process:
        interpreter = os.path.join(work, 'peak-python')
        with open(interpreter, 'w') as handle:
            handle.write('#!/bin/sh\nexec %s %s %s %s "$@"\n' % (sys.executable, wrapper, peaks, sys.executable))
        os.chmod(interpreter, 0o755)
        run = command + ['-e', 'ansible_python_interpreter=' + interpreter, '-e', 'ytracker_tracker_in_process=false']
    else:
        run = [sys.executable, wrapper, peaks] + command
    process = subprocess.run(run + [path], env=env, capture_output=True, text=True, check=False)
    if process.returncode != 0:
        sys.exit('%s failed:\n%s%s' % (path, process.stdout, process.stderr))
    with open(peaks) as handle:
        return max(int(line) for line in handle) / 1024.0


def measure_attachment(work, env):
    """The attachment table and its targets."""
    names = dict((name, os.path.join(work, name)) for name in ('report.txt', 'downloaded.txt', 'large.bin'))
    write_file(names['report.txt'], ATTACHMENT_MB)
    write_file(names['large.bin'], UPLOAD_MB)
    values = dict(report=names['report.txt'], downloaded=names['downloaded.txt'], large=names['large.bin'])
    with open(names['report.txt']) as handle:
        seeds = [('attachments', {'issue': 'TEST-1', 'attachments': [{'name': 'report.txt', 'text': handle.read()}]})]
    playbooks = dict((name, ATTACHMENT_PLAYBOOKS[name]) for name in ATTACHMENT_TITLES)
    results, table = measure_ways(work, env, playbooks, ATTACHMENT_TITLES, seeds=seeds,
                                  fill=lambda answers: dict(values, id=answers[0]['ids'][0]))
    emulator = Emulator(work)
    try:
        upload = os.path.join(work, 'upload.yml')
        with open(upload, 'w') as handle:
            handle.write(ATTACHMENT_PLAYBOOKS['upload'] % values)
        command = [os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local']
        env = dict(env, TRACKER_API_URL=emulator.url)
        module_peak = peak_megabytes(work, env, upload, command, module_process=True)
        play_peak = peak_megabytes(work, env, upload, command, module_process=False)
    finally:
        emulator.stop()
    rows = [('Way', 'MB')]
    rows += [('(z) the module process uploading %d MB, at its peak' % UPLOAD_MB, '%.0f' % module_peak),
             ('(z) the whole play, the task in its process, uploading %d MB, at its peak' % UPLOAD_MB, '%.0f' % play_peak)]
    goals = [
        ('(x) / (y)', results['attachment'][0] / results['attachment uri'][0], 1.5),
        ('(z) module process, MB', module_peak, MEMORY_TARGET_MB),
        ('(z) whole play, MB', play_peak, MEMORY_TARGET_MB),
    ]
    return table + '\n\n' + simple_table(rows) + '\n\n' + goals_table(goals), goals


# tracker_version: a task whose version is already as it says, against the one ansible.builtin.uri
# GET of the queue's versions; and a loop over 30 such versions against a loop of debug.

VERSIONS = 30
VERSION_LOOP = '      loop: "{{ range(1, %d) | list }}"\n' % (VERSIONS + 1)
VERSION_PLAYBOOKS = {
    'version': PLAY + '''    - name: The version, already as the task says
      ytracker.tracker.tracker_version:
        queue: REL
        name: "2.9"
        description: Bench
        due_date: "2026-07-01"
''',
    'version uri': PLAY + '''    - name: Read the queue's versions
      ansible.builtin.uri:
        url: "{{ lookup('ansible.builtin.env', 'TRACKER_API_URL') }}/v3/queues/REL/versions"
''' + HEADERS,
    'version loop': PLAY + '''    - name: Each version, already as the task says
      ytracker.tracker.tracker_version:
        queue: REL
        name: "3.{{ item }}"
        released: true
''' + VERSION_LOOP,
    'version debug loop': PLAY + '''    - name: Show each version's name
      ansible.builtin.debug:
        msg: "3.{{ item }}"
''' + VERSION_LOOP,
}
VERSION_TITLES = {
    'version': '(k) tracker_version, nothing to change',
    'version uri': "(l) ansible.builtin.uri: GET of the queue's versions",
    'version loop': '(m) loop of tracker_version over %d versions, nothing to change' % VERSIONS,
    'version debug loop': '(n) loop of ansible.builtin.debug, %d items' % VERSIONS,
}
VERSION_SEEDS = [('versions', {'versions': [{'queue': 'REL', 'name': '2.9', 'description': 'Bench', 'dueDate': '2026-07-01'}]
                               + [{'queue': 'REL', 'name': '3.%d' % number, 'released': True}
                                  for number in range(1, VERSIONS + 1)]})]


def measure_versions(work, env):
    """The versions table and its targets."""
    results, table = measure_ways(work, env, VERSION_PLAYBOOKS, VERSION_TITLES, seeds=VERSION_SEEDS)
    goals = [
        ('(k) / (l)', results['version'][0] / results['version uri'][0], 1.0),
        ('(m) / (n)', results['version loop'][0] / results['version debug loop'][0], 1.2),
    ]
    return table + '\n\n' + goals_table(goals), goals


# The issue lookup in a when: a loop of 30 debug tasks whose condition reads the issue, against the
# same loop on a plain variable; the lookup's cost per item is the difference over 30. One uri GET of
# the issue costs its playbook's time less that of a playbook of one debug task.

LOOKUP_ITEMS = 30
LOOKUP_LOOP = '      loop: "{{ range(1, %d) | list }}"\n' % (LOOKUP_ITEMS + 1)
LOOKUP_PLAYBOOKS = {
    'lookup when': PLAY + '''    - name: Each item, when the issue is open
      ansible.builtin.debug:
        msg: "{{ item }}"
      when: lookup('ytracker.tracker.issue', 'TEST-1').status.key == 'open'
''' + LOOKUP_LOOP,
    'variable when': PLAY + '''    - name: Each item, when a variable says so
      ansible.builtin.debug:
        msg: "{{ item }}"
      when: issue_status == 'open'
      vars:
        issue_status: open
''' + LOOKUP_LOOP,
    'issue uri': ISSUE_PLAYBOOKS['issue uri'],
    'one debug': PLAY + '''    - name: One debug task
      ansible.builtin.debug:
        msg: TEST-1
''',
}
LOOKUP_TITLES = {
    'lookup when': '(s) loop of %d, when: the issue lookup' % LOOKUP_ITEMS,
    'variable when': '(t) loop of %d, when: a plain variable' % LOOKUP_ITEMS,
    'issue uri': '(f) ansible.builtin.uri: GET of the issue',
    'one debug': '(u) one ansible.builtin.debug task',
}


def measure_lookups(work, env):
    """The lookups table and its target."""
    results, table = measure_ways(work, env, LOOKUP_PLAYBOOKS, LOOKUP_TITLES)
    per_item = (results['lookup when'][0] - results['variable when'][0]) / LOOKUP_ITEMS
    uri_get = results['issue uri'][0] - results['one debug'][0]
    rows = [('Cost', 'Seconds'), ('the lookup, per item: ((s) - (t)) / %d' % LOOKUP_ITEMS, '%.3f' % per_item),
            ('one uri GET: (f) - (u)', '%.3f' % uri_get)]
    goals = [('lookup per item / one uri GET', per_item / uri_get, 1.5)]
    return table + '\n\n' + simple_table(rows) + '\n\n' + goals_table(goals), goals


# Nothing listening: a task, and a loop of 20, against a loopback port bound and never listened on,
# with default options. The targets are the times an ops team can wait for a dead endpoint to be
# reported: 5 seconds for a task, a minute for a loop of 20.

DEAD_ITEMS = 20
DEAD_PLAYBOOKS = {
    'dead': PLAY + """    - name: Link the build, nothing listening
      ytracker.tracker.tracker_remote_link:
        api_url: "{{ lookup('ansible.builtin.env', 'DEAD_API_URL') }}"
        issue: TEST-1
        origin: ru.yandex.teamcity
        key: build-1
      ignore_errors: true
""",
    'dead loop': PLAY + """    - name: Link each build, nothing listening
      ytracker.tracker.tracker_remote_link:
        api_url: "{{ lookup('ansible.builtin.env', 'DEAD_API_URL') }}"
        issue: TEST-1
        origin: ru.yandex.teamcity
        key: "build-{{ item }}"
      ignore_errors: true
      loop: "{{ range(1, %d) | list }}"
""" % (DEAD_ITEMS + 1),
}
DEAD_TITLES = {
    'dead': '(i) tracker_remote_link, nothing listening',
    'dead loop': '(j) loop of tracker_remote_link over %d items, nothing listening' % DEAD_ITEMS,
}
DEAD_LIMITS = {'dead': 5.0, 'dead loop': 60.0}


def measure_dead_endpoint(work, env):
    """The table of tasks against a port where nothing listens, and their targets in seconds."""
    closed = socket.socket()
    closed.bind(('127.0.0.1', 0))  # bound, never listened on: connections are refused
    env = dict(env, DEAD_API_URL='http://127.0.0.1:%d' % closed.getsockname()[1])
    samples = dict((name, []) for name in DEAD_PLAYBOOKS)
    try:
        for dummy in range(RUNS):
            for name, text in DEAD_PLAYBOOKS.items():
                path = os.path.join(work, name.replace(' ', '_') + '.yml')
                with open(path, 'w') as handle:
                    handle.write(text)
                samples[name].append(run_playbook(path, env))
    finally:
        closed.close()
    seconds = dict((name, statistics.median(runs)) for name, runs in samples.items())
    rows = [('Way', 'Seconds')] + [(DEAD_TITLES[name], '%.2f' % seconds[name]) for name in DEAD_PLAYBOOKS]
    goals = [('%s in seconds' % DEAD_TITLES[name].split(' ')[0], seconds[name], DEAD_LIMITS[name])
             for name in DEAD_PLAYBOOKS]
    return simple_table(rows) + '\n\n' + goals_table(goals), goals


# tracker_bulk_change: closing 200 resolved issues against a loop of 200 tracker_issue tasks, each
# run on 200 issues made resolved for it; the same task again, nothing left to change, against one
# tracker_issue_info task over the same search; and the plan of 10,000 issues.

BULK_ISSUES = 200
BULK_PLAN_SIZES = (1000, 10000)
BULK_PLAN_TARGET = (10000, 1.0)  # planning this many issues takes at most this many seconds
BULK_PLAYBOOKS = {
    'bulk': PLAY + """    - name: Close every resolved issue of the queue
      ytracker.tracker.tracker_bulk_change:
        queue: BULK
        status: closed
        resolution: fixed
""",
    'bulk info': PLAY + """    - name: Read every issue of the queue
      ytracker.tracker.tracker_issue_info:
        queue: BULK
""",
}
BULK_LOOP = PLAY + """    - name: Close each issue, one task each
      ytracker.tracker.tracker_issue:
        key: "{{ item }}"
        status: closed
        resolution: fixed
      loop: %s
"""
BULK_TITLES = {
    'bulk': '(o) tracker_bulk_change closing %d resolved issues' % BULK_ISSUES,
    'loop': '(p) loop of tracker_issue closing %d resolved issues' % BULK_ISSUES,
    'bulk again': '(q) tracker_bulk_change again, nothing to change',
    'bulk info': '(r) tracker_issue_info over the same search',
}


def resolved_issues(emulator):
    """BULK_ISSUES resolved issues of queue BULK, and nothing else made since the configuration; their keys."""
    emulator.control('POST', 'reset')
    keys = emulator.control('POST', 'issues', {'queue': 'BULK', 'count': BULK_ISSUES})['keys']
    for key in keys:
        emulator.control('POST', 'issues/' + key, {'fields': {'status': 'resolved'}})
    return keys


def bulk_plan_seconds(work, size):
    """Median seconds of planning ``size`` resolved issues to be closed, with a priority and a tag."""
    sys.path.insert(0, os.path.join(work, 'collections'))
    from ansible_collections.ytracker.tracker.plugins.module_utils import _bulk, _issue_fields

    params = dict((name, None) for name in _issue_fields.FIELD_SPEC)
    params.update(dict((name, False) for name in _issue_fields.FIELD_SPEC if name.startswith('purge_')),
                  key=None, unique=None, queue=None, priority='critical', tags=['release'], status='closed',
                  resolution='fixed')
    wanted = _issue_fields.WantedIssue(params)

    def issue(number):
        return {'key': 'BULK-%d' % number, 'queue': {'key': 'BULK'}, 'type': {'key': 'bug'},
                'status': {'key': 'resolved'}, 'priority': {'key': 'normal'}, 'tags': ['release'] if number % 2 else []}

    issues = [issue(number) for number in range(size)]
    transitions = {('BULK', 'bug', 'resolved'): [{'id': 'close', 'to': {'key': 'closed'}}]}
    seconds = []
    for dummy in range(RUNS):
        started = time.perf_counter()
        plan = _bulk.plan_bulk(wanted, issues, lambda issue: {}, transitions)
        operations = plan.operations(wanted.transition_body())
        seconds.append(time.perf_counter() - started)
    if len(plan.changes) != size or len(operations) != 2 + (size - 1) // _bulk.MAX_ISSUES + 1:
        sys.exit('the plan of %d issues to close is not what it should be' % size)
    return statistics.median(seconds)


def measure_bulk(work, env):
    """The bulk change table and its targets."""
    emulator = Emulator(work)
    paths = dict((name, os.path.join(work, name.replace(' ', '_') + '.yml')) for name in ('bulk', 'bulk info', 'loop'))
    for name, text in BULK_PLAYBOOKS.items():
        with open(paths[name], 'w') as handle:
            handle.write(text)
    samples = dict((name, []) for name in BULK_TITLES)
    try:
        env = dict(env, TRACKER_API_URL=emulator.url)
        for dummy in range(RUNS):
            resolved_issues(emulator)
            for name, path in (('bulk', 'bulk'), ('bulk again', 'bulk'), ('bulk info', 'bulk info')):
                samples[name].append(measure_once(emulator, paths[path], env, fresh=False))
            with open(paths['loop'], 'w') as handle:
                handle.write(BULK_LOOP % json.dumps(resolved_issues(emulator)))
            samples['loop'].append(measure_once(emulator, paths['loop'], env, fresh=False))
    finally:
        emulator.stop()
    results = dict((name, (statistics.median(seconds for seconds, dummy in runs), runs[-1][1]))
                   for name, runs in samples.items())
    rows = [('Way', 'Seconds', 'Requests')]
    rows += [(BULK_TITLES[name], '%.2f' % results[name][0], str(results[name][1])) for name in BULK_TITLES]
    planned = dict((size, bulk_plan_seconds(work, size)) for size in BULK_PLAN_SIZES)
    rows += [('plan of {:,} issues to close'.format(size), '%.3f' % planned[size], '0') for size in BULK_PLAN_SIZES]
    goals = [
        ('(o) / (p)', results['bulk'][0] / results['loop'][0], 0.1),
        ('(q) / (r)', results['bulk again'][0] / results['bulk info'][0], 1.2),
        ('(q) requests / (r) requests', results['bulk again'][1] / float(results['bulk info'][1]), 1.0),
        ('plan of {:,} issues, in seconds'.format(BULK_PLAN_TARGET[0]), planned[BULK_PLAN_TARGET[0]], BULK_PLAN_TARGET[1]),
    ]
    return simple_table(rows) + '\n\n' + goals_table(goals), goals


if __name__ == '__main__':
    sys.exit(main())
