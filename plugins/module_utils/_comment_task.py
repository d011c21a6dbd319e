# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""The task of ytracker.tracker.tracker_comment: read, plan, write the difference, report.

One read of the issue's comments (every page), the plan of _comments, then at most one POST or
PATCH, or the DELETEs of absent. A POST whose answer was lost is resolved by reading again, and
the read after a POST also settles twins posted by runs at the same moment. This file is private
to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._comments import (
    author,
    describe,
    diff_texts,
    identified,
    one_comment,
    plan_comment,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._links import settle_created
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import exit_task, fail_task, tracker_client
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import (
    OutcomeUnknown,
    TrackerError,
    quote_segment,
)


class IssueComments(object):
    """The comments of one issue, through a TrackerClient."""

    def __init__(self, client, issue):
        self.client = client
        self.issue = issue
        self.path = '/issues/%s/comments' % quote_segment(issue)
        self.hints = {404: 'check that issue %r exists and that the token can see it' % issue}

    def read(self):
        """Every comment of the issue: the API pages them by the id of the last one seen, with a Link
        header, which get_all follows."""
        return self.client.get_all(self.path, hints=self.hints)

    def post(self, text, summonees, add_to_followers):
        """POST a comment; its answer as the API gives it (OutcomeUnknown when it was lost)."""
        body = {'text': text}
        if summonees:
            body['summonees'] = summonees
        # Tracker adds the author to the issue's followers unless told not to.
        query = {'isAddToFollowers': 'true' if add_to_followers else 'false'}
        return self.client.request_json('POST', self.path, body=body, params=query, hints=self.hints)

    def comment_path(self, comment):
        return '%s/%s' % (self.path, quote_segment(comment.get('id') or comment.get('longId')))

    def patch(self, comment, text):
        """Edit the comment's text; its answer as the API gives it."""
        return self.client.request_json('PATCH', self.comment_path(comment), body={'text': text},
                                        hints={404: '%s is no longer on issue %s' % (describe(comment), self.issue)})

    def delete(self, comment):
        """Delete the comment; False when it was gone already (404)."""
        try:
            self.client.request_json('DELETE', self.comment_path(comment))
        except TrackerError as error:
            if error.status == 404:
                return False
            raise
        return True


def refused(error, comment, action, fix):
    """A 403 on a comment as the one line a user can act on; any other error as it is."""
    if error.status != 403:
        return error
    return TrackerError('cannot %s %s, written by %s: Tracker answered 403, as it does for a comment of another'
                        ' user; %s' % (action, describe(comment), author(comment) or 'an unknown user', fix),
                        status=403)


def post(comments, wanted, params):
    """Post the wanted comment once; (its answer or None, the comments read after it).

    A POST whose answer was lost (5xx, timeout, dropped connection) is looked for in a read of the
    comments, and posted again only when it is not there: never blindly.
    """
    client = comments.client
    attempt = 0
    while True:
        try:
            created = one_comment(comments.post(wanted.text, params['summonees'], params['add_to_followers']))
            return created, comments.read()
        except OutcomeUnknown as lost:
            after = comments.read()
            if identified(after, wanted):
                return None, after
            if attempt >= client.retries:
                raise TrackerError('%s; the comment is not on the issue after %d attempts' % (lost, attempt + 1),
                                   status=lost.status)
        client.backoff(attempt, reason='lost answer')
        attempt += 1


def settle(comments, wanted, created, after):
    """The comment to keep after posting: runs that posted the same comment at the same moment each
    find all of them in ``after``; every run keeps the lowest id and deletes the others, so they
    agree on one."""
    kept, twins = settle_created([wanted], [created], lambda one: identified(after, one))
    for twin in twins:
        comments.delete(twin)
    if kept[0] is None:
        raise TrackerError('POST %s answered no comment, and none is on the issue' % comments.path)
    return kept[0]


def edit(comments, comment, wanted):
    """Edit ``comment`` to the wanted text; the comment as the answer gives it, or None."""
    try:
        return one_comment(comments.patch(comment, wanted.text))
    except TrackerError as error:
        raise refused(error, comment, 'edit', 'give this task another marker than %r, so that it posts a comment of'
                                              ' its own' % wanted.marker)


def read_again(comments, comment):
    """``comment`` as a new read of the issue's comments shows it, or None."""
    return next((found for found in comments.read() if str(found.get('id')) == str(comment.get('id'))), None)


def delete_all(comments, to_delete, removed):
    """Delete ``to_delete``, adding to ``removed`` each one this run did delete."""
    for comment in to_delete:
        try:
            # One that another run deleted meanwhile (404) was not removed by this one.
            if comments.delete(comment):
                removed.append(comment)
        except TrackerError as error:
            raise refused(error, comment, 'delete', 'delete it as its author, or narrow the marker')


def run_comment_task(module, wanted):
    """Make the issue of ``module.params`` end in its ``state`` for ``wanted``; exit or fail the module."""
    params = module.params
    state = params['state']
    client = tracker_client(module)
    comments = IssueComments(client, params['issue'])

    comment, removed, written = None, [], False
    try:
        plan = plan_comment(wanted, comments.read(), state)
        comment = plan.found
        if module.check_mode:
            removed = list(plan.to_delete)
        elif plan.to_create is not None:
            created, after = post(comments, wanted, params)
            written = True
            comment = settle(comments, wanted, created, after)
        elif plan.to_edit is not None:
            edited = edit(comments, plan.to_edit, wanted)
            written = True
            # An answer of a shape the reference does not show: the comment as a read shows it.
            comment = edited or read_again(comments, plan.to_edit)
        else:
            delete_all(comments, plan.to_delete, removed)
    except TrackerError as error:
        # What was written before the failure is written: say so.
        fail_task(module, client, error, changed=written or bool(removed), removed=removed)

    changed = plan.to_create is not None or plan.to_edit is not None or bool(removed)
    result = dict(changed=changed, comment=comment if state == 'present' else None, removed=removed)
    if module._diff:
        before, after = diff_texts(plan, wanted, state)
        result['diff'] = dict(before=before, after=after)
    exit_task(module, client, **result)
