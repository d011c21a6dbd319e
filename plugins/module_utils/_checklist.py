# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic about an issue's checklist: which items a task means, and what has to change.

This file is private to the collection (leading underscore): it may change without notice. It
does no I/O: every function is a plain function of its arguments and is tested as such.

An item is identified by its text, trimmed. A task manages only the attributes it gives
(checked, assignee, deadline); one it leaves out stays as it is. Checklists have no unique key:
two runs adding the same item at once each add one, and the read after the writes settles them
(the flow keeps the lowest id). Item ids are 24 hex digits, so the lowest is the oldest.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._common import Plan, id_order
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_fields import login_only, named_ids, sent_user
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import user_ids
from ansible_collections.ytracker.tracker.plugins.module_utils._times import answered_moment, parse_moment, sent_moment

# What a task asks of one item: its text (trimmed), and each attribute it manages (None: left as
# it is). deadline is an instant in UTC, deadline_type Tracker's name of its kind ('date').
WantedItem = namedtuple('WantedItem', ['text', 'checked', 'assignee', 'deadline', 'deadline_type'])
# One write the plan asks for: the item's text, the body sent, and the item as it will be
# answered afterwards (for the diff).
Change = namedtuple('Change', ['text', 'body', 'after'])

DEFAULT_DEADLINE_TYPE = 'date'


def normal_text(text):
    return str(text or '').strip()


def wanted_items(items, state):
    """The WantedItems of a task's ``items`` option; ValueError, naming the item, for what cannot be one."""
    wanted, seen = [], set()
    for number, item in enumerate(items or [], 1):
        where = 'items[%d]' % number
        text = normal_text(item.get('text'))
        if not text:
            raise ValueError('%s: text must not be empty: it identifies the item in the checklist' % where)
        if '\n' in text or '\r' in text:
            raise ValueError('%s: text must be one line, as a checklist item is' % where)
        if text in seen:
            raise ValueError('%s: the item %r is listed twice; an item is identified by its text' % (where, text))
        seen.add(text)
        assignee = item.get('assignee')
        if assignee is not None:
            assignee = str(assignee).strip()
            if not assignee:
                raise ValueError('%s: assignee must be a login or a uid' % where)
        deadline = item.get('deadline')
        if deadline is not None:
            deadline = parse_moment('%s: deadline' % where, deadline)
        deadline_type = item.get('deadline_type')
        if deadline_type is not None and deadline is None:
            raise ValueError('%s: deadline_type goes with a deadline' % where)
        if deadline is not None:
            deadline_type = str(deadline_type or DEFAULT_DEADLINE_TYPE).strip()
        wanted.append(WantedItem(text, item.get('checked') if state == 'present' else None, assignee, deadline,
                                 deadline_type))
    return wanted


def answered_items(answer):
    """The items of a checklist answer: a list of them; the issue holding them under checklistItems (as
    writes answer); or one item alone, as the read's example prints it. [] for an empty answer."""
    if isinstance(answer, dict):
        if 'checklistItems' in answer:
            answer = answer['checklistItems']
        elif 'text' in answer or 'id' in answer:
            answer = [answer]
    return [item for item in answer or [] if isinstance(item, dict)] if isinstance(answer, list) else []


def item_text(item):
    return normal_text(item.get('text'))


def index_items(items):
    """Items by their text, each text's in the API's order."""
    index = {}
    for item in items:
        index.setdefault(item_text(item), []).append(item)
    return index


class Identified(object):
    """The items a wanted one (a Change or WantedItem) describes, as the flow's index asks."""

    def __init__(self, items):
        self.by_text = index_items(items)

    def matches(self, wanted):
        return self.by_text.get(wanted.text, [])


def deadline_of(item):
    deadline = item.get('deadline')
    return deadline if isinstance(deadline, dict) else {}


def users_to_resolve(wanted, items):
    """The assignees to look up before comparing: those an item with the text shows under other ids only.

    An item without an assignee differs anyway; login:12345 is always looked up, to send its uid.
    """
    index = index_items(items)
    names = set()
    for one in wanted:
        if one.assignee is None:
            continue
        found = [item.get('assignee') for item in index.get(one.text, []) if item.get('assignee')]
        if login_only(one.assignee) or any(one.assignee not in user_ids(user) for user in found):
            names.add(one.assignee)
    return sorted(names)


