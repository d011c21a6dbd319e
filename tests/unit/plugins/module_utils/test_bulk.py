# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Planning a bulk change: which issues differ, how they are grouped into operations, what the result says."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._bulk import (
    MAX_ISSUES,
    diff_lines,
    done_lines,
    finished,
    failed,
    plan_bulk,
    planned_lines,
    result_entry,
    transitions_to_read,
    unreachable_keys,
    unreachable_lines,
)
from ansible_collections.ytracker.tracker.tests.unit.plugins.module_utils.test_issue_fields import (
    ALICE,
    USERS,
    typed,
    user,
    wanted,
)


def issue(number, status='resolved', priority='normal', tags=(), issue_type='bug', queue='REL', assignee=None):
    found = {'key': '%s-%d' % (queue, number), 'id': str(number), 'queue': {'id': '1', 'key': queue},
             'type': typed('issuetypes', '1', issue_type), 'status': typed('statuses', '3', status),
             'priority': typed('priorities', '2', priority), 'tags': list(tags)}
    if assignee is not None:
        found['assignee'] = user(assignee)
    return found


def transition(transition_id, to):
    return {'id': transition_id, 'to': typed('statuses', '9', to)}


FROM_RESOLVED = [transition('reopen', 'open'), transition('close', 'closed')]
FROM_OPEN = [transition('start_progress', 'inProgress'), transition('resolve', 'resolved')]


def names_of(found):
    return dict(USERS)


def plan(task, issues, transitions=None):
    return plan_bulk(task, issues, names_of, transitions or {})


def test_issues_that_match_already_need_nothing():
    task = wanted(status='closed', priority='normal')
    result = plan(task, [issue(1, status='closed'), issue(2, status='Closed')])
    assert (result.changes, result.unchanged, result.operations({})) == ([], 2, [])


def test_the_transitions_are_read_once_per_queue_type_and_status_of_the_issues_that_move():
    task = wanted(status='closed')
    issues = [issue(1), issue(2), issue(3, status='closed'), issue(4, status='open'), issue(5, issue_type='task'),
              issue(6, queue='OPS')]
    assert transitions_to_read(task, issues) == {
        ('REL', 'bug', 'resolved'): 'REL-1', ('REL', 'bug', 'open'): 'REL-4', ('REL', 'task', 'resolved'): 'REL-5',
        ('OPS', 'bug', 'resolved'): 'OPS-6'}
    assert transitions_to_read(wanted(priority='critical'), issues) == {}


def test_issues_needing_the_same_transition_share_one_operation_with_the_resolution():
    task = wanted(status='closed', resolution='fixed')
    transitions = {('REL', 'bug', 'resolved'): FROM_RESOLVED}
    result = plan(task, [issue(1), issue(2, status='closed'), issue(3)], transitions)
    [operation] = result.operations(task.transition_body())
    assert operation == ('transition', ['REL-1', 'REL-3'], {'resolution': 'fixed'}, 'close')
    assert result.unchanged == 1


def test_issues_needing_the_same_values_share_one_update_and_others_get_their_own():
    task = wanted(priority='critical', tags=['release'])
    issues = [issue(1, tags=['release']), issue(2), issue(3, priority='critical'), issue(4),
              issue(5, priority='critical', tags=['release'])]
    operations = plan(task, issues).operations({})
    assert [(operation.kind, operation.keys, operation.values) for operation in operations] == [
        ('update', ['REL-1'], {'priority': 'critical'}),
        ('update', ['REL-2', 'REL-4'], {'priority': 'critical', 'tags': {'add': ['release']}}),
        ('update', ['REL-3'], {'tags': {'add': ['release']}}),
    ]


def test_fields_and_status_make_an_update_then_a_transition():
    task = wanted(assignee='alice', status='closed')
    transitions = {('REL', 'bug', 'resolved'): FROM_RESOLVED}
    operations = plan(task, [issue(1), issue(2, assignee=ALICE)], transitions).operations({})
    assert [(operation.kind, operation.keys) for operation in operations] == [
        ('update', ['REL-1']), ('transition', ['REL-1', 'REL-2'])]


def test_more_issues_than_an_operation_takes_are_split():
    task = wanted(priority='critical')
    operations = plan(task, [issue(number) for number in range(MAX_ISSUES + 5)]).operations({})
    assert [len(operation.keys) for operation in operations] == [MAX_ISSUES, 5]


def test_an_issue_that_cannot_reach_the_status_is_set_apart_and_named():
    task = wanted(status='closed', priority='critical')
    transitions = {('REL', 'bug', 'resolved'): FROM_RESOLVED, ('REL', 'bug', 'open'): FROM_OPEN}
    result = plan(task, [issue(1), issue(2, status='open'), issue(3, status='open')], transitions)
    assert [change.key for change in result.changes] == ['REL-1']
    assert unreachable_keys(result) == ['REL-2', 'REL-3']
    assert unreachable_lines(result, 'closed') == [
        "REL-2, REL-3 in status 'open': no transition leads to 'closed' (reachable: inProgress, resolved)"]


def test_a_workflow_without_transitions_says_none_are_reachable():
    task = wanted(status='closed')
    result = plan(task, [issue(1)], {('REL', 'bug', 'resolved'): []})
    assert unreachable_lines(result, 'closed') == ["REL-1 in status 'resolved': no transition leads to 'closed' (reachable: none)"]


def test_a_long_list_of_keys_is_cut_in_messages():
    task = wanted(status='closed')
    result = plan(task, [issue(number, status='open') for number in range(1, 13)], {('REL', 'bug', 'open'): FROM_OPEN})
    assert unreachable_lines(result, 'closed')[0].startswith(
        'REL-1, REL-2, REL-3, REL-4, REL-5, REL-6, REL-7, REL-8, REL-9, REL-10 and 2 more in status')


def test_the_result_and_the_diff_show_what_changes_per_issue():
    task = wanted(priority='critical', status='closed')
    transitions = {('REL', 'bug', 'resolved'): FROM_RESOLVED}
    result = plan(task, [issue(1), issue(2, priority='critical')], transitions)
    entries = [result_entry(change.key, planned_lines(task, change, names_of(change.issue))) for change in result.changes]
    assert entries == [
        {'key': 'REL-1', 'before': {'priority': 'normal', 'status': 'resolved'},
         'after': {'priority': 'critical', 'status': 'closed'}},
        {'key': 'REL-2', 'before': {'status': 'resolved'}, 'after': {'status': 'closed'}}]
    assert diff_lines('2 issues found, 2 to change', entries) == (
        ['2 issues found, 2 to change', 'REL-1 priority: normal', 'REL-1 status: resolved', 'REL-2 status: resolved'],
        ['2 issues found, 2 to change', 'REL-1 priority: critical', 'REL-1 status: closed', 'REL-2 status: closed'])


def test_what_changed_is_read_from_the_issue_found_again():
    task = wanted(priority='critical', status='closed')
    assert done_lines(task, issue(1), issue(1, status='closed'), {}) == {'status': ('resolved', 'closed')}
    assert done_lines(task, issue(1), issue(1), {}) == {}


def test_an_operation_is_over_when_complete_completed_or_failed():
    assert [finished({'status': status}) for status in ('CREATED', 'RUNNING', 'COMPLETE', 'COMPLETED', 'FAILED',
                                                        'complete')] == [False, False, True, True, True, True]
    assert [failed({'status': status}) for status in ('COMPLETE', 'FAILED', None)] == [False, True, False]
    assert not finished({})
