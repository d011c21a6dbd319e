# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""A queue's components as a Resource of the one flow (_flow.py), for tracker_component.

The plan is _components.plan_component's. The flow reads the organisation's components once
(every page: GET /components lists them all) and keeps those of the queue, creates once
(POST /components), and updates every field in one PATCH that names the version read
(?version=N: a stale one is 409, read and planned again by the flow). A lead named by login is
looked up once per task, only when the lead shown is not already named so. Components cannot be
deleted: twins made by runs at the same moment are kept, the task keeps to the lowest id and
warns. This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._components import (
    create_body,
    describe,
    describe_wanted,
    edits,
    lead_to_resolve,
    plan_component,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import user_ids
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_item_task import QueueItems
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import (
    COMPONENTS,
    component_path,
    queue_components,
    read_queue,
    read_user,
)


class QueueComponents(QueueItems):
    """The components of the task's queue; the task wants one of them (a WantedComponent)."""

    noun = 'component'
    twin_advice = 'rename the others or remove them in Tracker itself'

    def __init__(self, params, wanted, warn):
        super(QueueComponents, self).__init__(params, warn)
        self.wanted = wanted
        self.users = {}  # the lead's name in the task: the ids the users API gave for it, once per task
        self.client = None  # that of the last read, for the plan's lookup of the lead

    def read(self, client):
        self.client = client
        return queue_components(client, self.queue)

    def plan(self, wanted, current):
        # Looked up here, not on reading: the read after a create, which only settles twins, needs no user.
        self.look_up_lead(self.client, lead_to_resolve(wanted, current))
        return plan_component(wanted, current, self.users)

    def check_creatable(self, client, to_create):
        # The components read are the organisation's: the queue a real run would create in may not exist.
        read_queue(client, self.queue)
        for wanted in to_create:
            self.look_up_lead(client, wanted.lead)

    def check_updatable(self, client, to_update):
        # A real run sends the lead's login and Tracker refuses one it does not know: check mode looks it up.
        for current, wanted in to_update:
            if 'lead' in edits(current, wanted, self.users):
                self.look_up_lead(client, wanted.lead)

    def look_up_lead(self, client, name):
        """The lead's ids, looked up once per task (a 404 fails the task with the users' hint)."""
        if name and name not in self.users:
            self.users[name] = user_ids(read_user(client, name))

    def item_path(self, item):
        return component_path(item)

    def create(self, client, wanted):
        return self.create_item(client, COMPONENTS, create_body(self.queue, wanted))

    def update(self, client, current, wanted):
        number = current.get('version')
        return self.answered(client, current, client.request_json(
            'PATCH', component_path(current), body=edits(current, wanted, self.users),
            params=None if number is None else {'version': number}, hints=self.gone(current)))

    def describe(self, current):
        return describe(current, self.wanted.lead, self.users)

    def describe_wanted(self, wanted):
        return describe_wanted(wanted)
