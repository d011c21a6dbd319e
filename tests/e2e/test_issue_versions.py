# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_issue's versions and components through ansible-playbook, against the emulator."""

from conftest import module_task

MODULE = 'ytracker.tracker.tracker_issue'
SEARCH = 'POST /v3/issues/_search'
CREATE = 'POST /v3/issues/'
VERSIONS = 'GET /v3/queues/REL/versions'
COMPONENTS = 'GET /v3/components'
PATCH = 'PATCH /v3/issues/REL-1'
issue_task = module_task(MODULE, {'unique': 'release-1.2', 'queue': 'REL', 'summary': 'Release 1.2'})


def writes(emulator):
    """The bodies of the creates and edits sent since the emulator started."""
    return [write['body'] for write in emulator.call('GET', '/_emulator/issues')['writes']]


def ids(emulator):
    """The ids of REL's versions and components by name, as their lists answer them (numbers)."""
    found = dict((version['name'], version['id']) for version in emulator.api('GET', '/queues/REL/versions'))
    found.update((component['name'], component['id']) for component in emulator.api('GET', '/components')
                 if component['queue']['key'] == 'REL')
    emulator.forget()
    return found


def names(issue, field):
    return [(item['id'], item['display']) for item in issue.get(field, [])]


def test_create_rerun_add_and_purge(playbook, emulator, execution):
    known = ids(emulator)

    created = playbook(issue_task(fix_versions=['1.2'], components=['backend']), execution=execution)
    assert created.rc == 0, created.output
    assert created.result['changed'] is True and created.result['created'] is True
    assert emulator.requests() == [SEARCH, COMPONENTS, VERSIONS, CREATE]
    assert writes(emulator)[-1] == {'queue': 'REL', 'unique': 'release-1.2', 'summary': 'Release 1.2',
                                    'fixVersions': [known['1.2']], 'components': [known['backend']]}
    # The issue shows them with string ids.
    assert names(created.result['issue'], 'fixVersions') == [(str(known['1.2']), '1.2')]
    assert names(created.result['issue'], 'components') == [(str(known['backend']), 'backend')]

    emulator.forget()
    again = playbook(issue_task(fix_versions=['1.2'], components=['backend']), execution=execution)
    assert again.result['changed'] is False, again.output
    # The issue shows both by name: no list is read.
    assert emulator.requests() == [SEARCH]

    emulator.forget()
    added = playbook(issue_task(affected_versions=['1.1']), options=['--diff'], execution=execution)
    assert added.result['changed'] is True, added.output
    assert emulator.requests() == [SEARCH, VERSIONS, PATCH]
    assert writes(emulator)[-1] == {'affectedVersions': {'add': [known['1.1']]}}
    assert added.result['diff'] == {'before': 'summary: Release 1.2\naffected_versions: \n',
                                    'after': 'summary: Release 1.2\naffected_versions: 1.1\n'}

    emulator.forget()
    purged = playbook(issue_task(fix_versions=['1.1'], purge_fix_versions=True, components=[], purge_components=True),
                      options=['--diff'], execution=execution)
    assert purged.result['changed'] is True, purged.output
    assert emulator.requests() == [SEARCH, VERSIONS, PATCH]
    assert writes(emulator)[-1] == {'fixVersions': {'set': [known['1.1']]}, 'components': []}
    assert purged.result['diff'] == {'before': 'summary: Release 1.2\nfix_versions: 1.2\ncomponents: backend\n',
                                     'after': 'summary: Release 1.2\nfix_versions: 1.1\ncomponents: \n'}
    assert names(purged.result['issue'], 'fixVersions') == [(str(known['1.1']), '1.1')]
    assert 'components' not in purged.result['issue']
    assert names(purged.result['issue'], 'affectedVersions') == [(str(known['1.1']), '1.1')]


def test_an_unknown_name_fails_with_nothing_written(playbook, emulator, execution):
    ids(emulator)

    run = playbook(issue_task(fix_versions=['1.2', '9.9']), {MODULE: {'key': 'TEST-1', 'components': ['docs']}},
                   execution=execution)

    new, existing = run.results
    assert new['failed'] is True and new['created'] is False
    assert new['msg'] == "fix_versions: queue REL has no version '9.9'; it has: 1.1, 1.2"
    assert existing['failed'] is True and existing['changed'] is False
    assert existing['msg'] == "components: queue TEST has no component 'docs'; it has: backend, frontend"
    assert writes(emulator) == []
    assert emulator.requests() == [SEARCH, VERSIONS, 'GET /v3/issues/TEST-1', COMPONENTS]


def test_check_mode_reads_and_writes_nothing(playbook, emulator, execution):
    ids(emulator)

    run = playbook(issue_task(fix_versions=['1.2']), options=['--check', '--diff'], execution=execution)

    assert run.result['changed'] is True and run.result['issue'] is None, run.output
    assert run.result['diff'] == {'before': '', 'after': 'summary: Release 1.2\nfix_versions: 1.2\n'}
    assert writes(emulator) == []
    assert emulator.requests() == [SEARCH, VERSIONS]
