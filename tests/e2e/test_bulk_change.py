# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_bulk_change through ansible-playbook, against the emulator's bulk operations."""

from conftest import module_task

MODULE = 'ytracker.tracker.tracker_bulk_change'
SEARCH = 'POST /v3/issues/_search'
bulk_task = module_task(MODULE, {})


def add_issues(emulator, statuses, **fields):
    """Issues of queue BULK, one per status given (None: left open), with ``fields``; their keys."""
    keys = emulator.call('POST', '/_emulator/issues', {'issues': [
        dict({'queue': 'BULK', 'summary': 'Bulk issue %d' % number}, **fields) for number in range(len(statuses))]})['keys']
    for key, status in zip(keys, statuses):
        if status is not None:
            emulator.call('POST', '/_emulator/issues/%s' % key, {'fields': {'status': status}})
    emulator.forget()
    return keys


def settings(emulator, **given):
    emulator.call('POST', '/_emulator/issues', {'settings': given})


def status_of(emulator, key):
    return emulator.api('GET', '/issues/%s' % key)['status']['key']


def bulk_requests(emulator):
    """The requests sent, bulk operation ids replaced by <id>."""
    return [request if '/bulkchange/' not in request or request.endswith(('_update', '_transition'))
            else request.rsplit('/', 1)[0] + '/<id>' for request in emulator.requests()]


def test_close_the_resolved_issues_then_nothing_to_do(playbook, emulator, execution):
    keys = add_issues(emulator, ['resolved', 'resolved', 'closed', 'resolved'])
    task = bulk_task(keys=keys, status='closed', resolution='fixed')

    closed = playbook(task, execution=execution).result

    assert closed['changed'] is True, closed
    assert closed['matched'] == 4
    assert [entry['key'] for entry in closed['changes']] == [keys[0], keys[1], keys[3]]
    assert closed['changes'][0]['before'] == {'status': 'resolved'} and closed['changes'][0]['after'] == {'status': 'closed'}
    [operation] = closed['operations']
    assert operation['kind'] == 'transition' and operation['transition'] == 'close'
    assert operation['issues'] == [keys[0], keys[1], keys[3]] and operation['status'] == 'COMPLETE'
    sent = bulk_requests(emulator)
    assert [status_of(emulator, key) for key in keys] == ['closed'] * 4
    assert sent[0] == SEARCH and sent[-1] == SEARCH
    assert sent.count('GET /v3/issues/%s/transitions' % keys[0]) == 1 and len([
        request for request in sent if request.endswith('/transitions')]) == 1
    assert sent.count('POST /v3/bulkchange/_transition') == 1

    emulator.forget()
    again = playbook(task, execution=execution).result
    assert again['changed'] is False and again['changes'] == [] and again['operations'] == []
    assert emulator.requests() == [SEARCH]


def test_issues_needing_the_same_values_share_one_update(playbook, emulator, execution):
    tagged = add_issues(emulator, [None, None], tags=['release'])
    bare = add_issues(emulator, [None, None, None])
    run = playbook(bulk_task(queue='BULK', priority='critical', tags=['release']), execution=execution).result

    assert run['changed'] is True, run
    updates = sorted((operation['issues'], operation['kind']) for operation in run['operations'])
    assert updates == sorted([(tagged, 'update'), (bare, 'update')])
    for key in tagged + bare:
        issue = emulator.api('GET', '/issues/%s' % key)
        assert issue['priority']['key'] == 'critical' and issue['tags'] == ['release']
    assert emulator.requests().count('POST /v3/bulkchange/_update') == 2


def test_an_issue_that_cannot_reach_the_status_fails_the_task_before_any_write(playbook, emulator, execution):
    keys = add_issues(emulator, ['resolved', 'closed', None])
    task = bulk_task(keys=keys, status='resolved', resolution='fixed')

    refused = playbook(task, execution=execution).result
    assert refused['failed'] and refused['msg'] == (
        "nothing was changed: 1 issue cannot be moved to 'resolved' (skip_unreachable=true leaves them as they are): "
        "%s in status 'closed': no transition leads to 'resolved' (reachable: open)" % keys[1]), refused
    assert not [request for request in emulator.requests() if 'bulkchange' in request]

    skipping = playbook(dict(task, **{MODULE: dict(task[MODULE], skip_unreachable=True)}), execution=execution).result
    assert skipping['changed'] is True, skipping
    assert skipping['left_alone'] == [{'key': keys[1], 'status': 'closed'}]
    assert [status_of(emulator, key) for key in keys] == ['resolved', 'closed', 'resolved']


