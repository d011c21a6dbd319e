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
    users_to_resolve,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_status import (
    choose_transition,
    status_reached,
    unreachable,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import shown, user_ids
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import exit_task, fail_task, tracker_client
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import (
    OutcomeUnknown,
    TrackerError,
    quote_segment,
)

# A stale version: 409 on the current reference pages, 412 on older ones.
CONFLICTS = (409, 412)
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


def issue_path(issue, *parts):
    """/issues/<issue>[/<part>...], each a path segment of its own."""
    return '/'.join(['/issues', quote_segment(issue)] + [quote_segment(part) for part in parts])


def one_issue(answer):
    """An issue from an answer: the reference's examples show it bare and inside a list."""
    if isinstance(answer, list):
        return answer[0] if answer else None
    return answer


def an_issue(answer, where):
    """The issue of an answer; TrackerError when it holds none."""
    found = one_issue(answer)
    if not isinstance(found, dict):
        raise TrackerError('%s: the answer is not an issue: %s' % (where, type(found).__name__))
    return found


class IssueTask(object):
    """One run of the task; what it found and did stays readable when it fails half way."""

    def __init__(self, client, wanted, check_mode):
        self.client = client
        self.wanted = wanted
        self.check_mode = check_mode
        self.users = {}       # a user name of the task: the ids the users API gave for it, once per task
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
            self.converge()

    def diff(self):
        users = self.users
        return dict(before=describe(self.wanted, self.first, users),
                    after=describe_after(self.wanted, self.first, users, self.sent, self.status_after))

    # Which issue

    def find(self):
        if self.wanted.key is not None:
            return self.read(self.wanted.key)
        return self.find_unique()

    def find_unique(self):
        """The issue whose unique is the task's, or None."""
        unique = self.wanted.unique
        found = self.client.search_all('/issues/_search', {'filter': {'unique': unique}})
        # A search may match more loosely than equality: an issue that shows its unique must show this one.
        same = [issue for issue in found if isinstance(issue, dict) and issue.get('unique', unique) == unique]
        if len(same) > 1:
            raise TrackerError('%d issues match unique %r (%s) and the answers do not tell which has it'
                               % (len(same), unique, ', '.join(str(issue.get('key')) for issue in same)))
        return same[0] if same else None

    def read(self, issue):
        return an_issue(self.client.read_issue(issue), 'GET %s' % issue_path(issue))

    def create(self):
        """The issue the task creates; None in check mode. Settles a conflict or a lost answer by searching."""
        wanted = self.wanted
        if wanted.queue is None or 'summary' not in [field.name for field in wanted.fields]:
            raise TrackerError('no issue has unique %r, and creating one needs queue and summary' % wanted.unique)
        self.resolve(None)
        self.sent = plan_fields(wanted, {}, self.users)
        self.status_after = wanted.status
        self.changed = self.created = True
        if self.check_mode:
            return None
        body = create_body(wanted, self.users)
        hints = {404: 'check that queue %r exists and that the token can see it' % wanted.queue}
        attempt = 0
        while True:
            try:
                return an_issue(self.client.request_json('POST', '/issues/', body=body, hints=hints), 'POST /issues/')
            except OutcomeUnknown as lost:
                problem = lost
            except TrackerError as error:
                if error.status != 409:
                    raise
                problem = error
                if attempt == 0:
                    # Another run made it a moment earlier: this one creates nothing.
                    self.changed = self.created = False
            found = self.find_unique()
            if found is not None:
                if not self.created:
                    # Found as if by the first search: the rest of the task, and the diff, start from it.
                    self.first, self.sent, self.status_after = found, {}, None
                return found
            if attempt >= self.client.retries:
                raise TrackerError('%s; and no issue with unique %r is found after %d attempts'
                                   % (problem, wanted.unique, attempt + 1), status=problem.status)
            # Tracker's search may not show an issue made this instant; posting again cannot make a
            # second one with the same unique.
            self.client.backoff(attempt, reason='issue not found yet')
            attempt += 1

    # Fields and status

    def converge(self):
        """Fields, then status; a conflict means the issue changed meanwhile: read it, plan again."""
        attempts = self.client.retries + 1
        for attempt in range(attempts):
            if attempt:
                self.issue = self.read(self.issue_key())
            try:
                if self.converge_once():
                    return
            except TrackerError as error:
                if error.status not in CONFLICTS or attempt + 1 >= attempts:
                    raise
        raise TrackerError('%s: the transition to %r was sent but the issue is not there after %d attempts'
                           % (self.issue_key(), self.wanted.status, attempts))

    def converge_once(self):
        """Plan against self.issue and carry the plan out; False when the outcome needs another look."""
        issue = self.issue
        self.resolve(issue)
        body = plan_fields(self.wanted, issue, self.users)
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
        """The transition to the wanted status; None when the issue is there already."""
        wanted = self.wanted.status
        if wanted is None or status_reached(wanted, issue.get('status')):
            return None
        transitions = self.client.get_all(issue_path(self.issue_key(), 'transitions'))
        transition = choose_transition(transitions, wanted)
        if transition is None:
            raise TrackerError(unreachable(self.issue_key(), issue.get('status'), wanted, transitions))
        self.status_after = shown(transition.get('to'))
        return transition

    def patch(self, issue, body):
        version = issue.get('version')
        answer = self.client.request_json('PATCH', issue_path(self.issue_key()), body=body,
                                          params={'version': version} if version is not None else None,
                                          hints=PATCH_HINTS)
        found = one_issue(answer)
        # An edit answers the issue; an answer without one is made good by a read.
        return found if isinstance(found, dict) and found else self.read(self.issue_key())

    def run_transition(self, transition):
        """Execute the transition; True once the issue is in the wanted status, False to look again."""
        key, wanted = self.issue_key(), self.wanted.status
        path = issue_path(key, 'transitions', str(transition.get('id')), '_execute')
        refused = None
        try:
            self.client.request_json('POST', path, body=self.wanted.transition_body(), hints=TRANSITION_HINTS)
        except OutcomeUnknown:
            pass  # whether it ran, the read below tells
        except TrackerError as error:
            if error.status in CONFLICTS:
                raise
            refused = error
        # The transition answers the transitions from the new status, not the issue: read it.
        self.issue = self.read(key)
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
        """Look up, once per task, the user names that comparing with ``issue`` needs."""
        for name in users_to_resolve(self.wanted, issue):
            if name not in self.users:
                hints = {404: 'no user %r in the organisation: name users by login or uid' % name}
                user = one_issue(self.client.request_json('GET', '/users/%s' % quote_segment(name), hints=hints))
                self.users[name] = user_ids(user)


def run_issue_task(module, wanted):
    """Make the issue what ``wanted`` (a WantedIssue) says; exit or fail the module."""
    client = tracker_client(module)
    task = IssueTask(client, wanted, module.check_mode)
    try:
        task.run()
    except TrackerError as error:
        fail_task(module, client, error, changed=task.changed, created=task.created, issue=task.issue)
    result = dict(changed=task.changed, created=task.created, issue=task.issue)
    if module._diff:
        result['diff'] = task.diff()
    exit_task(module, client, **result)
