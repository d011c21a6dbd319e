# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_queue_info through ansible-playbook, against the emulator."""

MODULE = 'ytracker.tracker.tracker_queue_info'
READ = 'GET /v3/queues/REL'


def test_the_queue_with_one_read_per_expand_value(playbook, emulator, execution):
    plain = playbook({MODULE: {'queue': ' rel '}}, execution=execution)
    assert plain.rc == 0 and plain.result['changed'] is False, plain.output
    queue = plain.result['queue']
    assert queue['key'] == 'REL' and queue['defaultType']['key'] == 'task'
    assert 'versions' not in queue and 'teamUsers' not in queue
    assert emulator.requests() == [READ] and emulator.request_log()[0]['query'] == ''

    emulator.forget()
    expanded = playbook({MODULE: {'queue': 'REL', 'expand': ['team', 'versions', 'team']}}, execution=execution)
    queue = expanded.result['queue']
    assert [user['display'] for user in queue['teamUsers']] == [queue['lead']['display']]
    assert [entry['query'] for entry in emulator.request_log()] == ['expand=team', 'expand=versions']
    shown = emulator.api('GET', '/queues/REL?expand=versions')['versions']
    assert queue['versions'] == shown and shown

    emulator.forget()
    every = playbook({MODULE: {'queue': 'REL', 'expand': ['versions', 'all']}}, execution=execution)
    assert set(every.result['queue']) >= {'teamUsers', 'issueTypes', 'versions', 'components', 'workflows',
                                          'issueTypesConfig'}
    assert [entry['query'] for entry in emulator.request_log()] == ['expand=all']


def test_a_value_not_of_the_reference_is_refused_before_any_request(playbook, emulator, execution):
    run = playbook({MODULE: {'queue': 'REL', 'expand': ['localFields']}}, execution=execution)
    assert run.result['failed'] and run.result['msg'].startswith(
        'value of expand must be one or more of: all, projects, components, versions, types, team, workflows, fields,'
        ' issueTypesConfig. Got no match for: localFields'), run.result['msg']
    bad = playbook({MODULE: {'queue': 'REL-1'}}, execution=execution)
    assert bad.result['failed'] and bad.result['msg'] == "queue must be a queue key like REL, got 'REL-1'"
    assert emulator.requests() == []


def test_a_missing_or_deleted_queue_fails_the_task(playbook, emulator, execution):
    missing = playbook({MODULE: {'queue': 'NOPE'}}, execution=execution)
    assert missing.result['failed'] and missing.result['msg'] == (
        "GET /v3/queues/NOPE: HTTP 404 Not Found: Queue does not exist: NOPE (check that queue 'NOPE' exists and"
        " that the token can see it)"), missing.result['msg']
    assert emulator.api_answer('DELETE', '/v3/queues/INC')[0] == 204
    deleted = playbook({MODULE: {'queue': 'INC'}}, execution=execution)
    assert deleted.result['failed'] and 'HTTP 404' in deleted.result['msg']
