# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic that a queue's named items share: versions and components.

Both live in a queue, are identified there by their name (trimmed), and cannot be deleted
through the API, so twins made by runs at the same moment stay and a task keeps to the lowest
id. This file is private to the collection (leading underscore): it may change without notice.
It does no I/O.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._common import id_order
from ansible_collections.ytracker.tracker.plugins.module_utils._options import QUEUE


def check_queue(queue):
    """The queue key (or id), trimmed and upper-cased; ValueError for anything else.

    The API compares queue keys case-sensitively and every key is upper case: ``rel`` would find no
    versions, yet a component created with it lands in REL, where a read by ``rel`` never sees it.
    """
    queue = (queue or '').strip()
    if not QUEUE.match(queue):
        raise ValueError('queue must be a queue key like REL, got %r' % queue)
    return queue.upper()


def check_name(name, noun):
    """The name of a queue's ``noun`` as a task gives it, trimmed; ValueError when it cannot name one."""
    name = (name or '').strip()
    if not name:
        raise ValueError('name must not be empty: it identifies the %s within the queue' % noun)
    if '\n' in name or '\r' in name:
        raise ValueError('name must be one line')
    return name


def item_name(item):
    """The name an answered item is known by: trimmed, as a task's is."""
    return str(item.get('name') or '').strip()


def same(current, field, value):
    """Whether ``current`` has ``value`` in ``field``: a field it leaves out is empty, or false."""
    if isinstance(value, bool):
        return (current.get(field) is True) == value
    return (current.get(field) or '') == (value or '')


def field_edits(current, fields):
    """The part of a PATCH body that gives ``current`` the ``fields`` ({API name: value}); {} when none differ."""
    return dict((field, value) for field, value in sorted(fields.items()) if not same(current, field, value))


def fields_after(current, names, fields):
    """The fields of the API ``names`` that ``current`` has, with ``fields`` ({API name: value}) set over them."""
    after = dict((name, current.get(name)) for name in names if current.get(name) is not None)
    after.update(fields)
    return after


class Named(object):
    """A queue's items indexed by name (trimmed) once; matches gives those of a wanted one's name, lowest id first."""

    def __init__(self, items):
        self.by_name = {}
        for item in items:
            self.by_name.setdefault(item_name(item), []).append(item)
        for found in self.by_name.values():
            found.sort(key=id_order)

    def matches(self, wanted):
        return self.of_name(wanted.name)

    def of_name(self, name):
        return list(self.by_name.get(name, []))


def of_name(items, name):
    """The ``items`` of ``name`` (trimmed), lowest id first; all of them, in id order, when ``name`` is None."""
    if name is None:
        return sorted(items, key=id_order)
    return Named(items).of_name(name.strip())


def twins_warning(queue, noun, name, kept, others, advice):
    """The warning of a task that kept to ``kept`` among several items of one name; None without ``others``.

    ``others`` are the twins (answered items) besides ``kept``, in any order and maybe repeated;
    ``advice`` says what a user can do with them, since the API cannot delete them.
    """
    ids = set(str(item.get('id')) for item in others) - set([str(kept.get('id'))])
    ids = sorted(ids, key=lambda value: id_order({'id': value}))
    if not ids:
        return None
    return ('queue %s has more than one %s named %s; this task manages the one with the lowest id (%s) and leaves'
            ' the others (%s) as they are: %ss cannot be deleted through the API, %s'
            % (queue, noun, name, kept.get('id'), ', '.join(ids), noun, advice))