def test_check_mode_and_diff_read_only(playbook, emulator, execution):
    keys = add_issues(emulator, ['resolved', 'closed'])
    run = playbook(bulk_task(keys=keys, status='closed', priority='critical'), options=['--check', '--diff'],
                   execution=execution).result

    assert run['changed'] is True, run
    assert run['diff']['before'] == '2 issues found, 2 to change\n%s priority: normal\n%s status: resolved\n%s priority: normal\n' % (
        keys[0], keys[0], keys[1])
    assert run['diff']['after'] == '2 issues found, 2 to change\n%s priority: critical\n%s status: closed\n%s priority: critical\n' % (
        keys[0], keys[0], keys[1])
    assert [request for request in emulator.requests() if 'bulkchange' in request] == []
    assert status_of(emulator, keys[0]) == 'resolved'


def test_a_failed_operation_names_the_issues_it_left_and_the_api_words(playbook, emulator, execution):
    keys = add_issues(emulator, [None, None, None])
    settings(emulator, bulk_fail_issues=[keys[1]])

    run = playbook(bulk_task(keys=keys, priority='critical'), execution=execution).result

    assert run['failed'], run
    operation = run['operations'][0]
    assert run['msg'] == '1 issue did not change (%s): bulk change %s (update) ended FAILED: %s' % (
        keys[1], operation['id'], operation['statusText'])
    assert [entry['key'] for entry in run['changes']] == [keys[0], keys[2]]
    assert [emulator.api('GET', '/issues/%s' % key)['priority']['key'] for key in keys] == ['critical', 'normal', 'critical']


def test_an_operation_not_visible_yet_and_slow_is_waited_for(playbook, emulator, execution):
    keys = add_issues(emulator, ['resolved'])
    settings(emulator, bulk_hidden_reads=2, bulk_delay=0.5, bulk_final_status='COMPLETED')

    run = playbook(bulk_task(keys=keys, status='closed'), execution=execution)

    assert run.result['changed'] is True and run.result['operations'][0]['status'] == 'COMPLETED', run.result
    assert status_of(emulator, keys[0]) == 'closed'
    polls = [request for request in bulk_requests(emulator) if request == 'GET /v3/bulkchange/<id>']
    assert len(polls) >= 3
    assert 'waiting for bulk change' in run.output


def test_without_waiting_the_operations_are_returned_at_once(playbook, emulator, execution):
    keys = add_issues(emulator, [None, None])
    settings(emulator, bulk_delay=30)

    run = playbook(bulk_task(keys=keys, tags=['later'], wait=False), execution=execution).result

    assert run['changed'] is True and run['operations'][0]['status'] == 'CREATED', run
    assert not [request for request in emulator.requests() if request.startswith('GET /v3/bulkchange/')]


def test_a_wait_timeout_names_the_operation_still_running(playbook, emulator, execution):
    keys = add_issues(emulator, [None])
    settings(emulator, bulk_delay=30)

    run = playbook(bulk_task(keys=keys, tags=['later'], wait_timeout=1), execution=execution).result

    operation = run['operations'][0]
    assert run['failed'] and run['msg'].startswith('GET /v3/bulkchange/%s: not finished after waiting' % operation['id'])


def test_bad_input_fails_before_any_request(playbook, emulator, execution):
    nothing = playbook(bulk_task(queue='BULK'), execution=execution).result
    assert nothing['failed'] and nothing['msg'] == 'name at least one field or a status that the issues must have'
    negative = playbook(bulk_task(queue='BULK', tags=['x'], wait_timeout=-1), execution=execution).result
    assert negative['failed'] and negative['msg'] == 'wait_timeout must be 0 or more'
    two = playbook(bulk_task(queue='BULK', query='Queue: BULK', tags=['x']), execution=execution).result
    assert two['failed'] and 'mutually exclusive' in two['msg']
    stray = playbook(bulk_task(queue='BULK', resolution='fixed'), execution=execution).result
    assert stray['failed'] and stray['msg'] == 'resolution and transition_fields go with status: they are sent with a transition'
    assert emulator.requests() == []


def test_an_operation_whose_answer_is_lost_is_sent_again_and_the_issues_end_right(playbook, emulator, execution):
    keys = add_issues(emulator, ['resolved', 'resolved'])
    emulator.arm({'kind': 'create_then_drop', 'method': 'POST', 'path': '/bulkchange/_transition'})

    run = playbook(bulk_task(keys=keys, status='closed'), execution=execution).result

    # The first operation was made and ran; the second, sent again, finds the issues moved already.
    assert run['changed'] is True and [entry['key'] for entry in run['changes']] == keys, run
    assert emulator.requests().count('POST /v3/bulkchange/_transition') == 2
    assert [status_of(emulator, key) for key in keys] == ['closed', 'closed']
