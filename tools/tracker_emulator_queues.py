# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Queues for tracker_emulator.py, as create-queue.md, get-queue.md, delete-queue.md and
restore-queue.md describe them.

A queue is kept by its key, found in a path by its key (case-sensitive) or its id. It is created
(201) with the six fields the reference requires (422 without one of them): key, name, lead (a
login or uid), defaultType, defaultPriority and issueTypesConfig ([{"issueType", "workflow",
"resolutions"}], each an id or key of the catalogues, workflows of WORKFLOWS); a description is
taken too, as get-queue.md answers one. A key that a queue has, or that a deleted queue had, is
refused with 409, as the user documentation says a deleted queue's key cannot be used again; a key
that is not Latin letters, or is one Tracker keeps (ADMIN, SETTINGS), is 400.

No page documents how a queue is edited: PATCH /queues/<key> takes name, description, lead,
defaultType, defaultPriority and assignAuto (a stale ?version=N is 409); key is read-only (400).
Whether it takes issueTypesConfig too is the emulator's reading (--queue-edit): "types" takes it,
"fields" refuses it as a read-only field (400), as a Tracker that edits issue types elsewhere
would.

A deleted queue (DELETE, 204) takes its issues with it: they answer 404 and no search finds them;
POST .../_restore (200, the queue with its id a number, as restore-queue.md prints it) brings both
back. A queue's lead is answered as get-queue.md shows it, its id the uid; --queue-lead login
answers its id as the login, as the example of create-queue.md does.

