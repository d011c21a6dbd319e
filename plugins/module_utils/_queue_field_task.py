# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""A queue's local field as a Resource of the one flow (_flow.py), for tracker_queue_field.

The plan is _queue_fields.plan_field's. The flow reads the field once per language of the name
the task gives (GET /queues/<queue>/localFields/<key>, with Accept-Language: Tracker answers a
name in one language, Russian unless asked for English); a 404 is no field, once a read of the
queue shows the queue is there. It creates the field once (POST .../localFields: a refusal that
a read then explains by the field being there is another run's field), edits what differs in one
PATCH, and settles each write by reading the field again. No page documents a delete of a local
field. This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._common import one_object
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import Resource
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_fields import (
    create_body,
    describe,
    describe_wanted,
    edits,
    missing_for_create,
    plan_field,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import local_fields_path, read_queue
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import OutcomeUnknown, TrackerError

# Refusals of a create that another run's field, made a moment earlier, may explain.
TAKEN = (400, 409, 422)


class ByKey(object):
    def __init__(self, fields):
        self.fields = fields

    def matches(self, wanted):
        return [field for field in self.fields if field.get('key') == wanted.key]


class QueueField(Resource):
    """The local field of the task's key in the task's queue (a WantedField)."""

    noun = 'local field'
    place = 'the queue'
    settle_twins = False  # a key names one field of a queue

    def __init__(self, params, wanted):
        self.queue = params['queue']
        self.wanted = wanted
        self.names = {}  # the field's name as last read, by language
        self.names_read = {}  # the same for each field answer read, by its id(): the diff describes the first

    def languages(self):
        return sorted(self.wanted.name) or ['ru']

    def read(self, client):
        found, names = None, {}
        for language in self.languages():
            try:
                answer = client.request_json('GET', local_fields_path(self.queue, self.wanted.key),
                                             headers={'Accept-Language': language})
            except TrackerError as error:
                if error.status != 404:
                    raise
                read_queue(client, self.queue)  # a 404 with the queue's hint when the queue is not there
                self.names = {}
                return []
            found = one_object(answer)
            if found is None:
                raise TrackerError('GET %s: the answer is not a field' % local_fields_path(self.queue, self.wanted.key))
            names[language] = found.get('name')
        self.names = names
        self.names_read[id(found)] = names
        return [found]

    def index(self, current):
        return ByKey(current)

    def plan(self, wanted, current):
        if not current:
            missing = missing_for_create(wanted)
            if missing:
                raise TrackerError('queue %s has no local field %s, and creating it needs %s'
                                   % (self.queue, wanted.key, ', '.join(missing)))
        try:
            return plan_field(wanted, current, self.names)
        except ValueError as error:
            raise TrackerError(str(error))

    def create(self, client, wanted):
        try:
            answer = one_object(client.create(local_fields_path(self.queue), create_body(wanted),
                                              hints={404: 'check that queue %r exists and that the token can see it'
                                                          % self.queue}))
        except TrackerError as error:
            if error.status not in TAKEN or isinstance(error, OutcomeUnknown):
                raise
            found = self.read(client)
            if not found:
                raise
            return self.finish(client, found[0])
        found = self.read(client)
        return found[0] if found else answer

    def finish(self, client, field):
        """Another run's field, made what this task says."""
        if edits(field, self.wanted, self.names):
            return self.update(client, field, None)
        return field

    def update(self, client, current, wanted):
        client.request_json('PATCH', local_fields_path(self.queue, self.wanted.key),
                            body=edits(current, self.wanted, self.names))
        found = self.read(client)
        return found[0] if found else None

    def shown(self, current, plan):
        return current

    def describe(self, current):
        return describe(current, self.wanted, self.names_read.get(id(current), {}))

    def describe_wanted(self, wanted):
        return describe_wanted(wanted)

    def diff_lines(self, lines):
        return lines

    def result(self, task):
        plan = task.plan
        found = task.created or task.updated or [item for item, dummy in plan.to_update] + plan.kept
        return {'field': found[0] if found else None}

    def failure(self, task):
        return {}
