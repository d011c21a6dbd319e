# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""The task of tracker_issue: find or create the issue, then its fields, then its status.

What to send is decided by the pure functions of _issue_fields and _issue_status; this file reads,
writes through TrackerClient and settles what other runs did meanwhile:

* a create with ``unique`` refused with 409 (another run made the issue a moment earlier), or
  whose answer was lost, is settled by searching: the issue found is the task's. Posting again is
  safe only because Tracker refuses a second issue with the same ``unique``;
* a PATCH carries the ``version`` that was read: a 409 means the issue was edited in between, so
  the task reads it again and plans again, at most ``retries`` times;
* a transition refused, or whose answer was lost, is settled by reading the issue: if it is in the
  wanted status, whoever moved it, there is nothing left to do.

This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._issue_fields import (
    create_body,
    describe,
    describe_after,
    plan_fields,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_status import (
    choose_transition,
    status_reached,
    unreachable,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._common import diff, one_object
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import CONFLICTS, carry_out, converge, create_once
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_names import resolve_names
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import shown
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import (
    ISSUES,
    SEARCH,
    an_issue,
    execute_path,
    issue_path,
    queue_hints,
    queue_key_of,
    read_issue,
    transitions_path,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import tracker_client
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import OutcomeUnknown, TrackerError

LIMIT_HINT = "the issue has reached Tracker's limit of changes (its version): Tracker refuses to edit it any further"
PATCH_HINTS = {
    409: 'the issue was edited by someone else between every read and write; raise retries',
    412: 'the issue was edited by someone else between every read and write; raise retries',
    423: LIMIT_HINT,
}
TRANSITION_HINTS = {
    400: 'the transition may need fields of its own: give resolution or transition_fields',
    422: 'the transition may need fields of its own: give resolution or transition_fields',
    423: LIMIT_HINT,
}


class StatusMoved(TrackerError):
    """No transition leads to the wanted status from the one read, and the issue has moved since:
    read it again and plan again."""

    def __init__(self, message):
        super(StatusMoved, self).__init__(message, status=409)


class IssueTask(object):
    """One run of the task; what it found and did stays readable when it fails half way."""

    def __init__(self, client, wanted, check_mode):
        self.client = client
        self.wanted = wanted
        self.check_mode = check_mode
        # What the task's names stand for, each found once per task: a user name, the ids the users API
        # gave for it; (kind, entry) of a version or component, its Item (see _issue_fields).
        self.names = {}
        self.changed = False
        self.created = False
        self.first = None     # the issue as first read: the diff's "before"
        self.issue = None     # the issue as last answered
        self.sent = {}        # the fields written, or that check mode would write
        self.status_after = None

    def run(self):
        self.first = self.find()
        self.issue = self.first if self.first is not None else self.create()
        if self.issue is not None:  # None: check mode would create it
            self.fields_and_status()

    def result(self):
        return dict(changed=self.changed, created=self.created, issue=self.issue)

    def failure(self):
        """What the result of a failed task says was done before the failure."""
        return self.result()

    def diff(self):
        names = self.names
        return diff(describe(self.wanted, self.first, names),
                    describe_after(self.wanted, self.first, names, self.sent, self.status_after))

    # Which issue

    def find(self):
        if self.wanted.key is not None:
            return read_issue(self.client, self.wanted.key)
        return self.find_unique()

    def find_unique(self):
        """The issue whose unique is the task's, or None."""
        unique = self.wanted.unique
        found = self.client.search_all(SEARCH, {'filter': {'unique': unique}})
        # A search may match more loosely than equality: an issue that shows its unique must show this one.
        same = [issue for issue in found if isinstance(issue, dict) and issue.get('unique', unique) == unique]
        if len(same) > 1:
            raise TrackerError('%d issues match unique %r (%s) and the answers do not tell which has it'
                               % (len(same), unique, ', '.join(str(issue.get('key')) for issue in same)))
        return same[0] if same else None

    def create(self):
        """The issue the task creates; None in check mode.

        A create refused with 409 (another run made the issue a moment earlier), or whose answer was
        lost, is settled by searching: the issue found is the task's. Sending it again is safe only
        because Tracker refuses a second issue with the same unique; and Tracker's search may not
        show an issue made this instant, so the search is tried within the create's budget.
        """
        wanted = self.wanted
        if wanted.queue is None or 'summary' not in [field.name for field in wanted.fields]:
            raise TrackerError('no issue has unique %r, and creating one needs queue and summary' % wanted.unique)
        self.resolve(None)
        self.sent = plan_fields(wanted, {}, self.names)
        self.status_after = wanted.status
        self.changed = self.created = True
        if self.check_mode:
            return None
        body = create_body(wanted, self.names)

        def post(dummy):
            return an_issue(self.client.create(ISSUES, body, hints=queue_hints(wanted.queue)), 'POST %s' % ISSUES)

        found = []

        def search():
            found[:] = [self.find_unique()]
            return lambda dummy: found[0] is not None

        answers, dummy, taken = create_once(
            self.client, [wanted], post, search, conflicts=(409,), always_read=False, reason='issue not found yet',
            missing='and no issue with unique %r is found' % wanted.unique)
        if answers[0] is not None:
            return answers[0]
        if taken:
            # Another run made it a moment earlier: this one creates nothing, and the rest of the task, and
            # the diff, start from the issue as if the first search had found it.
            self.changed = self.created = False
            self.first, self.sent, self.status_after = found[0], {}, None
        return found[0]

    # Fields and status

    def fields_and_status(self):
        """Fields, then status; a conflict means the issue changed meanwhile: read it, plan again."""
        def read_again():
            self.issue = read_issue(self.client, self.issue_key())

        if not converge(self.client, self.converge_once, read_again):
            raise TrackerError('%s: the transition to %r was sent but the issue is not there after %d attempts'
                               % (self.issue_key(), self.wanted.status, self.client.retries + 1))

    def converge_once(self):
        """Plan against self.issue and carry the plan out; False when the outcome needs another look."""
        issue = self.issue
        self.resolve(issue)
        body = plan_fields(self.wanted, issue, self.names)
        # Read before any write: a status out of reach fails the task with nothing written.
        transition = self.transition_to_run(issue)
        self.sent.update(body)
        if self.check_mode:
            self.changed = self.changed or bool(body or transition)
            return True
        if body:
            self.issue = self.patch(issue, body)
            self.changed = True
        if transition is None:
            return True
        return self.run_transition(transition)

    def transition_to_run(self, issue):
        """The transition to the wanted status; None when the issue is there already.

        The transitions are those from the issue's status when they are read. Another run may move
        the issue between the read of the issue and the read of its transitions (several hosts
        closing one release issue): when none leads to the wanted status, the issue is read again.
        Already there is success; moved elsewhere is planned again (StatusMoved, a conflict).
        """
        wanted = self.wanted.status
        if wanted is None or status_reached(wanted, issue.get('status')):
            return None
        transitions = self.client.get_all(transitions_path(self.issue_key()))
        transition = choose_transition(transitions, wanted)
        if transition is None:
            again = read_issue(self.client, self.issue_key())
            if status_reached(wanted, again.get('status')):
                self.issue = again
                return None
            if not status_reached(shown(issue.get('status')), again.get('status')):
                self.issue = again
                raise StatusMoved('%s moved from %r to %r while its transitions were read'
                                  % (self.issue_key(), shown(issue.get('status')), shown(again.get('status'))))
            raise TrackerError(unreachable(self.issue_key(), again.get('status'), wanted, transitions))
        self.status_after = shown(transition.get('to'))
        return transition

    def patch(self, issue, body):
        version = issue.get('version')
        answer = self.client.request_json('PATCH', issue_path(self.issue_key()), body=body,
                                          params={'version': version} if version is not None else None,
                                          hints=PATCH_HINTS)
        # An edit answers the issue; an answer without one is made good by a read.
        return one_object(answer) or read_issue(self.client, self.issue_key())

    def run_transition(self, transition):
        """Execute the transition; True once the issue is in the wanted status, False to look again."""
        key, wanted = self.issue_key(), self.wanted.status
        refused = None
        try:
            self.client.request_json('POST', execute_path(key, str(transition.get('id'))),
                                     body=self.wanted.transition_body(), hints=TRANSITION_HINTS)
        except OutcomeUnknown:
            pass  # whether it ran, the read below tells
        except TrackerError as error:
            if error.status in CONFLICTS:
                raise
            refused = error
        # The transition answers the transitions from the new status, not the issue: read it.
        self.issue = read_issue(self.client, key)
        reached = status_reached(wanted, self.issue.get('status'))
        if refused is not None and not reached:
            raise TrackerError('%s: transition %r to %r refused: %s' % (key, transition.get('id'), wanted, refused),
                               status=refused.status)
        # A refused transition that finds the issue there anyway: another run took it there.
        self.changed = self.changed or (reached and refused is None)
        return reached

    # Helpers

    def issue_key(self):
        return str(self.issue.get('key') or self.issue.get('id') or self.wanted.key)

    def resolve(self, issue):
        """Look up, once per task, the user names, versions and components that comparing with ``issue`` needs.

        Within the issue's queue: the one it is in, or, for a new issue, the one it is created in (a key
        in upper case, as Tracker's are and as the path of its versions wants it, or an id).
        """
        queue = queue_key_of(issue) if issue is not None else self.wanted.queue.upper()
        resolve_names(self.client, self.wanted, issue, queue, self.names, self.names)


def run_issue_task(module, wanted):
    """Make the issue what ``wanted`` (a WantedIssue) says; exit or fail the module."""
    carry_out(module, IssueTask(tracker_client(module), wanted, module.check_mode))
