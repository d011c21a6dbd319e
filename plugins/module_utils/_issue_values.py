# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure comparison of what a task says with what Tracker answers, field value by field value.

A playbook writes ``priority: normal``, ``assignee: alice``, ``parent: rel-7``; Tracker answers
objects (``{"self", "id", "key", "display"}``), users as ``{"self", "id": "<uid>", "display"}``
and lists of either. So values are never compared as they are: each kind has its own test here.
This file is private to the collection (leading underscore): it may change without notice. It does
no I/O.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from ansible_collections.ytracker.tracker.plugins.module_utils._links import last_segment

# The commands a list field takes in a PATCH body (the reference's "common format" page).
LIST_COMMANDS = frozenset(['add', 'remove', 'set'])
# What names an object among Tracker's answers: a key (compared ignoring case) or one of these.
OBJECT_NAMES = ('id', 'display', 'name', 'login')
# Where a user's ids may be, in an issue's user object and in the users API's answer.
USER_IDS = ('id', 'uid', 'trackerUid', 'passportUid', 'cloudUid', 'login')


def text(value):
    """A scalar as text for comparing: 3, 3.0 and '3' alike; True as 'true'."""
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, str) else str(value)


def is_empty(value):
    """Whether a value is Tracker's "no value": null, '', [] or {}."""
    return value is None or value == '' or value == [] or value == {}


def as_list(value):
    """A list field's value as a list: None is an empty list, a single value a list of one."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def same_text(wanted, current):
    """Text fields: equal but for line endings and the whitespace around them, which Tracker may trim."""
    def normal(value):
        return '' if value is None else text(value).replace('\r\n', '\n').strip()
    return normal(wanted) == normal(current)


def object_matches(name, found):
    """Whether ``name`` (a key or an id as a playbook writes it) names the answered object ``found``."""
    if not isinstance(found, dict):
        return found is not None and text(name) == text(found)
    name = text(name)
    key = found.get('key')
    if key is not None and name.lower() == text(key).lower():
        return True
    return any(found.get(field) is not None and name == text(found[field]) for field in OBJECT_NAMES) or (
        bool(found.get('self')) and name == last_segment(found['self']))


def user_ids(user):
    """Every id that names a user: of an issue's user object, or of the users API's answer."""
    if user is None:
        return set()
    if not isinstance(user, dict):
        return set([text(user)])
    found = set(text(user[field]) for field in USER_IDS if user.get(field) not in (None, ''))
    if user.get('self'):
        found.add(last_segment(user['self']))
    return found


class ElementIndex(object):
    """The elements of an answered list, indexed by what names them, so finding one is one lookup."""

    def __init__(self, elements):
        self.size = len(elements)
        self.by_name = {}  # exact names: scalars, ids, displays, logins
        self.by_key = {}   # keys of objects, in lower case
        for position, element in enumerate(elements):
            if isinstance(element, dict):
                if element.get('key') is not None:
                    self.by_key.setdefault(text(element['key']).lower(), []).append(position)
                names = [element[field] for field in OBJECT_NAMES if element.get(field) is not None]
            else:
                names = [element]
            for name in names:
                self.by_name.setdefault(text(name), []).append(position)

    def candidates(self, wanted):
        """Positions of the elements that ``wanted`` (a scalar or an object) may name."""
        if isinstance(wanted, dict):
            probes = [(self.by_key, text(wanted['key']).lower())] if wanted.get('key') is not None else []
            probes += [(self.by_name, text(wanted[field])) for field in OBJECT_NAMES if wanted.get(field) is not None]
        else:
            probes = [(self.by_name, text(wanted)), (self.by_key, text(wanted).lower())]
        positions = []
        for index, name in probes:
            positions.extend(index.get(name, ()))
        return positions


def contains_all(wanted, current):
    """Whether every element of ``wanted`` is among ``current``'s."""
    index = ElementIndex(as_list(current))
    return all(index.candidates(element) for element in wanted)


def same_elements(wanted, current):
    """Whether two lists hold the same elements, in any order, each answered element named once."""
    current = as_list(current)
    if len(wanted) != len(current):
        return False
    index = ElementIndex(current)
    used = set()
    for element in wanted:
        free = [position for position in index.candidates(element) if position not in used]
        if not free:
            return False
        used.add(free[0])
    return True


def command_done(command, current):
    """Whether a list command ({"add": [...]}, {"remove": [...]}, {"set": [...]}) would change nothing."""
    done = True
    if 'set' in command:
        done = same_elements(as_list(command['set']), current)
    if 'add' in command:
        done = done and contains_all(as_list(command['add']), current)
    if 'remove' in command:
        index = ElementIndex(as_list(current))
        done = done and not any(index.candidates(element) for element in as_list(command['remove']))
    return done


def value_matches(wanted, current):
    """Whether a value of ``fields``, sent as given, is what the issue has already.

    Scalars name objects by key (ignoring case), id or display; lists are compared as sets of
    elements; an object compares field by field with the answered one, so {"id": "3"} matches
    {"self": ..., "id": "3", "display": ...}; a list command compares as its effect.
    """
    if is_empty(wanted):
        return is_empty(current)
    if isinstance(wanted, dict) and set(wanted) <= LIST_COMMANDS:
        return command_done(wanted, current)
    if isinstance(wanted, list) or isinstance(current, list):
        return same_elements(as_list(wanted), current)
    if isinstance(wanted, dict):
        if isinstance(current, dict):
            return all(value_matches(value, current.get(name)) for name, value in wanted.items())
        return bool(ElementIndex([current]).candidates(wanted))
    return object_matches(wanted, current)


def shown(value):
    """An answered value in a diff line: an object by its key, display or id; one line always."""
    if isinstance(value, list):
        # Sorted: the order of a list's elements is not compared, so the diff does not show it.
        shown_elements = sorted((shown(element) for element in value), key=lambda name: (name.lower(), name))
        return one_line(json.dumps(shown_elements, ensure_ascii=False))
    if isinstance(value, dict):
        for field in ('key', 'display', 'name', 'id'):
            if value.get(field) is not None:
                return one_line(text(value[field]))
        return one_line(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return '' if value is None else one_line(text(value))


def one_line(value):
    """Text that fits on its diff line: quoted as JSON when it holds line breaks or edge whitespace."""
    if '\n' in value or '\r' in value or value != value.strip():
        return json.dumps(value, ensure_ascii=False)
    return value
