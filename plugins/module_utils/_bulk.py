# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure planning of tracker_bulk_change: which issues of a search differ, and the bulk operations that fix them.

Each issue is compared with the task by tracker_issue's own functions (plan_fields for the fields,
choose_transition for the status), so a bulk change means what a loop of tracker_issue tasks means.
Issues that need the same field values go into one update, issues that need the same transition
into one transition, at most MAX_ISSUES a operation. Transitions depend on the issue's workflow
(its queue and type) and status: they are read for one issue of each such group (workflow_of).

This file is private to the collection (leading underscore): it may change without notice. It does no I/O.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._issue_fields import describe, describe_after, plan_fields
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_status import choose_transition, reachable, status_reached
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import shown
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import queue_key_of

# The API's limit of issues in one bulk operation.
MAX_ISSUES = 10000
# An operation's final statuses: the reference shows FAILED; the official client waits for COMPLETE, its
# README tests COMPLETED.
FAILED = 'FAILED'
FINISHED = ('COMPLETE', 'COMPLETED', FAILED)
# How many keys a message names before it counts the rest.
KEYS_NAMED = 10

# What one issue needs: the fields to send (a PATCH body), the transition to run (None: none).
Change = namedtuple('Change', ['key', 'issue', 'body', 'transition'])
# One bulk operation to send: 'update' with values, or 'transition' (its id) with values.
Operation = namedtuple('Operation', ['kind', 'keys', 'values', 'transition'])


def issue_key(issue):
    return str(issue.get('key') or issue.get('id'))


def needs_status(wanted, issue):
    """Whether ``issue`` is not in the wanted status (False when the task names none)."""
    return wanted.status is not None and not status_reached(wanted.status, issue.get('status'))


def workflow_of(issue):
    """What the transitions offered to ``issue`` depend on: its queue, its type and its status."""
    return (queue_key_of(issue), shown(issue.get('type')), shown(issue.get('status')))


def transitions_to_read(wanted, issues):
    """For each workflow among the issues that must change status, the key of one issue of it, whose
    transitions stand for all of them; in the order met."""
    groups = {}
    for issue in issues:
        if needs_status(wanted, issue):
            groups.setdefault(workflow_of(issue), issue_key(issue))
    return groups


class BulkPlan(object):
    """What the issues found need: ``changes`` (Change, in the search's order), ``unreachable`` (the
    issues no transition takes to the status, by workflow) and ``unchanged`` (how many match already)."""

    def __init__(self):
        self.changes = []
        self.unreachable = {}
        self.unchanged = 0

    def operations(self, values):
        """The bulk operations: updates first (same body, one operation), then transitions (same id,
        one operation, with ``values``), each at most MAX_ISSUES issues, in the order first met."""
        updates, transitions = {}, {}
        for change in self.changes:
            if change.body:
                updates.setdefault(json.dumps(change.body, sort_keys=True), (change.body, []))[1].append(change.key)
            if change.transition is not None:
                transitions.setdefault(str(change.transition.get('id')), []).append(change.key)
        operations = []
        for body, keys in updates.values():
            operations.extend(Operation('update', part, body, None) for part in chunks(keys))
        for transition, keys in transitions.items():
            operations.extend(Operation('transition', part, values, transition) for part in chunks(keys))
        return operations


def plan_bulk(wanted, issues, names_of, transitions):
    """The BulkPlan of ``issues`` (as the search answered them).

    ``names_of(issue)`` gives what the task's names stand for in the issue's queue (see
    _issue_fields), ``transitions`` the transitions read for each workflow of transitions_to_read.
    """
    plan = BulkPlan()
    for issue in issues:
        body = plan_fields(wanted, issue, names_of(issue))
        transition = None
        if needs_status(wanted, issue):
            offered = transitions.get(workflow_of(issue), [])
            transition = choose_transition(offered, wanted.status)
            if transition is None:
                plan.unreachable.setdefault(workflow_of(issue), (offered, []))[1].append(issue_key(issue))
                continue
        if body or transition is not None:
            plan.changes.append(Change(issue_key(issue), issue, body, transition))
        else:
            plan.unchanged += 1
    return plan


def chunks(keys, size=MAX_ISSUES):
    return [keys[start:start + size] for start in range(0, len(keys), size)]


def some_keys(keys):
    """Keys for a message: the first KEYS_NAMED, and how many more."""
    named = ', '.join(keys[:KEYS_NAMED])
    return named if len(keys) <= KEYS_NAMED else '%s and %d more' % (named, len(keys) - KEYS_NAMED)


def unreachable_lines(plan, wanted_status):
    """Why each workflow's issues cannot be moved: one sentence each, naming them."""
    lines = []
    for (queue, issue_type, status), (offered, keys) in plan.unreachable.items():
        statuses = reachable(offered)
        lines.append('%s in status %r: no transition leads to %r (reachable: %s)'
                     % (some_keys(keys), status, wanted_status, ', '.join(statuses) if statuses else 'none'))
    return lines


def unreachable_keys(plan):
    return [key for dummy, keys in plan.unreachable.values() for key in keys]


def finished(operation):
    """Whether an operation as GET /bulkchange/<id> answers it is over."""
    return str(operation.get('status', '')).upper() in FINISHED


def failed(operation):
    return str(operation.get('status', '')).upper() == FAILED


# What the result and the diff say of an issue: the lines of describe() that differ, by option.

def changed_lines(before, after):
    """The (before, after) pairs of two describe() line lists that differ, by option: {option: (before, after)}."""
    changed = {}
    for old, new in zip(before, after):
        if old != new:
            option = old.split(':', 1)[0]
            changed[option] = (old[len(option) + 2:], new[len(option) + 2:])
    return changed


def planned_lines(wanted, change, names):
    """What the change of one issue makes of it: {option: (before, after)}."""
    status_after = shown(change.transition.get('to')) if change.transition is not None else None
    return changed_lines(describe(wanted, change.issue, names),
                         describe_after(wanted, change.issue, names, change.body, status_after))


def done_lines(wanted, issue, again, names):
    """What changed between ``issue`` and ``again``, the same issue read after the operations."""
    return changed_lines(describe(wanted, issue, names), describe(wanted, again, names))


def result_entry(key, changed):
    """One issue in the result: its key and, per option, its value before and after."""
    return dict(key=key, before=dict((option, pair[0]) for option, pair in sorted(changed.items())),
                after=dict((option, pair[1]) for option, pair in sorted(changed.items())))


def diff_lines(summary, entries):
    """The diff of the task: a summary line, then one line per option of each issue that changes."""
    before, after = [summary], [summary]
    for entry in entries:
        for option in sorted(entry['before']):
            before.append('%s %s: %s' % (entry['key'], option, entry['before'][option]))
            after.append('%s %s: %s' % (entry['key'], option, entry['after'][option]))
    return before, after
