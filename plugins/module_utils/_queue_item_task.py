# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""What the Resources of a queue's named items share (_flow.py): versions and components.

Each is created once with the queue in the body; where Tracker refuses a second item of one name
(409), another run made it a moment earlier and the read the flow makes then finds it. Nothing
deletes one: twins made by runs at the same moment stay, the task keeps to the lowest id and
warns. An edit may be answered without the item: then it is read. This file is private to the
collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._common import one_object
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import Resource
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import Named, item_name, twins_warning
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import queue_hints
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import OutcomeUnknown, TrackerError


class QueueItems(Resource):
    """The items of one kind of the task's queue; the task wants one of them, by name."""

    place = 'the queue'
    # Nothing in the reference makes a name unique within a queue, and nothing deletes an item.
    settle_twins = True
    delete_twins = False
    # What the twin warning tells a user to do with the twins the task leaves.
    twin_advice = ''

    def __init__(self, params, warn):
        self.queue = params['queue']
        self.warn = warn
        self.hints = queue_hints(self.queue)

    def item_path(self, item):
        """Where one item is read and edited."""
        raise NotImplementedError

    def index(self, current):
        return Named(current)

    def create_item(self, client, path, body):
        """POST a new item; the item answered (None when the answer holds none).

        A 409 is Tracker refusing a second item of the name, which another run made a moment
        earlier: OutcomeUnknown, for the flow to read and find it.
        """
        try:
            return one_object(client.create(path, body, hints=self.hints))
        except TrackerError as error:
            if error.status != 409 or isinstance(error, OutcomeUnknown):
                raise
            raise OutcomeUnknown(str(error), status=409)

    def answered(self, client, item, answer):
        """The item as an answer holds it, else as a read of it shows it."""
        found = one_object(answer)
        if found is not None:
            return found
        return one_object(client.request_json('GET', self.item_path(item), hints=self.gone(item))) or item

    def gone(self, item):
        return {404: '%s %s (id %s) is no longer in queue %s' % (self.noun, item_name(item), item.get('id'),
                                                                 self.queue)}

    def shown(self, current, plan):
        # The item the task is about, not every item of the queue.
        return [item for item, dummy in plan.to_update] + plan.kept

    def diff_lines(self, lines):
        return lines  # one item, its fields in the one order

    def result(self, task):
        plan = task.plan
        found = task.created or task.updated or [item for item, dummy in plan.to_update] + plan.kept
        item = found[0] if found else None
        self.warn_twins(task, item)
        return {self.noun: item}

    def failure(self, task):
        # Nothing is deleted: a failure says only whether something was written (changed).
        return {}

    def warn_twins(self, task, item):
        """Say so when the queue holds several items of the name: the task kept to the lowest id."""
        if item is None:
            return
        others = Named(task.current or []).matches(task.wanted)[1:] + task.twins
        warning = twins_warning(self.queue, self.noun, task.wanted.name, item, others, self.twin_advice)
        if warning:
            self.warn(warning)
