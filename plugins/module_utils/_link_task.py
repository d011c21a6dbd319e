# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""What every kind of link an issue has shares, as a Resource of the one flow (_flow.py).

An issue's links of either kind, 'remotelinks' (to objects of other applications) and 'links' (to
other issues), are listed, created and deleted alike, and their modules answer alike: ``link`` for
a task naming one, ``links`` for a task naming several, and ``removed``. A module subclasses
LinkResource with its kind's plan, index, request body and description. This file is private to
the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._flow import Resource
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import issue_hints, link_path, links_path


class LinkResource(Resource):
    """The links of one kind of the task's issue."""

    noun = 'link'
    place = 'the issue'
    # The issue's list of such links, /issues/{issue}/<kind>: 'remotelinks' or 'links'.
    kind = None

    def __init__(self, params):
        self.issue = params['issue']
        self.state = params['state']
        self.purge = params['purge']
        self.one = params['links'] is None  # the task names one link: the result has link, not links

    def read(self, client):
        return client.get_all(links_path(self.issue, self.kind), hints=issue_hints(self.issue))

    def create(self, client, wanted):
        hints = issue_hints(self.issue)
        hints.update(self.create_hints(wanted))
        return client.create(links_path(self.issue, self.kind), self.create_body(wanted),
                             params=self.create_params(), hints=hints)

    def delete(self, client, current):
        return client.delete(link_path(self.issue, self.kind, current['id']), hints=issue_hints(self.issue))

    def create_body(self, wanted):
        raise NotImplementedError

    def create_params(self):
        return None

    def create_hints(self, wanted):
        return {}

    def result(self, task):
        plan = task.plan
        result = dict(removed=task.removed)
        if self.one:
            found = (plan.kept + task.created) if self.state == 'present' else task.removed
            result['link'] = found[0] if found else None
        else:
            result['links'] = plan.kept + task.created
        return result
