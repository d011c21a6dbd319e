# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""A queue's versions as a Resource of the one flow (_flow.py), for tracker_version.

The plan is _versions.plan_version's. The flow reads the queue's versions (every page), creates
once (POST /versions/), and updates: the fields in one PATCH with If-Match (a stale version is
409, read and planned again by the flow), then each status by its action: _release (or, where
Tracker has no such action, a PATCH of released), then _archive, without a body. Versions cannot
be deleted: twins made by runs at the same moment are kept, the task keeps to the lowest id and
warns. This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._queue_item_task import QueueItems
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import item_name
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import VERSIONS, queue_versions, version_path
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError
from ansible_collections.ytracker.tracker.plugins.module_utils._versions import (
    create_body,
    describe,
    describe_wanted,
    edits,
    plan_version,
    statuses_to_set,
)

# What an API without the _release action answers it: then released is tried by PATCH.
NO_SUCH_ACTION = (400, 404, 405)
# What a refused PATCH of released is answered: the flag is read-only there.
REFUSED_FIELD = (400, 403, 404, 405, 422)


def if_match(version):
    """The header that makes an edit of ``version`` stale (409) when it changed since it was read."""
    number = version.get('version')
    return None if number is None else {'If-Match': '"%s"' % number}


class QueueVersions(QueueItems):
    """The versions of the task's queue; the task wants one of them (a WantedVersion)."""

    noun = 'version'
    twin_advice = 'archive the others'

    def read(self, client):
        return queue_versions(client, self.queue)

    def plan(self, wanted, current):
        try:
            return plan_version(wanted, current)
        except ValueError as error:
            raise TrackerError(str(error))

    def item_path(self, item):
        return version_path(item)

    def create(self, client, wanted):
        answer = self.create_item(client, VERSIONS, create_body(self.queue, wanted))
        if answer is None or not statuses_to_set(answer, wanted):
            return answer
        return self.set_statuses(client, answer, wanted)

    def update(self, client, current, wanted):
        body = edits(current, wanted)
        answer = current
        if body:
            answer = self.answered(client, answer, client.request_json(
                'PATCH', version_path(current), body=body, headers=if_match(current), hints=self.gone(current)))
        return self.set_statuses(client, answer, wanted)

    def set_statuses(self, client, version, wanted):
        """Set the statuses ``wanted`` asks for and ``version`` lacks; the version as it is then."""
        for status in statuses_to_set(version, wanted):
            if status == 'released':
                version = self.release(client, version)
            else:
                version = self.answered(client, version, client.request_json(
                    'POST', version_path(version, '_archive'), headers=if_match(version),
                    hints=self.gone(version), safe_to_repeat=True))
        return version

    def release(self, client, version):
        """Release ``version``: by its _release action, else by a PATCH; one line when Tracker takes neither."""
        try:
            return self.answered(client, version, client.request_json(
                'POST', version_path(version, '_release'), headers=if_match(version), safe_to_repeat=True))
        except TrackerError as error:
            if error.status not in NO_SUCH_ACTION:
                raise
            action = error
        try:
            return self.answered(client, version, client.request_json(
                'PATCH', version_path(version), body={'released': True}, headers=if_match(version)))
        except TrackerError as error:
            if error.status not in REFUSED_FIELD:
                raise
            raise TrackerError('cannot set released on version %s (id %s) of queue %s: Tracker took neither'
                               ' the _release action (%s) nor a PATCH of released (%s)'
                               % (item_name(version), version.get('id'), self.queue, action, error),
                               status=error.status)

    def describe(self, current):
        return describe(current)

    def describe_wanted(self, wanted):
        return describe_wanted(wanted)
