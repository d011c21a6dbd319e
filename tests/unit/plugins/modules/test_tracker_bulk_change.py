# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_bulk_change, scenario by scenario: the exact requests sent and the result."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from responses import matchers

from ansible_collections.ytracker.tracker.plugins.modules.tracker_bulk_change import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    API,
    CONNECTION,
    module_runner,
    requests_sent,
)

SEARCH = API + '/issues/_search'
TRANSITION = API + '/bulkchange/_transition'
UPDATE = API + '/bulkchange/_update'
OPERATION = '593cd211ef7e8a332414f2a7'
run = module_runner(main, keys=['REL-1', 'REL-2'], **CONNECTION)


def issue(number, status='resolved', priority='normal'):
    return {'key': 'REL-%d' % number, 'id': str(number), 'queue': {'key': 'REL'}, 'type': {'key': 'bug'},
            'status': {'key': status, 'display': status.title()}, 'priority': {'key': priority}}


def operation(status, text='Bulk change task created.', operation_id=OPERATION):
    return {'id': operation_id, 'self': '%s/bulkchange/%s' % (API, operation_id), 'status': status, 'statusText': text}


CLOSE = [{'id': 'close', 'to': {'key': 'closed'}}, {'id': 'reopen', 'to': {'key': 'open'}}]


def test_nothing_to_change_is_one_search(api):
    api.post(SEARCH, json=[issue(1, 'closed'), issue(2, 'closed')])

    result, failed = run(status='closed')

    assert not failed and result['changed'] is False and result['matched'] == 2
    assert result['changes'] == [] and result['operations'] == []
    assert requests_sent(api, query=False) == [('POST', SEARCH)]


def test_a_transition_of_several_issues_is_one_operation_polled_until_complete(api):
    api.post(SEARCH, json=[issue(1), issue(2)])
    api.get(API + '/issues/REL-1/transitions', json=CLOSE)
    api.post(TRANSITION, json=operation('CREATED'), status=201, match=[matchers.json_params_matcher(
        {'transition': 'close', 'issues': ['REL-1', 'REL-2'], 'values': {'resolution': 'fixed'}})])
    api.get(API + '/bulkchange/' + OPERATION, status=404, json={'errorMessages': ['Not found'], 'statusCode': 404})
    api.get(API + '/bulkchange/' + OPERATION, json=operation('RUNNING'))
    api.get(API + '/bulkchange/' + OPERATION, json=operation('COMPLETE', 'Done.'))
    # The issues read again by key: a search for resolved issues would no longer find them.
    api.post(SEARCH, json=[issue(1, 'closed'), issue(2, 'closed')],
             match=[matchers.json_params_matcher({'keys': ['REL-1', 'REL-2']})])

    result, failed = run(keys=None, filter={'queue': 'REL', 'status': 'resolved'}, status='closed',
                         resolution='fixed', retries=0, diff=True)

    assert not failed, result
    assert result['changed'] is True
    assert result['changes'] == [{'key': 'REL-1', 'before': {'status': 'resolved'}, 'after': {'status': 'closed'}},
                                 {'key': 'REL-2', 'before': {'status': 'resolved'}, 'after': {'status': 'closed'}}]
    assert result['operations'] == [{'id': OPERATION, 'kind': 'transition', 'transition': 'close',
                                     'issues': ['REL-1', 'REL-2'], 'status': 'COMPLETE', 'statusText': 'Done.'}]
    assert result['diff']['after'] == '2 issues found, 2 to change\nREL-1 status: closed\nREL-2 status: closed\n'
    assert requests_sent(api, query=False) == [
        ('POST', SEARCH), ('GET', API + '/issues/REL-1/transitions'), ('POST', TRANSITION)] + [
        ('GET', API + '/bulkchange/' + OPERATION)] * 3 + [('POST', SEARCH)]
    assert 'polled' in ' '.join(result.get('warnings', []))


def test_notify_is_passed_as_the_api_parameter(api):
    api.post(SEARCH, json=[issue(1)])
    api.post(UPDATE, json=operation('CREATED'), status=201, match=[
        matchers.query_param_matcher({'notify': 'true'}),
        matchers.json_params_matcher({'issues': ['REL-1'], 'values': {'priority': 'critical'}})])
    api.get(API + '/bulkchange/' + OPERATION, json=operation('COMPLETED'))
    api.post(SEARCH, json=[issue(1, priority='critical')])

    result, failed = run(keys=['REL-1'], priority='critical', notify=True)

    assert not failed and result['changed'] is True, result
    assert result['changes'] == [{'key': 'REL-1', 'before': {'priority': 'normal'}, 'after': {'priority': 'critical'}}]


