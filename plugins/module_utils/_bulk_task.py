# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""The task of tracker_bulk_change: one search, the plan of _bulk, the bulk operations, a search of what they changed.

Tracker carries out a bulk operation in the background: the POST answers an operation ``CREATED``,
which is read (polled) until it is over. Updates go first and are waited for, then transitions, so
that an issue's fields are set before it moves, as tracker_issue does it. A bulk POST is sent again
when its answer is lost: what it asks is a state, not a step (values set or added, a transition
that a moved issue no longer offers), so a second operation finds nothing left to do, and the
search afterwards tells what the issues are.

This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._bulk import (
    chunks,
    done_lines,
    diff_lines,
    failed,
    finished,
    issue_key,
    needs_status,
    plan_bulk,
    planned_lines,
    result_entry,
    some_keys,
    transitions_to_read,
    unreachable_keys,
    unreachable_lines,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._common import diff
from ansible_collections.ytracker.tracker.plugins.module_utils._errors import TrackerError
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_fields import plan_fields
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_names import resolve_names
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_search import find_issues
from ansible_collections.ytracker.tracker.plugins.module_utils._paging import now
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import (
    BULK_TRANSITION,
    BULK_UPDATE,
    bulk_path,
    queue_key_of,
    transitions_path,
)

PATHS = {'update': BULK_UPDATE, 'transition': BULK_TRANSITION}
# Tracker's answer does not say why an issue failed: what a transition most often lacks.
TRANSITION_HINT = ' (a transition may need fields of its own: give resolution or transition_fields)'


class BulkTask(object):
    """One run of the task; what it found and did stays readable when it fails half way."""

    def __init__(self, client, wanted, search, options, check_mode):
        self.client = client
        self.wanted = wanted          # a WantedIssue: what every issue found must have
        self.search = search          # the body of the search
        self.options = options        # skip_unreachable, notify, wait, wait_timeout
        self.check_mode = check_mode
        self.users = {}               # each login read: its ids
        self.names = {}               # per queue key: what the task's names stand for (see _issue_fields)
        self.found = []
        self.plan = None
        self.entries = []             # per issue that changes (or would): its key, before and after
        self.operations = []          # each bulk operation sent, as last read
        self.changed = False
        self.started = None           # when the first operation was sent: the wait counts from then

    def run(self):
        wanted = self.wanted
        self.found = find_issues(self.client, self.search)
        for issue in self.found:
            queue = queue_key_of(issue)
            resolve_names(self.client, wanted, issue, queue, self.names.setdefault(queue, {}), self.users)
        transitions = dict((workflow, self.client.get_all(transitions_path(key)))
                           for workflow, key in transitions_to_read(wanted, self.found).items())
        plan = self.plan = plan_bulk(wanted, self.found, self.names_of, transitions)
        if plan.unreachable and not self.options['skip_unreachable']:
            raise TrackerError('nothing was changed: %s cannot be moved to %r (skip_unreachable=true leaves them as they '
                               'are): %s' % (count(len(unreachable_keys(plan))), wanted.status,
                                             '; '.join(unreachable_lines(plan, wanted.status))))
        self.entries = [result_entry(change.key, planned_lines(wanted, change, self.names_of(change.issue)))
                        for change in plan.changes]
        self.changed = bool(plan.changes)
        if self.check_mode or not plan.changes:
            return
        operations = plan.operations(wanted.transition_body())
        self.started = now()
        # Fields first, then statuses: a transition may depend on what the update sets.
        for kind in ('update', 'transition'):
            self.carry_out([operation for operation in operations if operation.kind == kind])
        if self.options['wait']:
            self.settle()

    def names_of(self, issue):
        return self.names.get(queue_key_of(issue), {})

    def carry_out(self, operations):
        """Send ``operations`` and, unless told not to wait, read each until it is over."""
        sent = [self.send(operation) for operation in operations]
        if not self.options['wait']:
            return
        deadline = self.started + self.options['wait_timeout']
        for entry in sent:
            answer = self.client.poll(bulk_path(entry['id']), finished, max(deadline - now(), 0), not_yet=(404,),
                                      what='bulk change %s' % entry['id'])
            entry.update(status=answer.get('status'), statusText=answer.get('statusText'))

    def send(self, operation):
        """POST one operation; its entry in the result."""
        body = dict(issues=operation.keys)
        if operation.kind == 'transition':
            body['transition'] = operation.transition
            if operation.values:
                body['values'] = operation.values
        else:
            body['values'] = operation.values
        notify = self.options['notify']
        params = {'notify': str(notify).lower()} if notify is not None else None
        # Safe to send again when the answer is lost: see the docstring of this file.
        answer = self.client.request_json('POST', PATHS[operation.kind], body=body, params=params, safe_to_repeat=True)
        if not isinstance(answer, dict) or not answer.get('id'):
            raise TrackerError('POST %s: the answer names no bulk operation: %r' % (PATHS[operation.kind], answer))
        entry = dict(id=str(answer['id']), kind=operation.kind, issues=list(operation.keys),
                     transition=operation.transition, status=answer.get('status'), statusText=answer.get('statusText'))
        self.operations.append(entry)
        return entry

    def settle(self):
        """Search again: what each issue is now, and which did not change."""
        # By key: the task's own search may no longer find them (a search for the status they left).
        keys = [change.key for change in self.plan.changes]
        again = dict((issue_key(issue), issue) for part in chunks(keys)
                     for issue in find_issues(self.client, {'keys': part}) if isinstance(issue, dict))
        entries, behind = [], []
        for change in self.plan.changes:
            now_issue = again.get(change.key, change.issue)
            names = self.names_of(change.issue)
            if plan_fields(self.wanted, now_issue, names) or needs_status(self.wanted, now_issue):
                behind.append(change.key)
            entries.append(result_entry(change.key, done_lines(self.wanted, change.issue, now_issue, names)))
        self.entries = [entry for entry in entries if entry['before']]
        self.changed = bool(self.entries)
        if behind:
            raise TrackerError(not_changed(behind, self.operations))

    def result(self):
        # Without skip_unreachable, such issues fail the task: its message names them.
        unreachable = self.plan.unreachable.items() if self.plan and self.options['skip_unreachable'] else []
        # Not "skipped": Ansible takes a result's skipped for the task's own.
        left_alone = [dict(key=key, status=workflow[2]) for workflow, (dummy, keys) in unreachable for key in keys]
        return dict(changed=self.changed, matched=len(self.found), changes=self.entries, left_alone=left_alone,
                    operations=self.operations)

    def failure(self):
        return self.result()

    def diff(self):
        plan = self.plan
        summary = '%s found, %d to change' % (count(len(self.found)), len(plan.changes) if plan else 0)
        if plan is not None and plan.unreachable:
            summary += ', %d left as they are (no transition to %s)' % (len(unreachable_keys(plan)), self.wanted.status)
        return diff(*diff_lines(summary, self.entries))


def not_changed(keys, operations):
    """Why ``keys`` still differ after ``operations``: the failed ones, in Tracker's words, or a search behind."""
    failures = ['bulk change %s (%s) ended %s: %s%s' % (
        entry['id'], entry['kind'], entry['status'], entry['statusText'], TRANSITION_HINT if entry['kind'] == 'transition' else '')
        for entry in operations if failed(entry)]
    why = '; '.join(failures) if failures else (
        'every bulk change ended %s, yet the search shows them as before: it may lag behind, run the task again'
        % ', '.join(sorted(set(str(entry['status']) for entry in operations))))
    return '%s did not change (%s): %s' % (count(len(keys)), some_keys(keys), why)


def count(number):
    return '%d issue%s' % (number, '' if number == 1 else 's')
