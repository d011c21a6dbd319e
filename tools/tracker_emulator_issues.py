# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Issues for tracker_emulator.py, as create-issue.md, get-issue.md and patch-issue.md describe them.

An issue is kept by its key and found by key or id. Typed fields are stored as keys (catalogues),
uids (users), issue keys (parent) and ids (versions and components), and answered as objects.
"""

from tracker_emulator_bulk import SETTINGS as BULK_SETTINGS
from tracker_emulator_checklists import SETTINGS as CHECKLIST_SETTINGS
from tracker_emulator_worklogs import SETTINGS as WORKLOG_SETTINGS
from tracker_emulator_queues import SETTINGS as QUEUE_SETTINGS
from tracker_emulator_catalogues import CATALOGUES, catalogue_key, catalogue_view
from tracker_emulator_resource import (Answer, Problem, Resource, as_list, counter, is_command, list_edit, now,
                                       queue_number, queue_view)
from tracker_emulator_users import TOKEN_USER

DEFAULTS = {
    'issues': ['DEMO-1', 'DEMO-2', 'DEMO-3', 'TEST-1', 'TEST-2', 'TEST-3'],
    'forbidden_issues': ['SECRET-1'],
    'queues': ['DEMO', 'TEST', 'REL', 'OPS', 'INC', 'BULK'],
    'issue_unique_shown': True,
    'search_misses': 0,
    'version_limit': 11100,
}
# What POST /_emulator/issues {"settings": ...} may change while running.
SETTINGS = (('issue_user_ids', 'issue_unique_shown', 'search_misses', 'version_limit') + BULK_SETTINGS
            + CHECKLIST_SETTINGS + WORKLOG_SETTINGS + QUEUE_SETTINGS)
SET_BY_TRACKER = ('self', 'id', 'key', 'version', 'createdBy', 'updatedBy', 'createdAt', 'updatedAt', 'votes',
                  'aliases', 'previousStatus', 'favorite')
# Where the ids of the issues made through the API begin (those configured count from 1).
CREATED_IDS = 0x5f0c3a000000000000000001


class Issues(Resource):
    """Every issue, kept by key; ``field_items``: the versions and components its fields name, by field;
    ``queues``: the queues, whose deleted ones hide their issues."""

    noun = 'issue'

    def __init__(self, config, users, field_items, queues):
        super().__init__(counter(CREATED_IDS + len(config['issues'])))
        self.config, self.users, self.field_items, self.queue_store = config, users, field_items, queues
        self.keys_by_id = {}
        self.by_unique = {}     # unique: key
        self.numbers = {}       # queue: the last number given
        self.writes = []        # what creates, edits and transitions were sent: GET /_emulator/issues
        for index, key in enumerate(config['issues']):
            queue, dummy, number = key.rpartition('-')
            self.store(queue, int(number), '%024x' % (index + 1),
                       {'summary': 'Issue %s' % key, 'type': 'task', 'priority': 'normal'})

    def name_of(self, item):
        return item['key']

    def key_of(self, name):
        """The key of an issue named by key or id, or None."""
        return name if name in self.items else self.keys_by_id.get(name)

    def find(self, name):
        if name in self.config['forbidden_issues']:
            raise Problem(403, 'You do not have permission to access this issue.')
        record = super().find(self.key_of(name))
        if record['queue'] not in self.queues():
            raise self.missing()  # its queue was deleted, and took it along
        return record

    def all(self):
        live = set(self.queues())
        return [record for record in super().all() if record['queue'] in live]

    # storing

    def store(self, queue, number, issue_id, values):
        key = '%s-%d' % (queue, number)
        self.numbers[queue] = max(self.numbers.get(queue, 0), number)
        stamp = now()
        record = dict(empty_record(queue), **values)
        record.update(key=key, id=issue_id, createdBy=TOKEN_USER, updatedBy=TOKEN_USER, createdAt=stamp,
                      updatedAt=stamp, misses=0)
        self.add(record)
        self.keys_by_id[issue_id] = key
        if record.get('unique') is not None:
            self.by_unique[record['unique']] = key
        return record

    def create(self, body):
        """Store a new issue from a create body; Problem when the API would refuse it."""
        missing = {name: 'Required field.' for name in ('queue', 'summary') if not body.get(name)}
        if missing:
            raise Problem(422, 'Validation failed.', missing)
        queue = self.queue_of(body['queue'])
        values = self.changes(empty_record(queue), {name: value for name, value in body.items() if name != 'queue'},
                              creating=True)
        if values.get('unique') is not None and values['unique'] in self.by_unique:
            # The reference documents the 409 alone; the answer does not say which issue has the value.
            raise Problem(409, 'An issue with the same unique value already exists.')
        if 'assignee' not in values:
            values['assignee'] = self.field_items['components'].auto_assignee(values.get('components', []))
        record = self.store(queue, self.numbers.get(queue, 0) + 1, '%024x' % next(self.ids),
                            dict({'type': 'task', 'priority': 'normal'}, **values))
        record['misses'] = self.config['search_misses']
        return record

    def queues(self):
        return self.queue_store.live_keys()

    def queue_of(self, value):
        """The queue a body names by key (in any case) or by an object with a key or id; Problem 404."""
        name = value.get('key') or value.get('id') if isinstance(value, dict) else value
        for queue in self.queues():
            if str(name).upper() == queue:
                return queue
        raise Problem(404, 'Queue does not exist: %s' % name)

    def queue_in_path(self, name):
        """The queue a path names by its key, case-sensitive as get-versions.md says, or its id; Problem 404."""
        for queue in self.queues():
            if name in (queue, str(queue_number(queue))):
                return queue
        raise Problem(404, 'Queue does not exist: %s' % name)

    def patch(self, record, body, behind=False):
        """PATCH ``body`` onto ``record``; ``behind``: a test's edit, which may set the status."""
        if record['version'] >= self.config['version_limit'] and not behind:
            raise Problem(423, 'Editing is disabled: the issue has reached the maximum version.')
        self.edit(record, self.changes(record, body, creating=False, behind=behind))
        return record

    def touch(self, item, changes):
        super().touch(item, dict(changes, updatedAt=now(), updatedBy=TOKEN_USER))

    def edit_meanwhile(self, item):
        self.patch(item, {'editedMeanwhile': item['version']}, behind=True)

    def changes(self, record, body, creating, behind=False):
        """The stored values a body sets; Problem for a field or value the API refuses."""
        values, local = {}, dict(record['local'])
        for name, value in body.items():
            refuse_read_only(name, creating, behind)
            stored = self.stored_value(record, name, value)
            if stored is LOCAL:
                # A local field: kept as given, a list command applied.
                local[name] = list_edit(as_list(local.get(name)), value, same) if is_command(value) else value
            else:
                values[name] = stored
        if local != record['local']:
            values['local'] = local
        return values

    def stored_value(self, record, name, value):
        """How a field's value of a body is stored; LOCAL for a field of the queue's own."""
        if name == 'summary':
            if not isinstance(value, str) or not value.strip():
                raise Problem(422, 'Validation failed.', {name: 'Required field.'})
            return value
        if name in ('description', 'unique'):
            return value
        if value is None and name in tuple(CATALOGUES) + ('assignee', 'parent'):
            return None
        if name in CATALOGUES:
            return catalogue_key(name, value)
        if name == 'assignee':
            return self.users.find(value, name)['uid']
        if name == 'parent':
            return self.parent_key(value)
        if name == 'followers':
            return list_edit(record[name], value, lambda one: self.users.find(one, name)['uid'])
        if name == 'tags':
            return list_edit(record[name], value, tag)
        if name in self.field_items:
            items = self.field_items[name]
            return list_edit(record[name], value, lambda one: items.named(record['queue'], one, name)['id'])
        return LOCAL

    def parent_key(self, value):
        name = (value.get('key') or value.get('id')) if isinstance(value, dict) else value
        key = self.key_of(str(name).upper()) or self.key_of(str(name))
        if key is None:
            raise Problem(400, 'Issue does not exist: %s' % name, {'parent': 'Unknown issue.'})
        return key

    # answers

    def view(self, api, record):
        """A stored issue as the API answers it."""
        issue = {
            'self': '%s/issues/%s' % (api, record['key']),
            'id': record['id'],
            'key': record['key'],
            'version': record['version'],
            'summary': record['summary'],
            'queue': queue_view(api, record['queue']),
            'createdBy': self.users.short_view(api, record['createdBy']),
            'updatedBy': self.users.short_view(api, record['updatedBy']),
            'createdAt': record['createdAt'],
            'updatedAt': record['updatedAt'],
            'votes': 0,
            'favorite': False,
        }
        for field in CATALOGUES:
            if record.get(field) is not None:
                issue[field] = catalogue_view(api, field, record[field])
        if record.get('description') is not None:
            issue['description'] = record['description']
        if record.get('assignee') is not None:
            issue['assignee'] = self.users.short_view(api, record['assignee'])
        if record['followers']:
            issue['followers'] = [self.users.short_view(api, uid) for uid in record['followers']]
        if record['tags']:
            issue['tags'] = list(record['tags'])
        for field, items in self.field_items.items():
            if record[field]:
                issue[field] = [items.reference(api, items.find(item_id)) for item_id in record[field]]
        if record.get('parent') is not None:
            parent = self.items[record['parent']]
            issue['parent'] = {'self': '%s/issues/%s' % (api, parent['key']), 'id': parent['id'],
                               'key': parent['key'], 'display': parent['summary']}
        if record.get('unique') is not None and self.config['issue_unique_shown']:
            issue['unique'] = record['unique']
        issue.update(record['local'])
        return issue

    def note_write(self, request):
        """Keep what a write was sent, for tests to read (the request log has no bodies)."""
        self.writes.append({'method': request.method, 'path': request.path, 'query': request.query_string,
                            'body': request.body})


