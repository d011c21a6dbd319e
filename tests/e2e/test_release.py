# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""examples/release.yml, the play of the release workflow guide, run as a user runs it against the emulator.

The file itself, from the checkout's root, with the release given as extra variables and the
connection in TRACKER_* variables; each test runs it with the tasks in Ansible's process and as
module processes (the switch the modules document, ytracker_tracker_in_process=false).
"""

import glob
import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
BIN = os.path.dirname(sys.executable)
PLAYBOOK = 'examples/release.yml'
OAUTH_TOKEN = 'emulator-oauth-token'
# What could make Ansible find the collection elsewhere, or point the tasks elsewhere.
CLEARED = ('ANSIBLE_COLLECTIONS_PATHS', 'ANSIBLE_CONFIG', 'TRACKER_IAM_TOKEN', 'TRACKER_CLOUD_ORG_ID',
           'YTRACKER_TRACKER_IN_PROCESS')
RELEASE = ['-e', 'release_version=2.3.0', '-e', 'build_number=77', '-e', 'release_queue=REL',
           '-e', 'migration_issue=DEMO-2']
KEY = 'REL-1'
UNIQUE = 'release-web-2.3.0'
MARKER = 'report:release-web-2.3.0:rollout'
# What a run sends when the release is recorded already: one read per task.
VERSIONS = 'GET /v3/queues/REL/versions'
ATTACHMENT = 'rollout-2.3.0.txt'
READS = [VERSIONS, 'POST /v3/issues/_search', 'GET /v3/issues/REL-1/remotelinks', 'GET /v3/issues/REL-1/links',
         'GET /v3/issues/REL-1/comments', 'GET /v3/issues/REL-1/checklistItems', 'GET /v3/issues/REL-1/attachments',
         'GET /v3/issues/REL-1/attachments/<id>/' + ATTACHMENT, 'GET /v3/issues/REL-1/worklog',
         'GET /v3/myself', 'POST /v3/issues/_search', 'GET /v3/issues/REL-1', VERSIONS]


class Run:
    def __init__(self, process):
        self.rc = process.returncode
        self.output = process.stdout + process.stderr

    def recap(self, name):
        counts = re.findall(r'^localhost\s*:.*\b%s=(\d+)' % name, self.output, re.MULTILINE)
        assert len(counts) == 1, self.output
        return int(counts[0])


@pytest.fixture
def release(collections_path, emulator, tmp_path, execution):
    """Run examples/release.yml with the release's extra variables and more options."""
    runs = []

    def run(*options):
        remote_tmp = tmp_path / ('remote-%d' % len(runs))
        environment = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=collections_path, HOME=str(tmp_path / 'home'),
                           PATH=BIN + os.pathsep + os.environ['PATH'], ANSIBLE_NOCOLOR='1',
                           ANSIBLE_LOCALHOST_WARNING='0', ANSIBLE_INVENTORY_UNPARSED_WARNING='0',
                           ANSIBLE_KEEP_REMOTE_FILES='1', ANSIBLE_REMOTE_TMP=str(remote_tmp),
                           TRACKER_API_URL=emulator.url, TRACKER_OAUTH_TOKEN=OAUTH_TOKEN, TRACKER_ORG_ID='emulator-org')
        for name in CLEARED:
            environment.pop(name, None)
        command = [os.path.join(BIN, 'ansible-playbook'), PLAYBOOK] + RELEASE + list(options)
        command += ['-e', 'rollout_report=%s' % (tmp_path / 'rollout.txt')]
        if execution == 'module':
            command += ['-e', 'ytracker_tracker_in_process=false']
        process = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300,
                                 check=False)
        done = Run(process)
        assert done.rc == 0, done.output
        assert OAUTH_TOKEN not in done.output
        # A module process leaves its payload behind (ANSIBLE_KEEP_REMOTE_FILES): which way the tasks ran.
        payloads = glob.glob(str(remote_tmp / '*' / 'AnsiballZ_tracker_*.py'))
        assert bool(payloads) == (execution == 'module'), payloads
        runs.append(done)
        return done

    return run


def writes(emulator):
    """Every create, edit and transition of an issue sent since the emulator started: (method, path, body)."""
    return [(write['method'], write['path'], write['body'])
            for write in emulator.call('GET', '/_emulator/issues')['writes']]


def requests(emulator):
    """The requests the emulator answered since it was last told to forget, attachment ids left out."""
    return [re.sub(r'/attachments/[^/]+/', '/attachments/<id>/', request) for request in emulator.requests()]


def comments(emulator):
    return emulator.api('GET', '/issues/%s/comments?perPage=1000' % KEY)


def recorded(emulator):
    """The release issue as the play leaves it: status, resolution, build keys, issue links, comments."""
    issue = emulator.api('GET', '/issues/' + KEY)
    return {
        'unique': issue['unique'],
        'summary': issue['summary'],
        'status': issue['status']['key'],
        'resolution': issue['resolution']['key'],
        'builds': sorted(link['object']['key'] for link in emulator.links(KEY)),
        'links': [(link['type']['id'], link['direction'], link['object']['key'])
                  for link in emulator.api('GET', '/issues/%s/links' % KEY)],
        'comments': [comment['text'] for comment in comments(emulator)],
        'checklist': [(item['text'], item['checked']) for item in emulator.api('GET', '/issues/%s/checklistItems' % KEY)],
        'attachments': [(attachment['name'], attachment['size'])
                        for attachment in emulator.api('GET', '/issues/%s/attachments' % KEY)],
        'worklog': [(record['start'], record['duration'], record['comment'])
                    for record in emulator.api('GET', '/issues/%s/worklog' % KEY)],
        'fix_versions': [version['display'] for version in issue['fixVersions']],
        'version': [(version['name'], version['released']) for version in emulator.api('GET', '/queues/REL/versions')
                    if version['name'] == '2.3.0'],
    }