A queue's local fields (create-local-field.md, get-local-fields.md, get-info-local-field.md,
edit-local-field.md) are kept by their key within the queue: created (200) with name ({"en",
"ru"}), id (the key), category (of CATEGORIES) and type (of FIELD_TYPES) required (422), a key
the queue has already refused with 400 (the page lists no 409); answered with their id
"<queue id>--<key>", their type as schema.type, and their name in one language, as
common-format.md says: Russian unless Accept-Language asks for English (the other when one is
missing). visible and hidden are kept, not answered, as the pages' answers show none. An edit
(PATCH) takes name, category, order, description, optionsProvider, readonly, visible and hidden;
type, id, key and container are read-only (400). No page deletes a local field: nor does this.
"""

import re

from tracker_emulator_catalogues import catalogue_key, catalogue_view
from tracker_emulator_resource import Answer, Problem, Resource, counter, queue_number
from tracker_emulator_users import TOKEN_USER

DEFAULTS = {
    'queue_edit': 'fields',
    'queue_lead': 'uid',
}
# What POST /_emulator/issues {"settings": ...} may change while running.
SETTINGS = ('queue_edit', 'queue_lead')
QUEUE_EDITS = ('fields', 'types')
QUEUE_LEADS = ('uid', 'login')
# The workflows an issue type of a queue may follow: (id, display).
WORKFLOWS = [('oicn', 'Basic'), ('dev', 'Development'), ('support', 'Support')]
KEY = re.compile(r'^[A-Z]+$')
RESERVED = ('ADMIN', 'SETTINGS')
REQUIRED = ('key', 'name', 'lead', 'defaultType', 'defaultPriority', 'issueTypesConfig')
EDITABLE = ('name', 'description', 'lead', 'defaultType', 'defaultPriority', 'assignAuto')
# The categories of fields: (id, display).
CATEGORIES = [('000000000000000000000001', 'System'), ('000000000000000000000002', 'Custom'),
              ('000000000000000000000003', 'Agile')]
# The types of create-local-field.md: the class's short name, and the schema type an answer shows.
FIELD_TYPES = {'Date': 'date', 'DateTime': 'datetime', 'String': 'string', 'Text': 'text', 'Float': 'float',
               'Integer': 'integer', 'User': 'user', 'Uri': 'uri'}
FIELD_TYPE = 'ru.yandex.startrek.core.fields.%sFieldType'
# Which list of values a field of a type may offer (optionsProvider.type), and which types take container.
PROVIDERS = {'FixedListOptionsProvider': ('String', 'Integer'), 'FixedUserListOptionsProvider': ('User',)}
CONTAINERS = ('String', 'User')
FIELD_EDITABLE = ('name', 'category', 'order', 'description', 'optionsProvider', 'readonly', 'visible', 'hidden')
# The expand values of get-queue.md.
EXPANDS = ('all', 'projects', 'components', 'versions', 'types', 'team', 'workflows', 'fields', 'issueTypesConfig')
STARTING_TYPES = [{'issueType': 'task', 'workflow': 'oicn', 'resolutions': ['fixed', 'wontFix']},
                  {'issueType': 'bug', 'workflow': 'dev', 'resolutions': ['fixed', 'wontFix', 'duplicate']},
                  {'issueType': 'release', 'workflow': 'oicn', 'resolutions': ['fixed']}]


class Queues(Resource):
    """Every queue, deleted ones too, kept by key."""

    noun = 'queue'

    def __init__(self, config, users):
        super().__init__(counter(1))
        self.config, self.users = config, users
        # The configured queues, and those of the configured issues.
        keys = list(config['queues']) + [key.rpartition('-')[0] for key in config['issues']]
        for key in sorted(set(keys), key=keys.index):
            self.store({'key': key, 'name': 'Queue %s' % key, 'lead': TOKEN_USER, 'defaultType': 'task',
                        'defaultPriority': 'normal', 'issueTypesConfig': [dict(item) for item in STARTING_TYPES]})

    def name_of(self, item):
        return item['key']

    def store(self, values):
        record = dict({'assignAuto': False, 'denyVoting': False, 'deleted': False, 'description': None}, **values)
        record['id'] = queue_number(record['key'])
        return self.add(record)

    def live(self):
        return [record for record in self.all() if not record['deleted']]

    def live_keys(self):
        return [record['key'] for record in self.live()]

    def in_path(self, name, deleted=False):
        """The queue a path names by key (case-sensitive) or id; deleted ones only when ``deleted``; Problem 404."""
        for record in self.all():
            if name in (record['key'], str(record['id'])) and record['deleted'] == deleted:
                return record
        raise Problem(404, 'Queue does not exist: %s' % name)

    # bodies

    def create(self, body):
        missing = {name: 'Required field.' for name in REQUIRED if body.get(name) in (None, '', [])}
        if missing:
            raise Problem(422, 'Validation failed.', missing)
        unknown = sorted(set(body) - set(REQUIRED) - {'description'})
        if unknown:
            raise Problem(400, 'Unknown fields: %s' % ', '.join(unknown), {name: 'Unknown field.' for name in unknown})
        key = body['key']
        if not isinstance(key, str) or not KEY.match(key) or key in RESERVED:
            raise Problem(400, 'The key %s cannot be used for a queue: Latin capital letters only, not %s.'
                          % (key, ' or '.join(RESERVED)), {'key': 'Invalid value.'})
        taken = self.items.get(key)
        if taken is not None:
            raise Problem(409, 'The key %s was used by a deleted queue.' % key if taken['deleted']
                          else 'A queue with the key %s already exists.' % key)
        values = self.values(body, creating=True)
        return self.store(dict(values, key=key))

    def values(self, body, creating, types_editable=True):
        values = {}
        for name, value in body.items():
            if name == 'key' and creating:
                continue
            if name == 'name':
                if not isinstance(value, str) or not value.strip():
                    raise Problem(422, 'Validation failed.', {name: 'Required field.'})
                values[name] = value
            elif name == 'description':
                if value is not None and not isinstance(value, str):
                    raise Problem(422, 'Validation failed.', {name: 'Expected a string.'})
                values[name] = value
            elif name == 'lead':
                values[name] = self.users.find(value, name)['uid']
            elif name == 'defaultType':
                values[name] = catalogue_key('type', value)
            elif name == 'defaultPriority':
                values[name] = catalogue_key('priority', value)
            elif name == 'assignAuto':
                if not isinstance(value, bool):
                    raise Problem(422, 'Validation failed.', {name: 'Expected true or false.'})
                values[name] = value
            elif name == 'issueTypesConfig' and types_editable:
                values[name] = issue_types(value)
            else:
                raise Problem(400, 'Field %s cannot be set.' % name, {name: 'Read-only field.'})
        types = [item['issueType'] for item in values.get('issueTypesConfig', [])]
        if creating and values['defaultType'] not in types:
            raise Problem(400, 'The default type %s is not one of the issue types of the queue.'
                          % values['defaultType'], {'defaultType': 'Invalid value.'})
        return values

    def change(self, record, body):
        values = self.values(body, creating=False, types_editable=self.config['queue_edit'] == 'types')
        after = dict(record, **values)
        if after['defaultType'] not in [item['issueType'] for item in after['issueTypesConfig']]:
            raise Problem(400, 'The default type %s is not one of the issue types of the queue.'
                          % after['defaultType'], {'defaultType': 'Invalid value.'})
        self.edit(record, values)

    # answers

    def lead_view(self, api, uid):
        user = self.users.find(uid)
        shown = user['login'] if self.config['queue_lead'] == 'login' else str(user['uid'])
        return {'self': '%s/users/%s' % (api, user['uid']), 'id': shown, 'display': user['display']}

    def view(self, api, record, expand=(), tracker=None):
        """A queue as get-queue.md answers it, with what ``expand`` names."""
        answer = {'self': '%s/queues/%s' % (api, record['key']), 'id': str(record['id']), 'key': record['key'],
                  'version': record['version'], 'name': record['name']}
        if record.get('description') is not None:
            answer['description'] = record['description']
        answer.update(lead=self.lead_view(api, record['lead']), assignAuto=record['assignAuto'],
                      defaultType=catalogue_view(api, 'type', record['defaultType']),
                      defaultPriority=catalogue_view(api, 'priority', record['defaultPriority']))
        every = 'all' in expand
        types = [item['issueType'] for item in record['issueTypesConfig']]
        if every or 'team' in expand:
            answer['teamUsers'] = [self.users.short_view(api, record['lead'])]
        if every or 'types' in expand:
            answer['issueTypes'] = [catalogue_view(api, 'type', key) for key in types]
        if tracker is not None:
            for kind in ('versions', 'components'):
                if every or kind in expand:
                    items = tracker.queue_items[kind]
                    answer[kind] = [items.reference(api, item) for item in items.of_queue(record['key'])]
        if every or 'projects' in expand:
            answer['projects'] = []
        if every or 'workflows' in expand:
            workflows = {}
            for item in record['issueTypesConfig']:
                workflows.setdefault(item['workflow'], []).append(catalogue_view(api, 'type', item['issueType']))
            answer['workflows'] = workflows
        if every or 'fields' in expand:
            answer['fields'] = []
        answer['denyVoting'] = record['denyVoting']
        if every or 'issueTypesConfig' in expand:
            answer['issueTypesConfig'] = [
                {'issueType': catalogue_view(api, 'type', item['issueType']),
                 'workflow': workflow_view(api, item['workflow']),
                 'resolutions': [catalogue_view(api, 'resolution', key) for key in item['resolutions']]}
                for item in record['issueTypesConfig']]
        return answer

    def created_view(self, api, record):
        """As create-queue.md's example answers a new queue."""
        answer = self.view(api, record)
        answer['allowExternals'] = False
        del answer['denyVoting']
        return answer


