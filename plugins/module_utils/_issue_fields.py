# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure planning of an issue's fields: what a task wants, what differs, what to send, the diff.

Every function here is a plain function of the task's wishes, the issue as Tracker answers it and
what the task's names were resolved to (``names``), so it is tested as such. A field the task does
not name is never looked at. This file is private to the collection (leading underscore): it may
change without notice.

Users: a playbook names a user by login, or by uid (digits), or, for a login made only of digits,
as ``login:12345`` (the v3 reference's notation). Issues name users by id only, so a login is
compared through the ids the users API gives for it: ``names`` maps each user name the task uses
to that set of ids (see user_ids). A name is looked up only when the comparison needs it: not when
the field is empty, and not when it is the uid the issue shows.

Versions and components: a playbook names them by name or id, within the issue's queue. Issues
answer them as ``{"self", "id": "4", "display": "2.0"}``, the id a string, while the queue's lists
answer ``"id": 4``, a number: ids are compared as text, and sent as numbers. ``names`` maps
``(kind, entry)`` to ``Item(id, name)``: from the issue's own values when they show the entry (by
display or id), else from one read of the queue's list (see items_to_read and items_named).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._options import ISSUE_KEY, QUEUE, check_issue
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import (
    as_list,
    is_empty,
    object_matches,
    same_text,
    shown,
    text,
    user_ids,
    value_matches,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._links import last_segment
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import Named, item_name

# The fields a task names by option, in the order of the diff, and how each compares:
# text (as is), typed (an object named by key or id), issue (the parent, by key or id),
# user (by login or uid), tags (a list of names), users (a list of users), versions and
# components (lists of the queue's, by name or id). Others are 'any'.
FIELD_KINDS = (
    ('summary', 'text'),
    ('description', 'text'),
    ('type', 'typed'),
    ('priority', 'typed'),
    ('assignee', 'user'),
    ('parent', 'issue'),
    ('tags', 'tags'),
    ('followers', 'users'),
    ('fixVersions', 'versions'),
    ('affectedVersions', 'versions'),
    ('components', 'components'),
)
LIST_FIELDS = ('tags', 'followers', 'fixVersions', 'affectedVersions', 'components')
LIST_KINDS = ('tags', 'users', 'versions', 'components')
# The kinds named from a list of the queue's, by what one of them is called in a message.
ITEM_KINDS = {'versions': 'version', 'components': 'component'}
# The options whose names are not the API's.
OPTION_NAMES = {'fixVersions': 'fix_versions', 'affectedVersions': 'affected_versions'}
# How many of the queue's names a message for an unknown one lists.
NAMES_LISTED = 10
# Fields that '' clears (sent as null); the others must not be empty.
CLEARABLE = ('description', 'assignee', 'parent')
# What `fields` must not hold: what options manage, and what no edit changes.
NOT_IN_FIELDS = dict(
    [(name, 'use the %s option' % OPTION_NAMES.get(name, name)) for name, dummy in FIELD_KINDS]
    + [(name, 'use the %s option; a status changes only through a transition' % name)
       for name in ('status', 'resolution')]
    + [(name, 'Tracker sets it') for name in ('key', 'id', 'version', 'self')]
    + [('unique', 'use the unique option'), ('queue', 'the queue option is where a new issue is created')])
DIGITS = re.compile(r'^[0-9]+$')
LOGIN_PREFIX = 'login:'

# The options of a task that say what an issue must have (the doc fragment ytracker.tracker.issue.fields):
# tracker_issue's, and tracker_bulk_change's for every issue it finds.
FIELD_SPEC = dict(
    summary=dict(type='str'),
    description=dict(type='str'),
    type=dict(type='str'),
    priority=dict(type='str'),
    assignee=dict(type='str'),
    parent=dict(type='str'),
    tags=dict(type='list', elements='str'),
    purge_tags=dict(type='bool', default=False),
    followers=dict(type='list', elements='str'),
    purge_followers=dict(type='bool', default=False),
    fix_versions=dict(type='list', elements='str'),
    purge_fix_versions=dict(type='bool', default=False),
    affected_versions=dict(type='list', elements='str'),
    purge_affected_versions=dict(type='bool', default=False),
    components=dict(type='list', elements='str'),
    purge_components=dict(type='bool', default=False),
    fields=dict(type='dict'),
    status=dict(type='str'),
    resolution=dict(type='str'),
    transition_fields=dict(type='dict'),
)

Field = namedtuple('Field', ['name', 'kind', 'value'])
# A version or component of the queue, as a task's entry resolved to it: its id as text, and its name.
Item = namedtuple('Item', ['id', 'name'])


class WantedIssue(object):
    """What a task asks of an issue: which one, its fields (in diff order) and its status."""

    def __init__(self, params):
        """From a module's params; ValueError, one line, for anything unusable."""
        self.key = check_issue(params['key'], 'key') if params['key'] is not None else None
        self.unique = params['unique']
        if self.unique is not None and not self.unique.strip():
            raise ValueError('unique must not be empty')
        self.queue = params['queue']
        if self.queue is not None and not QUEUE.match(self.queue):
            raise ValueError('queue must be a queue key like OPS or a queue id, got %r' % self.queue)
        self.fields = [checked_field(name, kind, params[option_of(name)]) for name, kind in FIELD_KINDS
                       if params[option_of(name)] is not None]
        for name, value in sorted((params['fields'] or {}).items()):
            if name in NOT_IN_FIELDS:
                raise ValueError('fields.%s: %s' % (name, NOT_IN_FIELDS[name]))
            self.fields.append(Field(name, 'any', value))
        self.purge = dict((name, params['purge_' + option_of(name)]) for name in LIST_FIELDS)
        for name in LIST_FIELDS:
            if self.purge[name] and params[option_of(name)] is None:
                raise ValueError('purge_%s needs %s: the list to keep (an empty list removes them all)'
                                 % (option_of(name), option_of(name)))
        # Whitespace around a status key is no part of it, as for summary and tags.
        self.status = params['status'].strip() if params['status'] is not None else None
        self.resolution = params['resolution']
        self.transition_fields = params['transition_fields'] or {}
        if self.status is not None and not self.status.strip():
            raise ValueError('status must not be empty: give a status key like inProgress, or leave status out')
        if self.status is None and (self.resolution is not None or params['transition_fields']):
            raise ValueError('resolution and transition_fields go with status: they are sent with a transition')
        if self.resolution is not None and not self.resolution.strip():
            raise ValueError('resolution must not be empty')

    def transition_body(self):
        """The body of the transition to the wanted status."""
        body = dict(self.transition_fields)
        if self.resolution is not None:
            body['resolution'] = self.resolution
        return body


def option_of(name):
    """The option of the task that sets the API's field ``name``."""
    return OPTION_NAMES.get(name, name)


def checked_field(name, kind, value):
    """A field of the task, checked."""
    if kind in LIST_KINDS:
        names = [text(item).strip() for item in value]
        if not all(names):
            raise ValueError('%s must not hold empty entries' % option_of(name))
        # Each entry once, in the order given.
        return Field(name, kind, sorted(set(names), key=names.index))
    value = value.strip() if kind != 'text' else value
    if value == '' or (kind == 'text' and not value.strip()):
        if name not in CLEARABLE:
            raise ValueError('%s must not be empty' % name)
        return Field(name, kind, '')
    if kind == 'issue':
        value = check_issue(value, name)
    return Field(name, kind, value)


# Users

def login_only(name):
    """Whether a user name is a login that must be looked up to be sent (login:12345)."""
    return name.startswith(LOGIN_PREFIX)


def named_ids(name, names):
    """The ids a user name stands for: those the users API gave for it, and the name itself (a uid)."""
    return names.get(name, set()) | set([name])


def current_users(field, issue):
    """The users an issue has in a user field, as a list."""
    return as_list(issue.get(field.name))


def users_to_resolve(wanted, issue):
    """The user names of the task to look up before comparing with ``issue`` (None: a new issue).

    A name the issue's users already show as one of their ids needs no lookup, nor one compared
    with an empty field: it differs anyway. login:12345 is always looked up, to send its uid.
    """
    names = set()
    for field in wanted.fields:
        if field.kind not in ('user', 'users') or field.value == '':
            continue
        found = current_users(field, issue or {})
        shown_ids = set()
        for user in found:
            shown_ids |= user_ids(user)
        for name in as_list(field.value):
            if login_only(name) or (found and name not in shown_ids):
                names.add(name)
    return sorted(names)


def sent_user(name, names):
    """A user as a body names it: a login as given, a uid as a number, login:12345 by its uid."""
    if DIGITS.match(name):
        return int(name)
    if login_only(name):
        for user_id in sorted(names.get(name, ())):
            if DIGITS.match(user_id):
                return int(user_id)
        return name[len(LOGIN_PREFIX):]
    return name


# Versions and components

def item_fields(wanted, kind=None):
    """The task's fields of versions and components (of ``kind`` only, when given)."""
    return [field for field in wanted.fields if field.kind in ITEM_KINDS and kind in (None, field.kind)]


def answered_item(element):
    """The Item an issue's value shows: {"self", "id": "4", "display": "2.0"}, or a bare id."""
    if not isinstance(element, dict):
        return Item(text(element), text(element))
    item_id = element.get('id')
    item_id = text(item_id) if item_id is not None else last_segment(element.get('self') or '')
    return Item(item_id, text(element.get('display') or element.get('name') or item_id).strip())


def items_shown(wanted, issue):
    """What the issue's own values prove of the task's entries: {(kind, entry): Item}.

    An entry that a value of the field shows as its display (the name) needs no read of the
    queue's list: the issue has that version or component, and its id is the one shown. An entry
    that only an id shown equals is read all the same: a name comes before an id, and the queue
    may have a version named "49650" besides the version whose id is 49650.
    """
    found = {}
    for field in item_fields(wanted):
        answered = [answered_item(element) for element in as_list((issue or {}).get(field.name))]
        for entry in field.value:
            for item in answered:
                if entry == item.name:
                    found.setdefault((field.kind, entry), item)
    return found


def items_to_read(wanted, names):
    """The kinds whose queue list the task must read: those with an entry ``names`` does not resolve yet."""
    return sorted(set(field.kind for field in item_fields(wanted)
                      for entry in field.value if (field.kind, entry) not in names))


def items_named(wanted, kind, items, queue, names):
    """{(kind, entry): Item} for the task's entries of ``kind`` that ``names`` lacks, from the queue's ``items``.

    An entry is an item's name (trimmed, exact) or its id as text; a name before an id, and of two
    items of one name (twins made at the same moment), the lowest id, as tracker_version keeps it.
    ValueError, one line, for an entry the queue does not have.
    """
    by_name = Named(items)
    by_id = dict((text(item.get('id')), item) for item in items if item.get('id') is not None)
    found = {}
    for field in item_fields(wanted, kind):
        for entry in field.value:
            if (kind, entry) in names or (kind, entry) in found:
                continue
            matches = by_name.of_name(entry) or ([by_id[entry]] if entry in by_id else [])
            if not matches:
                raise ValueError(unknown_item(field, entry, items, queue))
            found[(kind, entry)] = Item(text(matches[0]['id']), item_name(matches[0]))
    return found


def unknown_item(field, entry, items, queue):
    """The message for an entry the queue has no version or component of: it lists the names the queue has."""
    known = sorted(set(item_name(item) for item in items if item_name(item)))
    listed = ', '.join(known[:NAMES_LISTED]) or 'none'
    if len(known) > NAMES_LISTED:
        listed += ' and %d more' % (len(known) - NAMES_LISTED)
    return '%s: queue %s has no %s %r; it has: %s' % (option_of(field.name), queue, ITEM_KINDS[field.kind], entry, listed)


def sent_item(field, entry, names):
    """A version or component as a body names it: its id, a number as the reference's examples send it."""
    item = names.get((field.kind, entry))
    item_id = item.id if item is not None else entry
    return int(item_id) if DIGITS.match(item_id) else item_id


def sent_entries(field, entries, names):
    """The entries of a list field as a body carries them, each once."""
    if field.kind == 'users':
        return [sent_user(name, names) for name in entries]
    if field.kind in ITEM_KINDS:
        sent = [sent_item(field, entry, names) for entry in entries]
        return sorted(set(sent), key=sent.index)
    return list(entries)


def shown_entry(field, entry, names):
    """A task's version or component in a diff line: by its name."""
    item = names.get((field.kind, entry))
    return item.name if item is not None else entry


# What to send

def sent_value(field, names):
    """A field's wanted value in the form a body carries (see the reference's common format)."""
    value = field.value
    if value == '':
        return None  # '' clears: Tracker resets a field given null
    if field.kind == 'typed':
        return {'id': value} if DIGITS.match(value) else value
    if field.kind == 'issue':
        return {'key': value} if ISSUE_KEY.match(value) else {'id': value}
    if field.kind == 'user':
        return sent_user(value, names)
    if field.kind in LIST_KINDS:
        return sent_entries(field, value, names)
    return value


def field_change(field, current, names, purge):
    """What a PATCH body sends for ``field`` against the answered ``current``; None when nothing differs.

    A field to clear is sent as {'value': None}: the caller unwraps it.
    """
    kind, value = field.kind, field.value
    if kind == 'text':
        same = same_text(value, current)
    elif kind == 'any':
        same = value_matches(value, current)
    elif value == '':
        same = is_empty(current)
    elif kind in ('typed', 'issue'):
        same = object_matches(value, current) if current is not None else False
    elif kind == 'user':
        same = bool(named_ids(value, names) & user_ids(current))
    else:
        return list_change(field, as_list(current), names, purge)
    if same:
        return None
    return {'value': sent_value(field, names)}


def list_change(field, current, names, purge):
    """tags, followers, versions, components: add what is missing, or, with purge, set the list to exactly the task's."""
    present = set()
    for element in current:
        present |= element_names(field, element)
    missing = [name for name in field.value if not (element_ids(field, name, names) & present)]
    if purge:
        wanted_ids = set()
        for name in field.value:
            wanted_ids |= element_ids(field, name, names)
        extra = [element for element in current if not (element_names(field, element) & wanted_ids)]
        if not missing and not extra:
            return None
        sent = sent_entries(field, field.value, names)
        # [] resets a list; "set" replaces it (the reference's common format).
        return {'value': {'set': sent} if sent else []}
    if not missing:
        return None
    return {'value': {'add': sent_entries(field, missing, names)}}


def element_names(field, element):
    """What names an answered element of a list field: a tag's text, a user's ids, a version's id.

    A version or component is compared by its id alone, the task's entries being resolved to ids
    first: an entry "49650" may name the version of that name, not the one of that id.
    """
    if field.kind == 'users':
        return user_ids(element)
    if field.kind in ITEM_KINDS:
        return set([answered_item(element).id])
    if isinstance(element, dict):
        return set(text(element[name]) for name in ('key', 'display', 'name', 'id') if element.get(name) is not None)
    return set([text(element)])


def element_ids(field, name, names):
    """What an entry of the task may match among element_names: a user's ids, a version's id, or itself."""
    if field.kind == 'users':
        return named_ids(name, names)
    item = names.get((field.kind, name)) if field.kind in ITEM_KINDS else None
    return set([item.id]) if item is not None else set([name])


def plan_fields(wanted, issue, names):
    """The PATCH body for ``issue``: only the fields whose answered value differs from the task's."""
    body = {}
    for field in wanted.fields:
        change = field_change(field, issue.get(field.name), names, wanted.purge.get(field.name, False))
        if change is not None:
            body[field.name] = change['value']
    return body


def create_body(wanted, names):
    """The body of POST /issues/: queue, summary, unique and every field the task names, not empty."""
    body = dict(queue=wanted.queue, unique=wanted.unique)
    for field in wanted.fields:
        sent = sent_value(field, names)
        if not is_empty(sent):
            body[field.name] = sent
    return body


# The diff: the fields the task names, and the status, one a line

def shown_user(user, wanted_names, names):
    """An answered user in a diff line: by the task's name for it when it has one, else as Tracker shows it."""
    ids = user_ids(user)
    for name in wanted_names:
        if named_ids(name, names) & ids:
            return name
    return shown(user)


def shown_items(field, current, names):
    """The answered elements of a list field, each as its diff line names it."""
    if field.kind == 'users':
        return [shown_user(user, field.value, names) for user in as_list(current)]
    return [shown(tag) for tag in as_list(current)]


def shown_field(field, current, names):
    """A field's answered value in its diff line."""
    if field.kind in LIST_KINDS:
        return ', '.join(sorted(shown_items(field, current, names)))
    if field.kind == 'user':
        return shown_user(current, [field.value], names) if current is not None else ''
    return shown(current)


def shown_wanted(field, current, names, purge):
    """A field's value after the task, in its diff line; lists without purge keep what they had."""
    if field.kind in LIST_KINDS:
        kept = [] if purge else shown_items(field, current, names)
        added = [shown_entry(field, entry, names) for entry in field.value] if field.kind in ITEM_KINDS else field.value
        return ', '.join(sorted(set(kept) | set(added)))
    return shown(field.value)


def describe(wanted, issue, names):
    """The issue's fields that the task names, and its status: a line each (none for no issue)."""
    if issue is None:
        return []
    lines = ['%s: %s' % (option_of(field.name), shown_field(field, issue.get(field.name), names))
             for field in wanted.fields]
    if wanted.status is not None:
        lines.append('status: %s' % shown(issue.get('status')))
    return lines


def describe_after(wanted, issue, names, body, status_after=None):
    """The lines of describe() once ``body`` is sent and the issue is in ``status_after`` (a status key)."""
    issue = issue or {}
    lines = []
    for field in wanted.fields:
        current = issue.get(field.name)
        if field.name in body:
            value = shown_wanted(field, current, names, wanted.purge.get(field.name, False))
        else:
            value = shown_field(field, current, names)
        lines.append('%s: %s' % (option_of(field.name), value))
    if wanted.status is not None:
        lines.append('status: %s' % (status_after or shown(issue.get('status'))))
    return lines