def report(build):
    return 'web 2.3.0 is rolled out: build %d, after the migration DEMO-2.\n\n%s' % (build, MARKER)


def report_file(build):
    """The attachment of the rollout report: its name and size."""
    return (ATTACHMENT, len('Release: web 2.3.0\nBuild: %d\nMigration: DEMO-2\n' % build))


def test_the_guide_shows_the_playbook_as_it_is():
    with open(os.path.join(ROOT, PLAYBOOK)) as handle:
        lines = handle.read().splitlines(True)
    with open(os.path.join(ROOT, 'docs', 'docsite', 'rst', 'release-workflow.rst')) as handle:
        guide = handle.read()
    shown = ''.join('   ' + line if line.strip() else '\n' for line in lines)
    assert '.. code-block:: yaml+jinja\n\n' + shown + '\n' in guide


def test_the_second_run_changes_nothing_and_only_reads(release, emulator):
    first = release()
    assert first.recap('changed') == 11, first.output
    assert recorded(emulator) == {
        'unique': UNIQUE, 'summary': 'Release web 2.3.0', 'status': 'closed', 'resolution': 'fixed',
        'builds': ['build-77'], 'links': [('depends', 'outward', 'DEMO-2')], 'comments': [report(77)],
        'checklist': [('Migration DEMO-2 done', True), ('Rolled out', True), ('Announced to customers', False)],
        'attachments': [report_file(77)],
        'worklog': [('2026-12-03T19:00:00.000+0000', 'PT30M', 'Rollout of web 2.3.0')],
        'fix_versions': ['2.3.0'], 'version': [('2.3.0', True)]}
    version_id = [version['id'] for version in emulator.api('GET', '/queues/REL/versions')
                  if version['name'] == '2.3.0'][0]
    assert writes(emulator) == [
        ('POST', '/v3/issues/', {'queue': 'REL', 'unique': UNIQUE, 'summary': 'Release web 2.3.0', 'type': 'task',
                                 'tags': ['release', 'web'], 'fixVersions': [version_id]}),
        ('POST', '/v3/issues/REL-1/transitions/close/_execute', {'resolution': 'fixed'})]
    assert '"msg": "REL-1 (%s) is closed"' % UNIQUE in first.output
    # The migration issue shows the same link, from its side.
    assert [(link['type']['id'], link['direction'], link['object']['key'])
            for link in emulator.api('GET', '/issues/DEMO-2/links')] == [('depends', 'inward', KEY)]
    state = recorded(emulator)
    emulator.forget()

    second = release()

    assert second.recap('changed') == 0, second.output
    assert second.recap('ok') == 13 and second.recap('skipped') == 0, second.output
    assert requests(emulator) == READS
    assert recorded(emulator) == state and len(writes(emulator)) == 2
    assert '"msg": "REL-1 (%s) is closed"' % UNIQUE in second.output


def test_the_resolved_issues_of_the_release_are_closed_once(release, emulator):
    release()
    fixed = emulator.call('POST', '/_emulator/issues', {'issues': [
        {'queue': 'REL', 'summary': 'Fix %d' % number, 'fixVersions': ['2.3.0']} for number in range(3)]})['keys']
    for key in fixed[:2]:
        emulator.call('POST', '/_emulator/issues/%s' % key, {'fields': {'status': 'resolved'}})
    emulator.forget()

    closing = release()

    assert closing.recap('changed') == 1, closing.output
    assert [emulator.api('GET', '/issues/%s' % key)['status']['key'] for key in fixed] == ['closed', 'closed', 'open']
    assert emulator.requests().count('POST /v3/bulkchange/_transition') == 1
    emulator.forget()

    assert release().recap('changed') == 0
    assert requests(emulator) == READS


def test_check_mode_of_the_whole_play_writes_nothing(release, emulator):
    before = release('--check', '--diff')

    # The version and the issue would be created; the tasks on the issue have no issue yet, and are skipped.
    assert before.recap('changed') == 2 and before.recap('skipped') == 11, before.output
    assert '+summary: Release web 2.3.0' in before.output and '+name: 2.3.0' in before.output
    assert emulator.requests() == [VERSIONS, 'POST /v3/issues/_search'] and writes(emulator) == []
    assert '2.3.0' not in [version['name'] for version in emulator.api('GET', '/queues/REL/versions')]

    release()
    emulator.forget()
    after = release('--check', '--diff')

    assert after.recap('changed') == 0 and after.recap('skipped') == 0, after.output
    assert requests(emulator) == READS


def test_a_new_build_of_the_release_adds_its_link_and_edits_the_report_in_place(release, emulator):
    release()
    emulator.forget()

    rebuilt = release('-e', 'build_number=78', '--diff')

    # The link, the comment, the report file and its attachment.
    assert rebuilt.recap('changed') == 4, rebuilt.output
    state = recorded(emulator)
    assert state['builds'] == ['build-77', 'build-78']
    assert state['comments'] == [report(78)]
    assert state['attachments'] == [report_file(78)]
    assert '-web 2.3.0 is rolled out: build 77' in rebuilt.output
    assert '+web 2.3.0 is rolled out: build 78' in rebuilt.output
    # The new report is uploaded before the old one is deleted: the issue always has one.
    assert [request for request in requests(emulator) if not request.startswith(('GET ', 'POST /v3/issues/_search'))] == [
        'POST /v3/issues/REL-1/remotelinks', 'PATCH /v3/issues/REL-1/comments/%d' % comments(emulator)[0]['id'],
        'POST /v3/issues/REL-1/attachments/', 'DELETE /v3/issues/REL-1/attachments/<id>/']
