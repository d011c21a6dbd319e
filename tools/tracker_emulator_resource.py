# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What every resource of tracker_emulator.py is made of: items by id, each with an object version,
the refusals the API answers with, and the body rules of the reference's common format."""

import collections
import itertools
import time

# One answer: the status, the body (None for none) and extra headers.
Answer = collections.namedtuple('Answer', 'status body headers')
Answer.__new__.__defaults__ = (None, None)


class Problem(Exception):
    """A request the API refuses: its status, message and errors, answered in Tracker's error body."""

    def __init__(self, status, message, errors=None, headers=None):
        super().__init__(message)
        self.status, self.message, self.errors, self.headers = status, message, errors or {}, headers

    def answer(self):
        return Answer(self.status, {'errors': self.errors, 'errorMessages': [self.message] if self.message else [],
                                    'statusCode': self.status}, self.headers)


def now():
    return time.strftime('%Y-%m-%dT%H:%M:%S.000+0000', time.gmtime())


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def is_command(value):
    return isinstance(value, dict) and bool(value) and set(value) <= {'add', 'remove', 'set', 'replace'}


def list_edit(current, value, parse):
    """A list field after ``value``: a list (or null) sets it, a command edits it (common format)."""
    if value is None:
        return []
    if not is_command(value):
        return add_new([], as_list(value), parse)
    result = [parse(one) for one in as_list(value['set'])] if 'set' in value else list(current)
    result = add_new(result, as_list(value.get('add')), parse)
    for one in as_list(value.get('remove')):
        if parse(one) in result:
            result.remove(parse(one))
    for pair in as_list(value.get('replace')):
        target = parse(pair.get('target')) if isinstance(pair, dict) else None
        if target in result:
            result[result.index(target)] = parse(pair.get('replacement'))
    return result


def add_new(result, values, parse):
    """``result`` with each of ``values`` it does not hold yet: a list field holds a value once."""
    for one in values:
        if parse(one) not in result:
            result.append(parse(one))
    return result


def queue_view(api, key):
    """A queue as other objects show it."""
    return {'self': '%s/queues/%s' % (api, key), 'id': str(queue_number(key)), 'key': key,
            'display': 'Queue %s' % key}


def queue_number(queue):
    return sum(ord(letter) for letter in queue)


def if_match(headers):
    """The version an If-Match header names ("3", W/"3" or 3), or None; * matches any version."""
    value = (headers.get('If-Match') or '').strip()
    if value.startswith('W/'):
        value = value[2:]
    value = value.strip('"')
    return value if value not in ('', '*') else None


class Resource:
    """Items of one kind, kept in the order they were made; each has a version that counts its changes."""

    noun = 'object'
    # Whether an edit may name the version it read (?version=N or If-Match): a stale one is 409.
    checks_version = True

    def __init__(self, ids):
        self.ids = ids  # an iterator of new ids: some kinds share one, as links do
        self.items = collections.OrderedDict()

    def add(self, item):
        """Store a new item, its id the next one unless it has one; the item."""
        item.setdefault('id', next(self.ids))
        item['version'] = 1
        self.items[self.name_of(item)] = item
        return item

    def name_of(self, item):
        """What items are kept by: their id, as a path names it."""
        return str(item['id'])

    def all(self):
        return list(self.items.values())

    def find(self, name):
        item = self.items.get(str(name))
        if item is None:
            raise self.missing()
        return item

    def missing(self):
        return Problem(404, '%s does not exist.' % self.noun.capitalize())

    def delete(self, item):
        del self.items[self.name_of(item)]

    def touch(self, item, changes):
        """Apply ``changes`` as one edit: the version counts it."""
        item.update(changes)
        item['version'] += 1

    def edit(self, item, changes):
        """An edit counts only when it changes something."""
        if any(item.get(name) != value for name, value in changes.items()):
            self.touch(item, changes)

    def begin_edit(self, item, request):
        """Before an edit is served: another client's edit when one is armed, then the version check."""
        self.apply_concurrent_edit(item, request)
        if self.checks_version:
            self.refuse_stale(item, request)

    def apply_concurrent_edit(self, item, request):
        # A concurrent_edit fault: someone else edits between the client's read and its write.
        if request.fault_kind == 'concurrent_edit':
            self.edit_meanwhile(item)

    def edit_meanwhile(self, item):
        self.touch(item, {})

    def refuse_stale(self, item, request):
        for named in (request.query.get('version'), if_match(request.headers)):
            if named is not None and named != str(item['version']):
                raise Problem(409, 'The %s was changed: version %s is not the current one.' % (self.noun, named))


def counter(first):
    """New ids counting up from ``first``."""
    return itertools.count(first)