def issue_types(value):
    """The stored issueTypesConfig of a body's; Problem 400 for what Tracker does not have."""
    if not isinstance(value, list) or not value:
        raise Problem(422, 'Validation failed.', {'issueTypesConfig': 'Expected a list of issue type settings.'})
    stored, seen = [], set()
    for item in value:
        if not isinstance(item, dict) or not item.get('issueType') or not item.get('workflow'):
            raise Problem(422, 'Validation failed.', {'issueTypesConfig': 'Each needs issueType and workflow.'})
        key = catalogue_key('type', item['issueType'])
        if key in seen:
            raise Problem(400, 'The issue type %s is set twice.' % key, {'issueTypesConfig': 'Invalid value.'})
        seen.add(key)
        workflow = item['workflow']
        if workflow not in [workflow_id for workflow_id, display in WORKFLOWS]:
            raise Problem(400, 'Unknown workflow: %s' % workflow, {'issueTypesConfig': 'Unknown workflow.'})
        resolutions = item.get('resolutions') or []
        if not isinstance(resolutions, list):
            raise Problem(422, 'Validation failed.', {'issueTypesConfig': 'resolutions must be a list.'})
        stored.append({'issueType': key, 'workflow': workflow,
                       'resolutions': [catalogue_key('resolution', one) for one in resolutions]})
    return stored


