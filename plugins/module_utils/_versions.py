# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic about a queue's versions: which one a task means, and what has to change.

This file is private to the collection (leading underscore): it may change without notice. It
does no I/O: every function is a plain function of its arguments and is tested as such.

A version is identified within its queue by its name, trimmed. Its description and dates are
edited in one PATCH; its two flags are statuses that only go one way through the API: released
(by an action, or a PATCH where Tracker takes one) and archived (by the _archive action). No page
documents a way back, nor a way to delete a version.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
from collections import namedtuple
from datetime import datetime

from ansible_collections.ytracker.tracker.plugins.module_utils._common import Plan
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import (
    Named,
    check_name,
    field_edits,
    fields_after,
    item_name,
    of_name,
)

DATE = re.compile(r'^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
# The options of the task that are the version's fields, by the API's names.
FIELDS = (('description', 'description'), ('start_date', 'startDate'), ('due_date', 'dueDate'))
# The statuses in the order they are set: released first, since an archived version is done with.
STATUSES = ('released', 'archived')

# What a task asks for: the name (trimmed), the fields it sets ({API name: value}, only those
# given), and each status it asks for (True, False, or None: left as it is).
WantedVersion = namedtuple('WantedVersion', ['name', 'fields', 'released', 'archived'])


def check_date(option, value):
    """``value`` trimmed when it is a date as YYYY-MM-DD (a real one); ValueError otherwise."""
    if value is None:
        return None
    value = value.strip()
    try:
        if not DATE.match(value):
            raise ValueError
        datetime.strptime(value, '%Y-%m-%d')
    except ValueError:
        raise ValueError('%s must be a date as YYYY-MM-DD, like 2026-07-01, got %r' % (option, value))
    return value


def wanted_version(params):
    """The WantedVersion of a task's options; ValueError says what is wrong, before any request."""
    if params.get('state') == 'absent':
        raise ValueError('state=absent: Tracker offers no way to delete a version through its API;'
                         ' archive it instead (archived: true)')
    name = check_name(params['name'], 'version')
    fields = {}
    for option, field in FIELDS:
        value = params.get(option)
        if option != 'description':
            value = check_date(option, value)
        if value is not None:
            fields[field] = value
    return WantedVersion(name, fields, params.get('released'), params.get('archived'))


def flag(version, status):
    return version.get(status) is True


def edits(current, wanted):
    """The body of the PATCH that gives ``current`` the fields ``wanted`` sets; {} when none differ."""
    return field_edits(current, wanted.fields)


def statuses_to_set(current, wanted):
    """The statuses to set on ``current`` for ``wanted``, in the order to set them."""
    return [status for status in STATUSES if getattr(wanted, status) is True and not flag(current, status)]


def no_way_back(current, wanted):
    """The one line that says why ``wanted`` cannot be had from ``current`` (a status undone), or None."""
    undone = [status for status in STATUSES if getattr(wanted, status) is False and flag(current, status)]
    if not undone:
        return None
    return ('version %s (id %s) is %s: the Tracker API offers no way to undo that; set it back in Tracker itself,'
            ' or leave %s out' % (item_name(current), current.get('id'), ' and '.join(undone),
                                  ' and '.join(undone)))


def after(current, wanted):
    """The WantedVersion as ``current`` will be once ``wanted`` is carried out: every field it has."""
    fields = fields_after(current, [field for dummy, field in FIELDS], wanted.fields)
    return WantedVersion(wanted.name, fields, flag(current, 'released') or wanted.released is True,
                         flag(current, 'archived') or wanted.archived is True)


def plan_version(wanted, versions):
    """The Plan that gives the queue the version ``wanted`` describes.

    None of that name: create it. Several (twins made by runs at the same moment, where Tracker
    takes them): the one with the lowest id is the task's; the others are left alone. Its fields
    or statuses differ: update it, planned as the whole version it will be (see after); else kept.
    ValueError (no_way_back) when a status would have to be undone.
    """
    found = Named(versions).matches(wanted)
    if not found:
        return Plan(to_create=[wanted], to_update=[], to_delete=[], kept=[])
    current = found[0]
    refused = no_way_back(current, wanted)
    if refused:
        raise ValueError(refused)
    if edits(current, wanted) or statuses_to_set(current, wanted):
        return Plan(to_create=[], to_update=[(current, after(current, wanted))], to_delete=[], kept=[])
    return Plan(to_create=[], to_update=[], to_delete=[], kept=[current])


def describe(version):
    """The version as the diff shows it, a 'name: value' line per field, by the task's option names."""
    lines = ['name: %s' % item_name(version)]
    lines.extend('%s: %s' % (option, version[field]) for option, field in FIELDS if version.get(field) is not None)
    lines.extend('%s: %s' % (status, 'true' if flag(version, status) else 'false') for status in STATUSES)
    return '\n'.join(lines)


def describe_wanted(wanted):
    """The same for a WantedVersion, as it will be once created or updated."""
    version = dict(wanted.fields, name=wanted.name, released=wanted.released is True,
                   archived=wanted.archived is True)
    return describe(version)


def create_body(queue, wanted):
    """The body of POST /versions/: the queue, the name and the fields; statuses are set afterwards."""
    return dict(wanted.fields, queue=queue, name=wanted.name)


def versions_shown(versions, name=None, released=None, archived=None):
    """The versions an info task shows: of ``name`` (trimmed) and of each status asked for, lowest id first."""
    return [version for version in of_name(versions, name)
            if (released is None or flag(version, 'released') is released)
            and (archived is None or flag(version, 'archived') is archived)]
