# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""An issue's checklist as a Resource of the one flow (_flow.py), for tracker_checklist.

The plan is _checklist.plan_checklist's. Items are added one per POST, which answers the whole
issue (200, not 201); twins added by runs at the same moment are settled by the read after the
adds. The edit page disagrees with itself about its body, so an edit is sent as its example prints
it (an array holding the item, at the item's path), then as one object at that path, then in the
older form that lists every item with its id at the checklist's path; the first form the API takes
is kept for the rest of the task. This file is private to the collection (leading underscore): it
may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._checklist import (
    Identified,
    answered_items,
    describe_item,
    plan_checklist,
    users_to_resolve,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._common import id_order
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import Resource
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_fields import DIGITS
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import user_ids
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import checklist_path, issue_hints, read_user
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError

# The forms of an edit, in the order they are tried, and the answers that say a form is not taken.
EDIT_FORMS = ('array', 'object', 'whole')
FORM_REFUSED = (400, 405, 422)


class Checklist(Resource):
    """The checklist of the task's issue; the task wants some of its items (WantedItems)."""

    noun = 'checklist item'
    place = 'the issue'

    def __init__(self, params, wanted):
        self.issue = params['issue']
        self.state = params['state']
        self.purge = params['purge']
        self.hints = issue_hints(self.issue)
        self.assignees = [one.assignee for one in wanted if one.assignee is not None]
        self.wanted = wanted
        self.names = {}          # assignee name: the ids the users API gave for it
        self.items = []          # as last read or answered: what the older edit form sends back
        self.edit_form = EDIT_FORMS[0]
        self.cleared = False     # the whole checklist was deleted by this task
        self.deleted = set()     # the ids of the items this task deleted, twins of its adds too

    def read(self, client):
        self.items = answered_items(client.request_json('GET', checklist_path(self.issue), hints=self.hints))
        for name in users_to_resolve(self.wanted, self.items):
            self.look_up(client, name)
        return self.items

    def look_up(self, client, name):
        if name not in self.names:
            self.names[name] = user_ids(read_user(client, name))

    def plan(self, wanted, current):
        return plan_checklist(wanted, current, self.state, self.purge, self.names)

    def index(self, current):
        return Identified(current)

    def check_creatable(self, client, to_create):
        # A real run would send the login and be refused (400) for a user who is not there.
        for change in to_create:
            name = change.body.get('assignee')
            if name is not None and not DIGITS.match(name):
                self.look_up(client, name)

    def create(self, client, wanted):
        # ``wanted`` is a Change, as are the plan's updates: the body and the item afterwards.
        answer = client.create(checklist_path(self.issue), wanted.body, hints=self.hints)
        # The answer is the issue with every item; the new one is the newest of its text.
        return newest(answered_items(answer), wanted.text)

    def update(self, client, current, wanted):
        forms = EDIT_FORMS[EDIT_FORMS.index(self.edit_form):]
        for form in forms:
            try:
                answer = self.send_edit(client, form, current, wanted)
            except TrackerError as error:
                if error.status not in FORM_REFUSED or form == forms[-1]:
                    raise
                continue
            self.edit_form = form
            items = answered_items(answer)
            if form == 'whole' and items:
                self.items = items
            return next((item for item in items if str(item.get('id')) == str(current.get('id'))), None)

    def send_edit(self, client, form, current, wanted):
        hints = {404: 'checklist item %r (id %s) is no longer on issue %s' % (wanted.text, current.get('id'),
                                                                              self.issue)}
        if form == 'whole':
            body = [dict(written(item), **wanted.body) if item.get('id') == current.get('id') else written(item)
                    for item in self.items]
            return client.request_json('PATCH', checklist_path(self.issue), body=body, hints=hints)
        body = [wanted.body] if form == 'array' else wanted.body
        return client.request_json('PATCH', checklist_path(self.issue, current), body=body, hints=hints)

    def delete(self, client, current):
        self.deleted.add(str(current.get('id')))
        if self.state == 'absent' and not self.wanted:
            # The whole checklist goes in one request, whatever its number of items.
            if not self.cleared:
                self.cleared = client.delete(checklist_path(self.issue), hints=self.hints)
            return self.cleared
        return client.delete(checklist_path(self.issue, current), hints=self.hints)

    def describe(self, current):
        return describe_item(current, self.assignees, self.names)

    def describe_wanted(self, wanted):
        return describe_item(wanted.after, self.assignees, self.names)

    def diff_lines(self, lines):
        return lines  # a checklist's items in the API's order

    def result(self, task):
        # The checklist as last read (after adding, the read that settled them), with the edits'
        # answers, without what was deleted; in check mode, with what would be added and edited.
        plan = task.plan
        answers = task.updated + [None] * (len(plan.to_update) - len(task.updated))
        edited = dict((str(item.get('id')), answer or change.after)
                      for (item, change), answer in zip(plan.to_update, answers))
        gone = self.deleted | set(str(item.get('id')) for item in task.removed)
        items = [edited.get(str(item.get('id')), item) for item in self.items if str(item.get('id')) not in gone]
        shown = set(str(item.get('id')) for item in items)
        made = task.created if not task.check_mode else [change.after for change in plan.to_create]
        items += [item for item in made if item is not None and str(item.get('id')) not in shown]
        return dict(checklist=items, removed=task.removed)


def newest(items, text):
    """The item of ``text`` with the highest id, or None."""
    found = [item for item in items if str(item.get('text') or '').strip() == text]
    return max(found, key=id_order) if found else None


def written(item):
    """An answered item as the older edit form sends it back: every item of the checklist, with its id."""
    body = {'id': item.get('id'), 'text': item.get('text'), 'checked': bool(item.get('checked'))}
    assignee = item.get('assignee')
    if isinstance(assignee, dict) and assignee.get('id') is not None:
        body['assignee'] = str(assignee['id'])
    deadline = item.get('deadline')
    if isinstance(deadline, dict) and deadline.get('date'):
        body['deadline'] = {'date': deadline['date'], 'deadlineType': deadline.get('deadlineType') or 'date'}
    return body
