# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Issue checklists for tracker_emulator.py, as add-checklist-item.md, get-checklist.md,
edit-checklist.md, delete-checklist-item.md and delete-checklist.md describe them.

An item has an id of 24 hex digits, counting up. Adding one (a body of one item) answers 200 with
the whole issue, its items under checklistItems, as the reference says; so do an edit and the
deletes. Nothing makes an item's text unique: two adds of one text make two items.

Where the pages disagree or say nothing, a setting chooses the reading:
  checklist_edit: "either" (the default) takes an edit at the item's path as an object or as an
  array (of that item alone, or of items with ids, the path's among them); "array" or "object"
  refuses the other shape (400); "whole" takes only the older form, PATCH of the checklist's path
  with every item and its id (400 when one is missing), and answers an edit at an item's path 405.
  checklist_read: "list" (the default) answers the read with a list of the items; "example"
  answers a checklist of one item with that item alone, as the read's example prints it.
  checklist_assignee: "full" (the default) shows an item's assignee as the read's example does,
  login included; "short" as issues show users ({"self", "id", "display"}), without the login.
"""

import itertools

from tracker_emulator_resource import Answer, Problem
from tracker_emulator_users import TOKEN_USER

DEFAULTS = {'checklist_edit': 'either', 'checklist_read': 'list', 'checklist_assignee': 'full'}
SETTINGS = tuple(DEFAULTS)
EDIT_FORMS = ('either', 'array', 'object', 'whole')
READ_SHAPES = ('list', 'example')
ASSIGNEE_SHAPES = ('full', 'short')
FIRST_ID = 0x5fde5f0a1aee261dd3b62e00


class Checklists:
    """Every issue's checklist: {key: [items]}, each item as stored."""

    def __init__(self, config, users):
        self.config, self.users = config, users
        self.by_issue = {}
        self.ids = itertools.count(FIRST_ID)

    def of(self, key):
        return self.by_issue.setdefault(key, [])

    def add(self, key, body):
        item = {'id': '%024x' % next(self.ids), 'text': '', 'checked': False, 'assignee': None, 'deadline': None}
        item.update(self.values(body, creating=True))
        self.of(key).append(item)
        return item

    def find(self, key, item_id):
        for item in self.of(key):
            if item['id'] == item_id:
                return item
        raise Problem(404, 'Checklist item does not exist.')

    def values(self, body, creating):
        """The stored values of an item body; Problem 400 or 422 for what the API would refuse."""
        if not isinstance(body, dict):
            raise Problem(400, 'A checklist item must be an object.')
        text = body.get('text')
        if not isinstance(text, str) or not text.strip():
            raise Problem(422, 'Validation failed.', {'text': 'Required field.'})
        values = {'text': text}
        if 'checked' in body:
            if not isinstance(body['checked'], bool):
                raise Problem(400, 'checked must be true or false.', {'checked': 'Invalid value.'})
            values['checked'] = body['checked']
        if 'assignee' in body:
            values['assignee'] = None if body['assignee'] is None else self.users.find(body['assignee'],
                                                                                       'assignee')['uid']
        if 'deadline' in body:
            values['deadline'] = deadline_value(body['deadline'])
        return values

    def view(self, api, item):
        shown = {'id': item['id'], 'text': item['text'], 'textHtml': '<p>%s</p>' % item['text'],
                 'checked': item['checked'], 'checklistItemType': 'standard'}
        if item['assignee'] is not None:
            shown['assignee'] = self.assignee_view(api, item['assignee'])
        if item['deadline'] is not None:
            shown['deadline'] = dict(item['deadline'], isExceeded=False)
        return shown

    def assignee_view(self, api, uid):
        if self.config['checklist_assignee'] == 'short':
            return self.users.short_view(api, uid)
        user = self.users.find(uid)
        first, dummy, last = user['display'].partition(' ')
        return {'id': user['uid'], 'display': user['display'], 'passportUid': user.get('passportUid'),
                'login': user['login'], 'firstName': first, 'lastName': last,
                'email': '%s@example.com' % user['login'], 'trackerUid': user['uid']}


def deadline_value(deadline):
    if deadline is None:
        return None
    if not isinstance(deadline, dict) or not isinstance(deadline.get('date'), str) or not deadline['date']:
        raise Problem(400, 'deadline must be an object with a date.', {'deadline': 'Invalid value.'})
    date = deadline['date']
    # As the reference's examples answer it: YYYY-MM-DDThh:mm:ss.sss+0000; a date alone as its midnight.
    if len(date) == 10:
        date += 'T00:00:00.000+0000'
    return {'date': date, 'deadlineType': deadline.get('deadlineType') or 'date'}


def issue_answer(tracker, request, status=200):
    """The issue with its checklist, as every write of a checklist answers."""
    key = request.issue['key']
    items = [tracker.checklists.view(request.api, item) for item in tracker.checklists.of(key)]
    issue = tracker.issues.view(request.api, request.issue)
    issue.update(checklistItems=items, checklistDone=str(sum(1 for item in items if item['checked'])),
                 checklistTotal=len(items))
    return Answer(status, issue)


def changed(tracker, request):
    """A write of the checklist edits the issue: its version counts it."""
    tracker.issues.touch(request.issue, {'updatedBy': TOKEN_USER})


# HTTP

def list_items(tracker, request):
    items = [tracker.checklists.view(request.api, item) for item in tracker.checklists.of(request.issue['key'])]
    if tracker.config['checklist_read'] == 'example' and len(items) == 1:
        return Answer(200, items[0])
    return Answer(200, items)


def add_item(tracker, request):
    if isinstance(request.body, list):
        raise Problem(400, 'Add one checklist item per request.')
    tracker.checklists.add(request.issue['key'], request.body)
    changed(tracker, request)
    return issue_answer(tracker, request)


def edit_item(tracker, request):
    form = tracker.config['checklist_edit']
    if form == 'whole':
        raise Problem(405, 'Method not allowed.')
    key, item_id = request.issue['key'], request.params['item']
    item = tracker.checklists.find(key, item_id)
    body = request.body
    if isinstance(body, list):
        if form == 'object':
            raise Problem(400, 'The body must be one checklist item.')
        body = item_of_array(body, item_id)
    elif form == 'array':
        raise Problem(400, 'The body must be an array of checklist items.')
    item.update(tracker.checklists.values(body, creating=False))
    changed(tracker, request)
    return issue_answer(tracker, request)


def item_of_array(body, item_id):
    if len(body) == 1 and (not isinstance(body[0], dict) or body[0].get('id') in (None, item_id)):
        return body[0]
    for one in body:
        if isinstance(one, dict) and one.get('id') == item_id:
            return one
    raise Problem(400, 'The body does not hold the checklist item %s.' % item_id)


def edit_checklist(tracker, request):
    """The older form: every item of the checklist, each with its id."""
    if tracker.config['checklist_edit'] != 'whole':
        raise Problem(405, 'Method not allowed.')
    key, body = request.issue['key'], request.body
    if not isinstance(body, list):
        raise Problem(400, 'The body must be an array of every checklist item.')
    items = tracker.checklists.of(key)
    by_id = dict((one.get('id'), one) for one in body if isinstance(one, dict))
    missing = [item['id'] for item in items if item['id'] not in by_id]
    if missing or len(by_id) != len(body) or set(by_id) - set(item['id'] for item in items):
        raise Problem(400, 'The body must list every checklist item by its id.')
    checklists = tracker.checklists
    updates = [(item, checklists.values(by_id[item['id']], creating=False)) for item in items]
    for item, values in updates:
        item.update(values)
    changed(tracker, request)
    return issue_answer(tracker, request)


def delete_item(tracker, request):
    key = request.issue['key']
    tracker.checklists.of(key).remove(tracker.checklists.find(key, request.params['item']))
    changed(tracker, request)
    return issue_answer(tracker, request)


def delete_checklist(tracker, request):
    del tracker.checklists.of(request.issue['key'])[:]
    changed(tracker, request)
    return issue_answer(tracker, request)


def seed_items(tracker, request):
    """Add items without a request each: {"issue": "TEST-1", "items": [{"text", "checked", "assignee",
    "deadline"}]}, as an add's body takes them."""
    key = tracker.issues.find(request.body.get('issue', ''))['key']
    wanted = request.body.get('items', [])
    added = [tracker.checklists.add(key, one)['id'] for one in wanted]
    return Answer(200, {'added': len(added), 'ids': added})
