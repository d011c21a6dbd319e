# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""A queue as a Resource of the one flow (_flow.py), for tracker_queue.

The plan is _queues.plan_queue's. The flow reads the queue once (GET /queues/<key> with its issue
types' settings expanded; a 404 is no queue), creates it once (POST /queues/), edits what differs
and deletes it. Tracker takes a key once: a create refused with 409 is another run's queue, read
and made what the task says, or a deleted queue's key, restored only where the task says so
(POST /queues/<key>/_restore). No page documents an edit of a queue: the plain fields go in one
PATCH /queues/<key>, the issue types' settings in another, so that a refusal names what Tracker
would not edit. An edit is settled by reading the queue again. This file is private to the
collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._common import one_object
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import Resource
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import same_text, user_ids
from ansible_collections.ytracker.tracker.plugins.module_utils._queues import (
    create_body,
    describe,
    describe_wanted,
    edits,
    lead_to_resolve,
    missing_for_create,
    plan_queue,
    refused_options,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import (
    QUEUES,
    queue_path,
    queue_restore_path,
    read_user,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import OutcomeUnknown, TrackerError

# What a read of the queue expands: the settings of its issue types, which a task compares.
EXPAND = 'issueTypesConfig'


class ByKey(object):
    """The queue read (none or one), found for a wanted queue by its key."""

    def __init__(self, queues):
        self.queues = queues

    def matches(self, wanted):
        return [queue for queue in self.queues if str(queue.get('key') or '').upper() == wanted.key]


class TrackerQueue(Resource):
    """The queue of the task's key; the task wants it as a WantedQueue says, or gone."""

    noun = 'queue'
    place = 'Tracker'
    # Tracker takes a key once: two runs cannot both make the queue.
    settle_twins = False

    def __init__(self, params, wanted):
        self.key = wanted.key
        self.wanted = wanted
        self.state = params['state']
        self.restore = params.get('restore')
        self.users = {}  # the lead's name in the task: the ids the users API gave for it, once per task
        self.client = None  # that of the last read, for the plan's lookup of the lead
        self.restored = False

    def hints(self):
        return {403: 'the token may not manage queue %s: creating, editing and deleting a queue take an'
                     ' administrator of the organisation or the queue' % self.key}

    def read(self, client):
        self.client = client
        try:
            answer = client.request_json('GET', queue_path(self.key), params={'expand': EXPAND}, hints=self.hints())
        except TrackerError as error:
            if error.status == 404:
                return []
            raise
        found = one_object(answer)
        return [found] if found is not None else []

    def index(self, current):
        return ByKey(current)

    def plan(self, wanted, current):
        if self.state == 'present' and not current:
            missing = missing_for_create(wanted)
            # With restore, the create step brings a deleted queue back: it needs nothing to create from.
            if missing and not self.restore:
                raise TrackerError('queue %s does not exist, and creating it needs %s (restore=true brings back a'
                                   ' deleted queue of that key)' % (self.key, ', '.join(missing)))
        self.look_up_lead(self.client, lead_to_resolve(wanted, current))
        return plan_queue(wanted, current, self.users, self.state)

    def check_creatable(self, client, to_create):
        # A real run sends the lead's login and Tracker refuses one it does not know: check mode looks it up.
        for wanted in to_create:
            self.look_up_lead(client, wanted.lead)

    def check_updatable(self, client, to_update):
        for current, dummy in to_update:
            if 'lead' in edits(current, self.wanted, self.users)[0]:
                self.look_up_lead(client, self.wanted.lead)

    def look_up_lead(self, client, name):
        """The lead's ids, looked up once per task (a 404 fails the task with the users' hint)."""
        if name and name not in self.users:
            self.users[name] = user_ids(read_user(client, name))

    def create(self, client, wanted):
        if missing_for_create(wanted):
            # restore=true and too little to create a queue from: it can only be a deleted one.
            return self.bring_back(client)
        try:
            answer = one_object(client.create(QUEUES, create_body(wanted), hints=self.hints()))
        except TrackerError as error:
            if error.status != 409 or isinstance(error, OutcomeUnknown):
                raise
            return self.key_taken(client, error)
        # The answer holds no issue types' settings: the queue as a read shows it.
        found = self.read(client)
        return self.give_description(client, found[0]) if found else answer

    def give_description(self, client, created):
        """The queue just created, given the description that create-queue.md has no field for."""
        description = self.wanted.fields.get('description')
        if description is None or same_text(description, created.get('description')):
            return created
        body = {'description': description}
        client.request_json('PATCH', queue_path(self.key), body=body, hints=self.edit_hints(body))
        found = self.read(client)
        return found[0] if found else created

    def key_taken(self, client, error):
        """After a create refused with 409: the queue another run made, or the deleted one restored; made what
        the task says."""
        found = self.read(client)
        if found:
            return self.made_as_wanted(client, found)
        if not self.restore:
            raise TrackerError('%s; queue %s cannot be read: its key is that of a deleted queue (or one Tracker'
                               ' keeps); restore=true brings a deleted queue back, with its issues'
                               % (error, self.key), status=409)
        return self.bring_back(client)

    def bring_back(self, client):
        """The deleted queue of the task's key restored, then made what the task says."""
        missing = missing_for_create(self.wanted)
        if missing:
            not_deleted = 'queue %s is not among the deleted queues, and creating it needs %s' % (
                self.key, ', '.join(missing))
        else:
            not_deleted = 'queue %s is not among the deleted queues either: Tracker keeps its key' % self.key
        client.request_json('POST', queue_restore_path(self.key), hints={
            404: not_deleted, 403: 'only an administrator of the organisation can restore a queue'})
        self.restored = True
        found = self.read(client)
        if not found:
            raise TrackerError('POST %s: answered, yet queue %s cannot be read' % (queue_restore_path(self.key),
                                                                                   self.key))
        return self.made_as_wanted(client, found)

    def made_as_wanted(self, client, found):
        """The queue ``found`` (one read), edited where it differs from what the task says."""
        self.look_up_lead(client, lead_to_resolve(self.wanted, found))
        current = found[0]
        for queue, dummy in plan_queue(self.wanted, found, self.users, 'present').to_update:
            current = self.update(client, queue, None) or current
        return current

    def update(self, client, current, wanted):
        fields, types = edits(current, self.wanted, self.users)
        where = queue_path(self.key)
        # The issue types first: a new default type must be one of the queue's types by then.
        for body in ({'issueTypesConfig': types} if types else {}, fields):
            if body:
                client.request_json('PATCH', where, body=body, hints=self.edit_hints(body))
        found = self.read(client)
        return found[0] if found else None

    def edit_hints(self, body):
        """The hints of PATCH /queues/<key> with ``body``: a refusal names the options it would set."""
        refused = ('queue %s: Tracker refuses to edit %s of an existing queue; change it in the queue\'s'
                   ' settings in Tracker' % (self.key, refused_options(sorted(body))))
        hints = dict(self.hints())
        hints.update({400: refused, 422: refused, 404: 'queue %s is no longer there' % self.key})
        return hints

    def delete(self, client, current):
        return client.delete(queue_path(self.key), hints=self.hints())

    def shown(self, current, plan):
        return current

    def describe(self, current):
        return describe(current, self.wanted, self.users)

    def describe_wanted(self, wanted):
        return describe_wanted(wanted)

    def diff_lines(self, lines):
        return lines  # one queue, its fields in the one order

    def result(self, task):
        if self.state == 'absent':
            return {'queue': None, 'restored': False}
        plan = task.plan
        found = task.created or task.updated or [item for item, dummy in plan.to_update] + plan.kept
        return {'queue': found[0] if found else None, 'restored': self.restored}

    def failure(self, task):
        return {}