def workflow_view(api, workflow):
    display = dict(WORKFLOWS)[workflow]
    return {'self': '%s/workflows/%s' % (api, workflow), 'id': workflow, 'display': display}


def expands(request):
    """The expand values of a request: one, or several separated by commas."""
    return [value.strip() for value in (request.query.get('expand') or '').split(',') if value.strip()]


# HTTP

def create_queue(tracker, request):
    queues = tracker.queues
    return Answer(201, queues.created_view(request.api, queues.create(request.body)))


def get_queue(tracker, request):
    queues = tracker.queues
    record = queues.in_path(request.params['queue'])
    return Answer(200, queues.view(request.api, record, expands(request), tracker))


def edit_queue(tracker, request):
    queues = tracker.queues
    record = queues.in_path(request.params['queue'])
    queues.begin_edit(record, request)
    queues.change(record, request.body)
    return Answer(200, queues.view(request.api, record))


def delete_queue(tracker, request):
    record = tracker.queues.in_path(request.params['queue'])
    tracker.queues.touch(record, {'deleted': True})
    return Answer(204)


def restore_queue(tracker, request):
    """POST .../_restore: a deleted queue back, with its issues; 404 for one that is not deleted."""
    queues = tracker.queues
    record = queues.in_path(request.params['queue'], deleted=True)
    queues.touch(record, {'deleted': False})
    answer = queues.view(request.api, record)
    answer['id'] = record['id']  # a number, as restore-queue.md prints it
    return Answer(200, answer)


class LocalFields(Resource):
    """The local fields of every queue, kept by (queue, key)."""

    noun = 'field'
    checks_version = False  # edit-local-field.md names no version

    def __init__(self):
        super().__init__(counter(1))
        self.order = counter(100)

    def name_of(self, item):
        return '%s/%s' % (item['queue'], item['key'])

    def of_queue(self, queue):
        return [item for item in self.all() if item['queue'] == queue]

    def find_in(self, queue, key):
        return self.find('%s/%s' % (queue, key))

    def create(self, queue, body):
        missing = {name: 'Required field.' for name in ('name', 'id', 'category', 'type') if not body.get(name)}
        if missing:
            raise Problem(422, 'Validation failed.', missing)
        key = body['id']
        if not isinstance(key, str) or not re.match(r'^[A-Za-z][A-Za-z0-9_]*$', key):
            raise Problem(400, 'Invalid field key: %s' % key, {'id': 'Invalid value.'})
        if '%s/%s' % (queue, key) in self.items:
            raise Problem(400, 'The queue %s has a field with the key %s already.' % (queue, key), {'id': 'Taken.'})
        kind = field_type(body['type'])
        values = {'kind': kind, 'container': False}
        if 'container' in body:
            if not isinstance(body['container'], bool) or (body['container'] and kind not in CONTAINERS):
                raise Problem(400, 'A field of type %s cannot hold several values.' % kind, {'container': 'Invalid.'})
            values['container'] = body['container']
        values.update(self.checked({name: value for name, value in body.items()
                                    if name not in ('id', 'type', 'container')}, kind))
        values.setdefault('order', next(self.order))
        return self.add(dict({'description': None, 'readonly': False, 'visible': False, 'hidden': False,
                              'provider': None}, queue=queue, key=key, **values))

    def checked(self, body, kind):
        """The stored values of an edit's (or a create's) fields; Problem 400 for one that cannot be set."""
        values = {}
        for name, value in body.items():
            if name not in FIELD_EDITABLE:
                raise Problem(400, 'Field %s cannot be set.' % name, {name: 'Read-only field.'})
            if name == 'name':
                if not isinstance(value, dict) or not any(isinstance(value.get(one), str) and value[one].strip()
                                                          for one in ('en', 'ru')):
                    raise Problem(422, 'Validation failed.', {name: 'Expected {"en", "ru"}.'})
                values['name'] = {one: value[one] for one in ('en', 'ru') if value.get(one)}
            elif name == 'category':
                if value not in [category for category, display in CATEGORIES]:
                    raise Problem(400, 'Unknown category: %s' % value, {name: 'Unknown value.'})
                values[name] = value
            elif name == 'order':
                if not isinstance(value, int) or isinstance(value, bool):
                    raise Problem(422, 'Validation failed.', {name: 'Expected a number.'})
                values[name] = value
            elif name == 'description':
                values[name] = value
            elif name == 'optionsProvider':
                values['provider'] = provider(value, kind)
            else:
                if not isinstance(value, bool):
                    raise Problem(422, 'Validation failed.', {name: 'Expected true or false.'})
                values[name] = value
        return values

    def change(self, item, body):
        values = self.checked(body, item['kind'])
        if 'name' in values:
            values['name'] = dict(item['name'], **values['name'])
        self.edit(item, values)

    def view(self, api, item, language, queues, created=False):
        names = item['name']
        queue = queues.find(item['queue'])
        answer = {'type': 'local', 'self': '%s/queues/%s/localFields/%s' % (api, item['queue'], item['key']),
                  'id': '%024x--%s' % (queue['id'], item['key']),
                  'name': names.get(language) or names.get('ru') or names.get('en'), 'key': item['key'],
                  'version': item['version']}
        if item.get('description') is not None:
            answer['description'] = item['description']
        schema = FIELD_TYPES[item['kind']]
        answer['schema'] = ({'type': 'array', 'items': schema, 'required': False} if item['container']
                            else {'type': schema, 'required': False})
        answer.update(readonly=item['readonly'], options=False, suggest=False)
        if item['provider'] is not None:
            answer['optionsProvider'] = dict(item['provider'], needValidation=True)
        query = 'Number' if schema in ('integer', 'float') else 'String'
        answer['queryProvider'] = {'type': '%sOptionalQueryProvider' % query}
        answer['order'] = item['order']
        display = dict(CATEGORIES)[item['category']]
        answer['category'] = {'self': '%s/fields/categories/%s' % (api, item['category']), 'id': item['category'],
                              'display': display}
        if not created:
            answer['queue'] = {'self': '%s/queues/%s' % (api, queue['key']), 'id': str(queue['id']),
                               'key': queue['key'], 'display': queue['name']}
        return answer


