# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""An issue's records of time spent as a Resource of the one flow (_flow.py), for tracker_worklog.

The plan is _worklog.plan_worklog's. The flow reads the issue's records, adds one once (a lost
answer settled by reading, twins added by runs at the same moment settled by the read after it),
edits its duration and comment in place, or deletes it. Who the token's user is, which a record's
identity needs, is asked (GET /myself) only when a record of the task's start is there, once per
task. This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._flow import Resource
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import user_ids
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import issue_hints, read_myself, worklog_path
from ansible_collections.ytracker.tracker.plugins.module_utils._worklog import (
    describe_record,
    identified,
    plan_worklog,
    starting,
)


class Identified(object):
    """The records a wanted one (a WantedRecord or a Change) describes, as the flow's index asks."""

    def __init__(self, records, author_ids):
        self.records, self.author_ids = records, author_ids

    def matches(self, wanted):
        return identified(self.records, wanted, self.author_ids)


class Worklog(Resource):
    """The records of time spent on the task's issue; the task wants one of them (a WantedRecord) or none."""

    noun = 'record of time spent'
    place = 'the issue'

    def __init__(self, params, wanted):
        self.issue = params['issue']
        self.state = params['state']
        self.wanted = wanted
        self.hints = issue_hints(self.issue)
        self.author_ids = None  # the token's user's ids, once asked

    def read(self, client):
        records = client.get_all(worklog_path(self.issue), hints=self.hints)
        if self.author_ids is None and starting(records, self.wanted.start):
            self.author_ids = user_ids(read_myself(client))
        return records

    def plan(self, wanted, current):
        return plan_worklog(wanted, current, self.state, self.author_ids or set())

    def index(self, current):
        return Identified(current, self.author_ids or set())

    def create(self, client, wanted):
        return client.create(worklog_path(self.issue), wanted.body, hints=self.hints)

    def update(self, client, current, wanted):
        hints = {404: 'the record of time spent %s is no longer on issue %s' % (current.get('id'), self.issue)}
        return client.request_json('PATCH', worklog_path(self.issue, current), body=wanted.body, hints=hints)

    def delete(self, client, current):
        return client.delete(worklog_path(self.issue, current), hints=self.hints)

    def shown(self, current, plan):
        # The task's record, not every record of the issue.
        return identified(current, self.wanted, self.author_ids or set())

    def describe(self, current):
        return describe_record(current)

    def describe_wanted(self, wanted):
        return describe_record(wanted.after)

    def result(self, task):
        if self.state == 'absent':
            return dict(worklog=None, removed=task.removed)
        plan = task.plan
        found = task.created or [answer for answer in task.updated if answer] or plan.kept
        if not found and task.check_mode:
            found = [change.after for dummy, change in plan.to_update] + [change.after for change in plan.to_create]
        return dict(worklog=found[0] if found else None, removed=task.removed)