LOCAL = object()


def empty_record(queue):
    return {'queue': queue, 'status': 'open', 'followers': [], 'tags': [], 'fixVersions': [],
            'affectedVersions': [], 'components': [], 'local': {}}


def refuse_read_only(name, creating, behind):
    """Problem 400 for a field a body may not set; ``behind``: a test's edit, which may set queue and status."""
    if name in SET_BY_TRACKER or (name == 'queue' and not behind):
        raise Problem(400, 'Field %s cannot be set.' % name, {name: 'Read-only field.'})
    if name == 'status' and not behind:
        raise Problem(400, 'The status changes only through a transition.', {name: 'Read-only field.'})
    if name == 'unique' and not creating:
        raise Problem(400, 'Field unique is set when the issue is created.', {name: 'Read-only field.'})


def same(value):
    return value


def tag(value):
    if not isinstance(value, str) or not value:
        raise Problem(400, 'A tag must be a non-empty string.', {'tags': 'Invalid value.'})
    return value


# HTTP

def create_issue(tracker, request):
    tracker.issues.note_write(request)
    return Answer(201, tracker.issues.view(request.api, tracker.issues.create(request.body)))


def get_issue(tracker, request):
    return Answer(200, tracker.issues.view(request.api, request.issue))


def edit_issue(tracker, request):
    issues = tracker.issues
    issues.note_write(request)
    issues.begin_edit(request.issue, request)
    return Answer(200, issues.view(request.api, issues.patch(request.issue, request.body)))