def field_type(value):
    for kind in FIELD_TYPES:
        if value == FIELD_TYPE % kind:
            return kind
    raise Problem(400, 'Unknown field type: %s' % value, {'type': 'Unknown value.'})


def provider(value, kind):
    if value is None:
        return None
    if not isinstance(value, dict) or value.get('type') not in PROVIDERS or not isinstance(value.get('values'), list):
        raise Problem(422, 'Validation failed.', {'optionsProvider': 'Expected {"type", "values"}.'})
    if kind not in PROVIDERS[value['type']]:
        raise Problem(400, 'A field of type %s takes no %s.' % (kind, value['type']), {'optionsProvider': 'Invalid.'})
    return {'type': value['type'], 'values': list(value['values'])}


def language(request):
    return 'en' if (request.headers.get('Accept-Language') or '').strip().lower().startswith('en') else 'ru'


def create_field(tracker, request):
    queue = tracker.queues.in_path(request.params['queue'])
    item = tracker.local_fields.create(queue['key'], request.body)
    return Answer(200, tracker.local_fields.view(request.api, item, language(request), tracker.queues, created=True))


def list_fields(tracker, request):
    queue = tracker.queues.in_path(request.params['queue'])
    return Answer(200, [tracker.local_fields.view(request.api, item, language(request), tracker.queues)
                        for item in tracker.local_fields.of_queue(queue['key'])])


def get_field(tracker, request):
    queue = tracker.queues.in_path(request.params['queue'])
    item = tracker.local_fields.find_in(queue['key'], request.params['field'])
    return Answer(200, tracker.local_fields.view(request.api, item, language(request), tracker.queues))


def edit_field(tracker, request):
    queue = tracker.queues.in_path(request.params['queue'])
    fields = tracker.local_fields
    item = fields.find_in(queue['key'], request.params['field'])
    fields.begin_edit(item, request)
    fields.change(item, request.body)
    return Answer(200, fields.view(request.api, item, language(request), tracker.queues))
