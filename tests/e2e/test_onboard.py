# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""examples/onboard_service.yml, run as a user runs it against the emulator, twice."""

import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
BIN = os.path.dirname(sys.executable)
CLEARED = ('ANSIBLE_COLLECTIONS_PATHS', 'ANSIBLE_CONFIG', 'TRACKER_IAM_TOKEN', 'TRACKER_CLOUD_ORG_ID',
           'YTRACKER_TRACKER_IN_PROCESS')


def onboard(collections_path, emulator, tmp_path, execution, *options):
    environment = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=collections_path, HOME=str(tmp_path / 'home'),
                       PATH=BIN + os.pathsep + os.environ['PATH'], ANSIBLE_NOCOLOR='1',
                       ANSIBLE_LOCALHOST_WARNING='0', ANSIBLE_INVENTORY_UNPARSED_WARNING='0',
                       TRACKER_API_URL=emulator.url, TRACKER_OAUTH_TOKEN='emulator-oauth-token',
                       TRACKER_ORG_ID='emulator-org')
    for name in CLEARED:
        environment.pop(name, None)
    command = [os.path.join(BIN, 'ansible-playbook'), 'examples/onboard_service.yml'] + list(options)
    if execution == 'module':
        command += ['-e', 'ytracker_tracker_in_process=false']
    process = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300,
                             check=False)
    output = process.stdout + process.stderr
    counts = re.findall(r'^localhost\s*:.*\bchanged=(\d+).*\bfailed=(\d+)', output, re.MULTILINE)
    assert process.returncode == 0 and len(counts) == 1, output
    return int(counts[0][0]), output


def test_the_guide_shows_the_playbook_as_it_is():
    with open(os.path.join(ROOT, 'examples', 'onboard_service.yml')) as handle:
        lines = handle.read().splitlines(True)
    with open(os.path.join(ROOT, 'docs', 'docsite', 'rst', 'provisioning.rst')) as handle:
        guide = handle.read()
    shown = ''.join('   ' + line if line.strip() else '\n' for line in lines)
    assert '.. code-block:: yaml+jinja\n\n' + shown + '\n' in guide


def test_the_second_run_changes_nothing_and_only_reads(collections_path, emulator, tmp_path, execution):
    changed, output = onboard(collections_path, emulator, tmp_path, execution)
    assert changed == 6, output  # the queue, the components, the version, two fields, the issue
    queue = emulator.api('GET', '/queues/PAY?expand=issueTypesConfig')
    assert [item['issueType']['key'] for item in queue['issueTypesConfig']] == ['task', 'bug']
    assert sorted(item['key'] for item in emulator.api('GET', '/queues/PAY/localFields')) == ['environment',
                                                                                              'severity']
    issue = emulator.api('GET', '/issues/PAY-1')
    assert (issue['severity'], issue['environment']) == ('S4', 'production')
    assert [item['display'] for item in issue['components']] == ['api']

    emulator.forget()
    again, output = onboard(collections_path, emulator, tmp_path, execution)
    assert again == 0, output
    assert all(entry['method'] == 'GET' or entry['path'].endswith('/_search') for entry in emulator.request_log())


def test_check_mode_before_the_first_run_predicts_the_queue_and_reads_only(
        collections_path, emulator, tmp_path, execution):
    changed, output = onboard(collections_path, emulator, tmp_path, execution, '--check', '--diff')
    assert changed == 1, output  # the queue; what it holds cannot be read before it exists
    assert '+issue_type: bug workflow=dev resolutions=fixed,wontFix,duplicate' in output, output
    assert [entry['method'] for entry in emulator.request_log()] == ['GET', 'GET']  # the queue, the lead
    assert emulator.api_answer('GET', '/v3/queues/PAY')[0] == 404
