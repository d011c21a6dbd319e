# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Small pure helpers that the planners of every resource share.

No I/O and nothing about any one resource: answer shapes, the order of ids, lists without
repeats, and the one shape of every module's diff. This file is private to the collection
(leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple
from urllib.parse import unquote

# What a task has to do: wanted objects to create, (current object, wanted) pairs to update,
# current objects to delete, and current objects that are right already. Every planner answers one.
Plan = namedtuple('Plan', ['to_create', 'to_update', 'to_delete', 'kept'])


def decoded(segment):
    """A path segment as text: most need no decoding, and this runs for every item of a list."""
    return unquote(segment) if '%' in segment else segment


def last_segment(url):
    """The last path segment of a URL, or None."""
    path = str(url or '').split('?', 1)[0].rstrip('/')
    return decoded(path.rpartition('/')[2]) if path else None


def one_object(answer):
    """The object of an answer that holds one: the reference's examples print some bare and some
    inside a list of one. None for any other shape."""
    if isinstance(answer, list) and len(answer) == 1:
        answer = answer[0]
    return answer if isinstance(answer, dict) else None


def id_order(item):
    """Sort key of objects by id: numerically when the ids are numbers, as Tracker's mostly are."""
    value = str(item.get('id'))
    return (0, int(value), '') if value.isdigit() else (1, 0, value)


def same_value(item):
    """The identity of an item that is its own: a key, a name."""
    return item


def unique(items, identity):
    """``items`` without repeats (the same ``identity(item)``), in their first order."""
    seen = set()
    result = []
    for item in items:
        key = identity(item)
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result


def as_lines(lines):
    """Lines as the text Ansible's diff display compares: each ends in a newline."""
    return ''.join(line + '\n' for line in lines)


def diff(before, after):
    """A module's diff: the lines describing what the task is about, before it and after it.

    The one shape of every module of the collection; set-like lists are sorted by the caller, so
    that the order of the API's answer never shows as a change.
    """
    return dict(before=as_lines(before), after=as_lines(after))
