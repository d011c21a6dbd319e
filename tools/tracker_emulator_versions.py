# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A queue's versions and components for tracker_emulator.py, as create-version.md, get-versions.md,
version-operations.md, post-component.md, patch-component.md and get-components.md describe them.

Both are named items of a queue, kept alike: a number id, a version that counts the item's edits
(an edit naming another, by ?version=N or If-Match, is 409), and a name. The reference does not
say whether a queue may hold two items of one name (--duplicate-names): "refuse" answers a second
one 409, "allow" takes it, as nothing in the reference forbids. Issues take
them in fixVersions, affectedVersions and components by id or name, from their own queue only.

A version is created with 200, as create-version.md says, answered as its table describes it (an
object), or with --version-shape example as its example prints it (a list holding it). No page
says how a version is released: --version-release action takes POST .../_release (no body), as
.../_archive is taken; patch takes PATCH {"released": true|false}; none takes neither, released
changing only behind the API's back (POST /_emulator/versions). The one not chosen is refused as
Tracker refuses what it does not have: an unknown action 404, a read-only field 400.

A component is created with 201 (the reference shows no answer); lead is a user's login or uid,
answered as a user; assignAuto makes its lead the assignee of the issues created with it and
without an assignee.
"""

import re

from tracker_emulator_resource import Answer, Problem, Resource, counter, queue_view

DEFAULTS = {
    'versions': [{'queue': 'REL', 'name': '1.1', 'released': True}, {'queue': 'REL', 'name': '1.2'}],
    'components': [{'queue': queue, 'name': name} for queue in ('DEMO', 'TEST', 'REL')
                   for name in ('backend', 'frontend')],
    'version_release': 'action',
    'version_shape': 'table',
    'duplicate_names': 'refuse',
}
DUPLICATE_NAMES = ('refuse', 'allow')
VERSION_RELEASES = ('action', 'patch', 'none')
VERSION_SHAPES = ('table', 'example')
# The actions of a version, by the flag each sets, and the release reading each belongs to.
VERSION_ACTIONS = {'_archive': 'archived', '_release': 'released'}
DATE = re.compile(r'^[0-9]{4}-[0-9]{2}-[0-9]{2}$')


def text(name, value, users):
    if not isinstance(value, str):
        raise Problem(422, 'Validation failed.', {name: 'Expected a string.'})
    return value


def name_text(name, value, users):
    if not isinstance(value, str) or not value.strip():
        raise Problem(422, 'Validation failed.', {name: 'Required field.'})
    return value


def date(name, value, users):
    if value is not None and not (isinstance(value, str) and DATE.match(value)):
        raise Problem(422, 'Validation failed.', {name: 'Expected a date, YYYY-MM-DD.'})
    return value


def flag(name, value, users):
    if not isinstance(value, bool):
        raise Problem(422, 'Validation failed.', {name: 'Expected true or false.'})
    return value


def lead(name, value, users):
    return None if value is None else users.find(value, name)['uid']


class QueueItems(Resource):
    """Named items of queues: versions or components."""

    path = ''            # where the API serves them
    created_status = 200
    fields = {}          # what a body may set: its checker, which gives the stored value
    starting = {}        # the values of a new item that a body leaves out

    def __init__(self, first_id, config, users):
        super().__init__(counter(first_id))
        self.config, self.users = config, users
        for body in config[self.path]:
            self.create(body['queue'], body, behind=True)

    def writable(self, behind):
        return set(self.fields)

    def checked(self, body, behind):
        """The stored values a body sets (not its queue); Problem 400 for a field it may not set."""
        values = {}
        for name, value in body.items():
            if name not in self.writable(behind):
                raise Problem(400, 'Field %s cannot be set.' % name, {name: 'Read-only field.'})
            values[name] = self.fields[name](name, value, self.users)
        return values

    def create(self, queue, body, behind=False):
        """Store a new item of ``queue``; ``behind``: seeded by a test, which may set any field."""
        values = self.checked({name: value for name, value in body.items() if name != 'queue'}, behind)
        self.refuse_taken(queue, values['name'])
        return self.add(dict(self.starting, queue=queue, **values))

    def change(self, item, body):
        values = self.checked(body, behind=False)
        if values.get('name', item['name']) != item['name']:
            self.refuse_taken(item['queue'], values['name'])
        self.edit(item, values)

    def refuse_taken(self, queue, name):
        if self.config['duplicate_names'] == 'allow':
            return
        if any(item['queue'] == queue and item['name'] == name for item in self.all()):
            raise Problem(409, 'The queue %s has a %s named %s already.' % (queue, self.noun, name))

    def of_queue(self, queue):
        return [item for item in self.all() if item['queue'] == queue]

    def named(self, queue, value, field):
        """The item of ``queue`` an issue's field names: by id (number, string or {"id"}) or by name; Problem 400."""
        if isinstance(value, dict):
            value = value.get('id') or value.get('name') or value.get('display') or value.get('key')
        items = self.of_queue(queue)
        for matches in (lambda item: str(value) == str(item['id']), lambda item: value == item['name']):
            for item in items:
                if matches(item):
                    return item
        raise Problem(400, 'The queue %s has no %s %s.' % (queue, self.noun, value), {field: 'Unknown value.'})

    def reference(self, api, item):
        """The item as an issue's field shows it: the id a string, as the reference's issue pages print it."""
        return {'self': '%s/%s/%s' % (api, self.path, item['id']), 'id': str(item['id']), 'display': item['name']}

    def view(self, api, item):
        """The item as its own requests answer it: the id a number."""
        answer = {'self': '%s/%s/%s' % (api, self.path, item['id']), 'id': item['id'], 'version': item['version'],
                  'queue': queue_view(api, item['queue'])}
        # In the order of the reference's tables; what is not set is left out.
        answer.update((name, item[name]) for name in self.fields if item.get(name) is not None)
        return answer

    def created(self, api, item):
        return Answer(self.created_status, self.view(api, item))


