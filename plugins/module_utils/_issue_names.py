# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""What the names of a task stand for, looked up as comparing an issue needs them, once per task.

A task names users by login, and versions and components by name (see _issue_fields): this
file reads the users and the queue's lists, for tracker_issue and tracker_bulk_change alike.

This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._errors import TrackerError
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_fields import (
    items_named,
    items_shown,
    items_to_read,
    users_to_resolve,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import user_ids
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import queue_components, queue_versions, read_user


def resolve_names(client, wanted, issue, queue, names, users):
    """Add to ``names`` what comparing ``issue`` (None: a new issue) with ``wanted`` needs, within ``queue``.

    ``names`` is for one queue: user names, and ``(kind, entry)`` of its versions and components
    (see _issue_fields). ``users`` keeps the users read, for the task's other queues (it may be
    ``names`` itself). Versions and components come from the issue's own values when it shows
    them, else from one read of the queue's list. TrackerError for a name the queue does not have.
    """
    for name in users_to_resolve(wanted, issue):
        if name not in users:
            users[name] = user_ids(read_user(client, name))
        names[name] = users[name]
    for entry, item in items_shown(wanted, issue).items():
        names.setdefault(entry, item)
    kinds = items_to_read(wanted, names)
    if kinds and not queue:
        raise TrackerError('%s: the answer names no queue, in which to look up versions and components'
                           % (issue or {}).get('key'))
    for kind in kinds:
        try:
            names.update(items_named(wanted, kind, queue_items(client, kind, queue), queue, names))
        except ValueError as error:
            raise TrackerError(str(error))


def queue_items(client, kind, queue):
    """The versions or the components of ``queue``: one read of its list, every page."""
    if kind == 'versions':
        return queue_versions(client, queue)
    return queue_components(client, queue)