def test_a_failed_operation_whose_issues_are_right_anyway_is_no_failure(api):
    api.post(SEARCH, json=[issue(1)])
    api.get(API + '/issues/REL-1/transitions', json=CLOSE)
    api.post(TRANSITION, json=operation('CREATED'), status=201)
    api.get(API + '/bulkchange/' + OPERATION, json=operation('FAILED', 'Bulk edit completed with errors'))
    api.post(SEARCH, json=[issue(1, 'closed')])

    result, failed = run(keys=['REL-1'], status='closed')

    # Another run closed it: the issue changed, whoever changed it.
    assert not failed and result['operations'][0]['status'] == 'FAILED', result


def test_an_issue_still_behind_after_a_failed_operation_fails_the_task(api):
    api.post(SEARCH, json=[issue(1), issue(2)])
    api.post(UPDATE, json=operation('CREATED'), status=201)
    api.get(API + '/bulkchange/' + OPERATION, json=operation('FAILED', 'Bulk edit completed with errors'))
    api.post(SEARCH, json=[issue(1, priority='critical'), issue(2)])

    result, failed = run(priority='critical')

    assert failed and result['msg'] == ('1 issue did not change (REL-2): bulk change %s (update) ended FAILED: Bulk edit '
                                        'completed with errors' % OPERATION)
    assert result['changes'] == [{'key': 'REL-1', 'before': {'priority': 'normal'}, 'after': {'priority': 'critical'}}]


def test_an_unreachable_status_fails_before_any_write(api):
    api.post(SEARCH, json=[issue(1), issue(2, 'open')])
    api.get(API + '/issues/REL-1/transitions', json=CLOSE)
    api.get(API + '/issues/REL-2/transitions', json=[{'id': 'start_progress', 'to': {'key': 'inProgress'}}])

    result, failed = run(status='closed')

    assert failed and result['msg'] == (
        "nothing was changed: 1 issue cannot be moved to 'closed' (skip_unreachable=true leaves them as they are): "
        "REL-2 in status 'open': no transition leads to 'closed' (reachable: inProgress)")
    assert result['operations'] == [] and result['changed'] is False
    assert [method for method, dummy in requests_sent(api, query=False)] == ['POST', 'GET', 'GET']


def test_check_mode_plans_and_writes_nothing(api):
    api.post(SEARCH, json=[issue(1), issue(2, 'open')])
    api.get(API + '/issues/REL-1/transitions', json=CLOSE)
    api.get(API + '/issues/REL-2/transitions', json=[{'id': 'start_progress', 'to': {'key': 'inProgress'}}])

    result, failed = run(status='closed', skip_unreachable=True, check_mode=True)

    assert not failed and result['changed'] is True
    assert result['changes'] == [{'key': 'REL-1', 'before': {'status': 'resolved'}, 'after': {'status': 'closed'}}]
    assert result['left_alone'] == [{'key': 'REL-2', 'status': 'open'}]


def test_without_waiting_the_operation_is_returned_as_created(api):
    api.post(SEARCH, json=[issue(1)])
    api.post(UPDATE, json=operation('CREATED'), status=201)

    result, failed = run(keys=['REL-1'], priority='critical', wait=False)

    assert not failed and result['changed'] is True
    assert result['operations'][0]['status'] == 'CREATED'
    assert requests_sent(api, query=False) == [('POST', SEARCH), ('POST', UPDATE)]


def test_an_answer_without_an_operation_fails_in_one_line(api):
    api.post(SEARCH, json=[issue(1)])
    api.post(UPDATE, json={'unexpected': True}, status=201)

    result, failed = run(keys=['REL-1'], priority='critical')

    assert failed and result['msg'] == "POST /bulkchange/_update: the answer names no bulk operation: {'unexpected': True}"


def test_bad_input_sends_nothing(api):
    for arguments, message in [
            (dict(), 'name at least one field or a status that the issues must have'),
            (dict(tags=['x'], wait_timeout=-1), 'wait_timeout must be 0 or more'),
            (dict(keys=[' '], tags=['x']), 'keys must name at least one issue'),
            (dict(fields={'status': 'closed'}), 'fields.status: use the status option; a status changes only through'
                                                ' a transition')]:
        result, failed = run(**arguments)
        assert failed and result['msg'] == message
    assert requests_sent(api) == []


def test_a_failed_transition_says_what_a_transition_may_lack(api):
    api.post(SEARCH, json=[issue(1, 'open')])
    api.get(API + '/issues/REL-1/transitions', json=[{'id': 'close', 'to': {'key': 'closed'}}])
    api.post(TRANSITION, json=operation('CREATED'), status=201)
    api.get(API + '/bulkchange/' + OPERATION, json=operation('FAILED', 'Bulk edit completed with errors'))
    api.post(SEARCH, json=[issue(1, 'open')])

    result, failed = run(keys=['REL-1'], status='closed')

    assert failed and result['msg'] == (
        '1 issue did not change (REL-1): bulk change %s (transition) ended FAILED: Bulk edit completed with errors'
        ' (a transition may need fields of its own: give resolution or transition_fields)' % OPERATION)