class Versions(QueueItems):
    noun = 'version'
    path = 'versions'
    fields = {'name': name_text, 'description': text, 'startDate': date, 'dueDate': date, 'released': flag,
              'archived': flag}
    starting = {'released': False, 'archived': False}

    def __init__(self, config, users):
        super().__init__(49650, config, users)

    def writable(self, behind):
        if behind:
            return set(self.fields)
        # released by PATCH only in that reading; archived only by its action.
        return {'name', 'description', 'startDate', 'dueDate'} | (
            {'released'} if self.config['version_release'] == 'patch' else set())

    def created(self, api, item):
        answer = super().created(api, item)
        if self.config['version_shape'] == 'example':
            return answer._replace(body=[answer.body])
        return answer


class Components(QueueItems):
    noun = 'component'
    path = 'components'
    created_status = 201
    fields = {'name': name_text, 'description': text, 'lead': lead, 'assignAuto': flag}
    starting = {'assignAuto': False}

    def __init__(self, config, users):
        super().__init__(111175, config, users)

    def view(self, api, item):
        answer = super().view(api, item)
        if item.get('lead') is not None:
            answer['lead'] = self.users.short_view(api, item['lead'])
        return answer

    def auto_assignee(self, component_ids):
        """The uid of the lead of the first of the components that assigns its issues to it, or None."""
        for item_id in component_ids:
            component = self.find(item_id)
            if component['assignAuto'] and component.get('lead') is not None:
                return component['lead']
        return None


# HTTP: the items of the path's kind

def made(tracker, items, body, behind=False):
    missing = {name: 'Required field.' for name in ('queue', 'name') if not body.get(name)}
    if missing:
        raise Problem(422, 'Validation failed.', missing)
    return items.create(tracker.issues.queue_of(body['queue']), body, behind)


def create_queue_item(tracker, request):
    items = tracker.queue_items[request.params['kind']]
    return items.created(request.api, made(tracker, items, request.body))


def get_queue_item(tracker, request):
    items = tracker.queue_items[request.params['kind']]
    return Answer(200, items.view(request.api, items.find(request.params['item'])))


def edit_queue_item(tracker, request):
    items = tracker.queue_items[request.params['kind']]
    item = items.find(request.params['item'])
    items.begin_edit(item, request)
    items.change(item, request.body)
    return Answer(200, items.view(request.api, item))


def list_queue_versions(tracker, request):
    versions = tracker.queue_items['versions']
    queue = tracker.issues.queue_in_path(request.params['queue'])
    return tracker.pager.pages(request, [versions.view(request.api, item) for item in versions.of_queue(queue)])


def list_components(tracker, request):
    """Every component of the organisation, of every queue, as get-components.md says."""
    components = tracker.queue_items['components']
    return tracker.pager.pages(request, [components.view(request.api, item) for item in components.all()])


def act_on_version(tracker, request):
    """POST .../_archive, or .../_release where --version-release is action: the flag set, the version answered."""
    action = request.params['action']
    if action == '_release' and tracker.config['version_release'] != 'action':
        raise Problem(404, 'Resource not found.')
    versions = tracker.queue_items['versions']
    version = versions.find(request.params['item'])
    versions.begin_edit(version, request)
    versions.edit(version, {VERSION_ACTIONS[action]: True})
    return Answer(200, versions.view(request.api, version))


def seed_queue_items(tracker, request):
    """Add versions or components without a request each, any field set: {"versions": [bodies]}."""
    kind = request.params['kind']
    items = tracker.queue_items[kind]
    added = [made(tracker, items, body, behind=True) for body in request.body.get(kind, [])]
    return Answer(200, {'added': len(added), 'ids': [item['id'] for item in added]})