def has_assignee(item, name, names):
    return bool(named_ids(name, names) & user_ids(item.get('assignee')))


def edits(wanted, item, names):
    """The attributes of ``item`` that differ from ``wanted``'s, as an edit body sends them; {} when none."""
    body = {}
    if wanted.checked is not None and bool(item.get('checked')) != wanted.checked:
        body['checked'] = wanted.checked
    if wanted.assignee is not None and not has_assignee(item, wanted.assignee, names):
        body['assignee'] = sent_assignee(wanted.assignee, names)
    if wanted.deadline is not None:
        current = deadline_of(item)
        if (answered_moment(current.get('date')) != wanted.deadline
                or (current.get('deadlineType') or DEFAULT_DEADLINE_TYPE) != wanted.deadline_type):
            body['deadline'] = sent_deadline(wanted)
    return body


def sent_assignee(name, names):
    """An assignee as a body names it: a login as given, a uid as text (the reference types it a string)."""
    return str(sent_user(name, names))


def sent_deadline(wanted):
    return {'date': sent_moment(wanted.deadline), 'deadlineType': wanted.deadline_type}


def create_change(wanted, names):
    body = {'text': wanted.text}
    if wanted.checked is not None:
        body['checked'] = wanted.checked
    if wanted.assignee is not None:
        body['assignee'] = sent_assignee(wanted.assignee, names)
    if wanted.deadline is not None:
        body['deadline'] = sent_deadline(wanted)
    return Change(wanted.text, body, item_after({'text': wanted.text, 'checked': False}, body, wanted))


def item_after(item, body, wanted):
    """``item`` as the API will answer it once ``body`` is written: for the diff."""
    after = dict(item, **body)
    if 'assignee' in body:
        after['assignee'] = {'login': wanted.assignee}
    return after


def plan_checklist(wanted, items, state, purge, names):
    """The Plan that makes the checklist ``items`` what the task says.

    present: each wanted item missing is added; one whose managed attributes differ is edited (the
    first of its text, by id, when a checklist has it twice); items the task does not list are kept,
    or deleted with ``purge``. absent: the listed items are deleted, every one of their text; with no
    items listed, the whole checklist.
    """
    index = index_items(items)
    if state == 'absent':
        if not wanted:
            return Plan(to_create=[], to_update=[], to_delete=list(items), kept=[])
        doomed = set(one.text for one in wanted)
        return Plan(to_create=[], to_update=[], to_delete=[item for item in items if item_text(item) in doomed],
                    kept=[])
    to_create, to_update, kept, managed = [], [], [], set()
    for one in wanted:
        found = index.get(one.text)
        if not found:
            to_create.append(create_change(one, names))
            continue
        item = min(found, key=id_order)
        managed.add(id(item))
        body = edits(one, item, names)
        if body:
            to_update.append((item, Change(one.text, dict(body, text=item.get('text') or one.text),
                                           item_after(item, body, one))))
        else:
            kept.append(item)
    to_delete = [item for item in items if id(item) not in managed] if purge else []
    return Plan(to_create=to_create, to_update=to_update, to_delete=to_delete, kept=kept)


def describe_item(item, assignees=(), names=None):
    """One diff line of an answered item: '[x] Canary healthy (assignee alice, deadline 2026-12-05 date)'.

    The assignee is named as the task names it when it does (``assignees``), else as Tracker shows it.
    """
    parts = []
    user = item.get('assignee')
    if user:
        parts.append('assignee %s' % shown_assignee(user, assignees, names or {}))
    deadline = deadline_of(item)
    moment = answered_moment(deadline.get('date'))
    if moment is not None:
        parts.append('deadline %s %s' % (shown_moment(moment), deadline.get('deadlineType') or DEFAULT_DEADLINE_TYPE))
    return '[%s] %s%s' % ('x' if item.get('checked') else ' ', item_text(item),
                          ' (%s)' % ', '.join(parts) if parts else '')


def shown_assignee(user, assignees, names):
    ids = user_ids(user)
    for name in assignees:
        if named_ids(name, names) & ids:
            return name
    return user.get('login') or user.get('display') or user.get('id')


def shown_moment(moment):
    """A deadline in a diff line: its date, and its time when it has one."""
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return moment.strftime('%Y-%m-%d')
    return moment.strftime('%Y-%m-%dT%H:%M:%SZ')
