# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""An issue's comments as a Resource of the one flow (_flow.py), for tracker_comment.

The plan is _comments.plan_comment's; the flow reads the comments (every page), posts once (a lost
answer settled by reading, twins posted by runs at the same moment settled by the read after it),
edits in place, or deletes. A 403 on another user's comment becomes the one line a user can act
on. This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._comments import (
    author,
    comment_text,
    describe,
    identified,
    normal_text,
    plan_comment,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._common import one_object
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import Resource
from ansible_collections.ytracker.tracker.plugins.module_utils._paging import ByCursor
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import (
    comment_path,
    comments_path,
    issue_hints,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError


class Identified(object):
    """The comments a wanted one describes, as the flow's index asks."""

    def __init__(self, comments):
        self.comments = comments

    def matches(self, wanted):
        return identified(self.comments, wanted)


class IssueComments(Resource):
    """The comments of the task's issue; the task wants one of them (a WantedComment) or none."""

    noun = 'comment'
    place = 'the issue'

    def __init__(self, params):
        self.issue = params['issue']
        self.state = params['state']
        self.summonees = params['summonees']
        self.add_to_followers = params['add_to_followers']
        self.hints = issue_hints(self.issue)

    def read(self, client):
        # The API pages comments by the id of the last one seen: a Link header says so when it
        # comes, the cursor does when it does not.
        return client.read_all('GET', comments_path(self.issue), hints=self.hints, paging=ByCursor())

    def plan(self, wanted, current):
        return plan_comment(wanted, current, self.state)

    def index(self, current):
        return Identified(current)

    def create(self, client, wanted):
        body = {'text': wanted.text}
        if self.summonees:
            body['summonees'] = self.summonees
        # Tracker adds the author to the issue's followers unless told not to.
        query = {'isAddToFollowers': 'true' if self.add_to_followers else 'false'}
        return one_object(client.create(comments_path(self.issue), body, params=query, hints=self.hints))

    def update(self, client, current, wanted):
        hints = {404: '%s is no longer on issue %s' % (describe(current), self.issue)}
        try:
            answer = one_object(client.request_json('PATCH', comment_path(self.issue, current),
                                                    body={'text': wanted.text}, hints=hints))
        except TrackerError as error:
            raise refused(error, current, 'edit', 'give this task another marker than %r, so that it posts a'
                                                  ' comment of its own' % wanted.marker)
        # An answer of a shape the reference does not show: the comment as a read shows it.
        return answer or self.read_one(client, current)

    def delete(self, client, current):
        try:
            return client.delete(comment_path(self.issue, current))
        except TrackerError as error:
            raise refused(error, current, 'delete', 'delete it as its author, or narrow the marker')

    def read_one(self, client, comment):
        """``comment`` as a new read of the issue's comments shows it, or None."""
        return next((found for found in self.read(client) if str(found.get('id')) == str(comment.get('id'))), None)

    def shown(self, current, plan):
        # The comment the task is about, or those it deletes: not every comment of the issue.
        return plan.to_delete if self.state == 'absent' else [item for item, dummy in plan.to_update] + plan.kept

    def describe(self, current):
        # As comparisons see it: whitespace the task does not change shows as no change.
        return normal_text(comment_text(current))

    def describe_wanted(self, wanted):
        return normal_text(wanted.text)

    def diff_lines(self, lines):
        return lines  # the comments' texts in the API's order

    def result(self, task):
        plan = task.plan
        found = task.created or task.updated or [item for item, dummy in plan.to_update] + plan.kept
        return dict(comment=found[0] if found and self.state == 'present' else None, removed=task.removed)


def refused(error, comment, action, fix):
    """A 403 on a comment as the one line a user can act on; any other error as it is."""
    if error.status != 403:
        return error
    return TrackerError('cannot %s %s, written by %s: Tracker answered 403, as it does for a comment of another'
                        ' user; %s' % (action, describe(comment), author(comment) or 'an unknown user', fix),
                        status=403)