# the test controls

def list_writes(tracker, request):
    return Answer(200, {'writes': list(tracker.issues.writes)})


def add_issues(tracker, request):
    """Add issues without a request each ({"queue", "count"} or {"issues": [create bodies]}), or change settings."""
    wanted = request.body
    if 'settings' in wanted:
        return Answer(200, change_settings(tracker.config, wanted['settings']))
    bodies = wanted.get('issues') or [{'queue': wanted.get('queue', 'BULK'), 'summary': 'Bulk issue %d' % number}
                                      for number in range(1, int(wanted.get('count', 0)) + 1)]
    made = [tracker.issues.create(body)['key'] for body in bodies]
    return Answer(200, {'added': len(made), 'keys': made})


def change_settings(config, settings):
    """Change the configuration of issues (not users or queues) while running."""
    unknown = sorted(set(settings) - set(SETTINGS))
    if unknown:
        raise Problem(400, 'Settings that cannot be changed: %s' % ', '.join(unknown))
    config.update(settings)
    return {name: config[name] for name in settings}


def edit_behind(tracker, request):
    """A test's edit of an issue, as a person's in Tracker's interface would be: fields and a version."""
    record = tracker.issues.patch(request.issue, request.body.get('fields') or {}, behind=True)
    if 'version' in request.body:
        record['version'] = int(request.body['version'])
    return Answer(200, tracker.issues.view(request.api, record))
