# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Bulk changes for tracker_emulator.py, as bulk-update-issues.md, bulk-transition.md and
bulk-change-status.md describe them.

A bulk POST answers 201 with an operation CREATED; the operation is carried out in the background:
at the first request served once ``bulk_delay`` seconds have passed since it was made (0: before
the next request), never within the creating request. Each issue is changed as the single-issue
request would change it (PATCH, or the transition), and what that request would refuse leaves the
issue as it was: the operation then ends FAILED, "Bulk edit completed with errors", its other
issues changed. Otherwise it ends ``bulk_final_status`` (COMPLETE, as the official client waits
for, or COMPLETED, as its README tests). The first ``bulk_hidden_reads`` reads of a new operation
answer 404, as one not visible yet; the issues of ``bulk_fail_issues`` fail in every operation.
"""

import itertools
import time

from tracker_emulator_resource import Answer, Problem, now
from tracker_emulator_search import Search
from tracker_emulator_users import TOKEN_AUTHOR, author_view
from tracker_emulator_workflow import execute

MAX_ISSUES = 10000
DEFAULTS = {'bulk_delay': 0, 'bulk_final_status': 'COMPLETE', 'bulk_hidden_reads': 0, 'bulk_fail_issues': []}
SETTINGS = tuple(DEFAULTS)
FINAL_STATUSES = ('COMPLETE', 'COMPLETED')
CREATED_TEXT = 'Bulk change task created.'


class BulkChanges:
    """Every bulk operation made, by id, and those still to carry out."""

    def __init__(self, config):
        self.config = config
        self.operations = {}
        self.numbers = itertools.count(1)

    def create(self, request, kind, keys, values, transition):
        number = next(self.numbers)
        operation = {'id': '%024x' % (0x5b0c << 80 | number), 'kind': kind, 'issues': keys, 'values': values,
                     'transition': transition, 'notify': request.query.get('notify'), 'createdAt': now(),
                     'due': time.monotonic() + float(self.config['bulk_delay']), 'status': 'CREATED',
                     'statusText': CREATED_TEXT, 'hidden': int(self.config['bulk_hidden_reads']), 'results': {}}
        self.operations[operation['id']] = operation
        return operation

    def carry_out_due(self, tracker):
        """Carry out each operation whose time has come (called before every request is served)."""
        for operation in self.operations.values():
            if operation['status'] == 'CREATED' and time.monotonic() >= operation['due']:
                carry_out(tracker, operation)


def carry_out(tracker, operation):
    keys = operation['issues']
    if isinstance(keys, str):
        keys = [record['key'] for record in Search(tracker.issues).run({'query': keys})]
    for key in keys:
        operation['results'][key] = change_one(tracker, operation, key)
    failed = [key for key, outcome in operation['results'].items() if outcome != 'changed']
    operation['total'] = len(keys)
    if failed:
        operation.update(status='FAILED', statusText='Bulk edit completed with errors')
    else:
        operation.update(status=tracker.config['bulk_final_status'], statusText='Bulk change completed.')


def change_one(tracker, operation, key):
    """'changed', or why the issue was left as it was."""
    try:
        if key in tracker.config['bulk_fail_issues']:
            raise Problem(422, 'The issue cannot be changed.')
        issues = tracker.issues
        record = issues.find(key)
        values = dict(operation['values'] or {})
        if operation['kind'] == 'transition':
            execute(issues, record, operation['transition'], values)
        else:
            comment = values.pop('comment', None)
            issues.patch(record, values)
            if comment is not None:
                tracker.comments.post(record['key'], str(comment))
        issues.writes.append({'method': 'BULK', 'path': '/bulkchange/%s' % operation['id'], 'query': '',
                              'body': {'issue': record['key'], 'kind': operation['kind'],
                                       'transition': operation['transition'], 'values': operation['values']}})
        return 'changed'
    except Problem as problem:
        return problem.message


def view(api, operation):
    """An operation as the API answers it."""
    answer = {'id': operation['id'], 'self': '%s/bulkchange/%s' % (api, operation['id']),
              'createdBy': author_view(api, TOKEN_AUTHOR), 'createdAt': operation['createdAt'],
              'status': operation['status'], 'statusText': operation['statusText'],
              'executionChunkPercent': 0, 'executionIssuePercent': 0}
    if operation['status'] != 'CREATED':
        done = len([outcome for outcome in operation['results'].values() if outcome == 'changed'])
        answer.update(executionChunkPercent=100, executionIssuePercent=100, totalIssues=operation['total'],
                      totalCompletedIssues=done)
    return answer


def checked_issues(body):
    """The issues of a bulk body: a list of keys or ids, or a query; Problem 400 otherwise."""
    issues = body.get('issues')
    if isinstance(issues, str) and issues.strip():
        return issues
    if not isinstance(issues, list) or not issues or not all(isinstance(one, str) and one for one in issues):
        raise Problem(400, 'issues must be a non-empty list of issue keys or ids, or a query.')
    if len(issues) > MAX_ISSUES:
        raise Problem(400, 'The maximum number of issues per change is 10,000.')
    return [one.upper() if '-' in one else one for one in issues]


def checked_values(body, required):
    values = body.get('values')
    if values is None and not required:
        return {}
    if not isinstance(values, dict) or (required and not values):
        raise Problem(400, 'values must be an object of the fields to change.')
    return values


def checked_notify(request):
    notify = request.query.get('notify')
    if notify is not None and notify.lower() not in ('true', 'false'):
        raise Problem(400, 'notify must be true or false.')


def bulk_update(tracker, request):
    checked_notify(request)
    keys, values = checked_issues(request.body), checked_values(request.body, required=True)
    return Answer(201, view(request.api, tracker.bulk.create(request, 'update', keys, values, None)))


def bulk_transition(tracker, request):
    checked_notify(request)
    transition = request.body.get('transition')
    if not isinstance(transition, str) or not transition:
        raise Problem(400, 'transition is required: the id of a transition.')
    keys, values = checked_issues(request.body), checked_values(request.body, required=False)
    return Answer(201, view(request.api, tracker.bulk.create(request, 'transition', keys, values, transition)))


def get_bulk_change(tracker, request):
    operation = tracker.bulk.operations.get(request.params['operation'])
    if operation is None:
        raise Problem(404, 'Bulk change not found.')
    if operation['hidden'] > 0:
        operation['hidden'] -= 1
        raise Problem(404, 'Bulk change not found.')
    return Answer(200, view(request.api, operation))


def list_bulk_changes(tracker, request):
    """The test control: every operation, with its kind, issues, values, notify and each issue's outcome."""
    return Answer(200, [dict((name, value) for name, value in operation.items() if name not in ('due', 'hidden'))
                        for operation in tracker.bulk.operations.values()])
