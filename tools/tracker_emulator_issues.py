# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Issues, their workflow and users for tracker_emulator.py, as the reference's pages describe them.

  POST  /{ver}/issues/                        a new issue (201): queue and summary required (422);
                                              type, priority, assignee, followers, tags, parent,
                                              description, unique and any local field. A unique that
                                              an issue has already is refused with 409, atomically,
                                              in a body that does not name that issue
  GET   /{ver}/issues/{issue}                 the issue, by key or id (200)
  PATCH /{ver}/issues/{issue}[?version=N]     edit the fields of the body (200, the issue): values as
                                              the common format takes them (a key, an id, an object,
                                              null), lists also as {"add"|"remove"|"set"|"replace"};
                                              a version other than the issue's is 409; status 400
                                              (only transitions change it); an issue at the version
                                              limit is 423, as every edit of it
  POST  /{ver}/issues/_search                 exactly one of queue, keys, filter, query (400 otherwise);
                                              order ([+/-]field) with filter; pages of perPage
                                              (X-Total-Count, X-Total-Pages, Link rel="next"); pages past
                                              10,000 results are 400: scroll (scrollType, perScroll,
                                              scrollId; X-Scroll-Id, X-Scroll-Token, Link rel="first" and
                                              rel="next"), for filter and query only
  GET   /{ver}/issues/{issue}/transitions     the transitions from the issue's status
  POST  /{ver}/issues/{issue}/transitions/{id}/_execute
                                              run one (200, the transitions from the new status); one not
                                              offered from the status is 409, an unknown one 404; resolve
                                              and close from open or inProgress need a resolution (422)
  GET   /{ver}/users/{login or uid}           a user; login:12345 for a login made only of digits. v3
                                              answers an object, v2 a list of one, as their pages print
  GET   /{ver}/myself                         the token's user

The workflow, whose transition ids are not status keys: open -start_progress-> inProgress
-stop_progress-> open; open and inProgress -resolve-> resolved (resolution required); open
-close-> closed (resolution required); resolved -close-> closed; resolved and closed -reopen-> open.

Typed fields answer as objects ({"self", "id", "key", "display"}), users as {"self", "id": "<uid>",
"display"}, tags as strings. Configuration (--config): "users"; "issue_user_ids" ("uid", or
"passportUid": the id an issue shows for its users); "issue_unique_shown" (false: answers leave out
unique, as the reference's field tables do); "search_misses" (how many searches do not find a
new issue yet, as an index that lags behind would); "version_limit" (11100, as for users).

Tests steer it (see tracker_emulator.py): a fault of kind concurrent_edit on a PATCH or a transition
has someone else edit the issue (a local field, editedMeanwhile) just before it is served.

  GET  /_emulator/issues                      {"writes": [...]}: the method, path, query and body of
                                              every create, edit and transition sent

  POST /_emulator/issues                      add issues without a request each: {"queue": "BULK",
                                              "count": 30} or {"issues": [create bodies]}; or
                                              change the settings above: {"settings": {"search_misses": 2}}
  POST /_emulator/issues/{issue}              edit an issue behind the module's back: {"fields": {...}}
                                              (as a PATCH takes them, status included), "version": N
                                              (sets it: at the version limit every edit is 423)
"""

import json
import re
import time
from urllib.parse import quote, unquote

CREATE_PATH = re.compile(r'^/(v2|v3)/issues/?$')
SEARCH_PATH = re.compile(r'^/(v2|v3)/issues/_search$')
ISSUE_PATH = re.compile(r'^/(v2|v3)/issues/([^/]+)$')
TRANSITIONS_PATH = re.compile(r'^/(v2|v3)/issues/([^/]+)/transitions(?:/([^/]+)/_execute)?$')
USERS_PATH = re.compile(r'^/(v2|v3)/(?:users/([^/]+)|myself)$')

DEFAULTS = {
    'queues': ['DEMO', 'TEST', 'REL', 'OPS', 'INC', 'BULK'],
    'users': [
        {'uid': 1100000, 'login': 'robot-emulator', 'display': 'Emulator User', 'passportUid': 2100000},
        {'uid': 1120000000016876, 'login': 'alice', 'display': 'Alice Smith', 'passportUid': 1130000000016876},
        {'uid': 1120000000049224, 'login': 'bob', 'display': 'Bob Jones', 'passportUid': 1130000000049224},
        {'uid': 1120000000051337, 'login': 'carol', 'display': 'Carol White', 'passportUid': 1130000000051337},
        {'uid': 1120000000077777, 'login': '12345', 'display': 'Digits Login', 'passportUid': 1130000000077777},
    ],
    'issue_user_ids': 'uid',
    'issue_unique_shown': True,
    'search_misses': 0,
    'version_limit': 11100,
}
TOKEN_USER = 1100000
PAGED_LIMIT = 10000
MAX_PER_SCROLL = 1000

TYPES = [('1', 'bug', 'Bug'), ('2', 'task', 'Task'), ('3', 'epic', 'Epic'), ('4', 'release', 'Release')]
PRIORITIES = [('1', 'trivial', 'Trivial'), ('2', 'minor', 'Minor'), ('3', 'normal', 'Normal'),
              ('4', 'critical', 'Critical'), ('5', 'blocker', 'Blocker')]
STATUSES = [('1', 'open', 'Open'), ('2', 'inProgress', 'In progress'), ('3', 'resolved', 'Resolved'),
            ('4', 'closed', 'Closed')]
RESOLUTIONS = [('1', 'fixed', 'Fixed'), ('2', 'wontFix', "Won't fix"), ('3', 'duplicate', 'Duplicate'),
               ('4', 'invalid', 'Invalid')]
CATALOGUES = {'type': ('issuetypes', TYPES), 'priority': ('priorities', PRIORITIES),
              'status': ('statuses', STATUSES), 'previousStatus': ('statuses', STATUSES),
              'resolution': ('resolutions', RESOLUTIONS)}
# status: [(transition id, display, to, needs a resolution)]
WORKFLOW = {
    'open': [('start_progress', 'Start progress', 'inProgress', False), ('resolve', 'Resolve', 'resolved', True),
             ('close', 'Close', 'closed', True)],
    'inProgress': [('stop_progress', 'Stop progress', 'open', False), ('resolve', 'Resolve', 'resolved', True)],
    'resolved': [('reopen', 'Reopen', 'open', False), ('close', 'Close', 'closed', False)],
    'closed': [('reopen', 'Reopen', 'open', False)],
}
LIST_FIELDS = ('followers', 'tags')
SET_BY_TRACKER = ('self', 'id', 'key', 'version', 'createdBy', 'updatedBy', 'createdAt', 'updatedAt', 'votes',
                  'aliases', 'previousStatus', 'favorite')
# Query language names of the fields the emulator searches by, lower case.
QUERY_FIELDS = {'author': 'createdBy', 'created': 'createdAt', 'updated': 'updatedAt'}
QUERY_TERM = re.compile(r'\s*(?:"([^"]+)"|([A-Za-z][\w.]*))\s*:\s*')
QUERY_VALUE = re.compile(r'\s*("[^"]*"|[^\s",]+)\s*(,)?')
SORT = re.compile(r'\s*([A-Za-z][\w.]*)(?:\s+(ASC|DESC)\b)?', re.I)


class Problem(Exception):
    """A request the API refuses: (status, message, errors)."""

    def __init__(self, status, message, errors=None):
        super().__init__(message)
        self.answer = (status, message, errors or {})


def now():
    return time.strftime('%Y-%m-%dT%H:%M:%S.000+0000', time.gmtime())


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class Issues:
    """Every issue and the users. Created by Tracker.reset() with the tracker's lock held; callers hold it."""

    def __init__(self, tracker):
        self.tracker = tracker
        self.config = tracker.config
        self.records = {}       # key: the stored issue (typed values by key, users by uid)
        self.by_unique = {}     # unique: key
        self.numbers = {}       # queue: the last number given
        self.scrolls = {}
        self.writes = []        # what creates, edits and transitions were sent: GET /_emulator/issues
        for issue_id, key in sorted(tracker.issue_ids.items()):
            queue, dummy, number = key.rpartition('-')
            self.store(queue, int(number), issue_id, {'summary': 'Issue %s' % key, 'type': 'task',
                                                      'priority': 'normal'})

    # storing

    def store(self, queue, number, issue_id, values):
        key = '%s-%d' % (queue, number)
        self.numbers[queue] = max(self.numbers.get(queue, 0), number)
        stamp = now()
        record = dict({'status': 'open', 'followers': [], 'tags': [], 'local': {}}, **values)
        record.update(key=key, id=issue_id, queue=queue, version=1, createdBy=TOKEN_USER, updatedBy=TOKEN_USER,
                      createdAt=stamp, updatedAt=stamp, misses=0)
        self.records[key] = record
        if record.get('unique') is not None:
            self.by_unique[record['unique']] = key
        # Known to the rest of the emulator: links and comments work on it too.
        self.tracker.links.setdefault(key, [])
        self.tracker.issue_ids[issue_id] = key
        return record

    def create(self, body):
        """Store a new issue from a create body; Problem when the API would refuse it."""
        if not isinstance(body, dict):
            raise Problem(422, 'Request body must be a JSON object.')
        missing = dict((name, 'Required field.') for name in ('queue', 'summary') if not body.get(name))
        if missing:
            raise Problem(422, 'Validation failed.', missing)
        queue = self.queue_of(body['queue'])
        values = self.changes({'status': 'open', 'followers': [], 'tags': [], 'local': {}},
                              dict((name, value) for name, value in body.items() if name != 'queue'), creating=True)
        if values.get('unique') is not None and values['unique'] in self.by_unique:
            # The reference documents the 409 alone; the answer does not say which issue has the value.
            raise Problem(409, 'An issue with the same unique value already exists.')
        number = self.numbers.get(queue, 0) + 1
        record = self.store(queue, number, '%024x' % (0x5f0c3a000000000000000000 + len(self.records) + 1),
                            dict({'type': 'task', 'priority': 'normal'}, **values))
        record['misses'] = self.config['search_misses']
        return record

    def queue_of(self, value):
        name = value.get('key') or value.get('id') if isinstance(value, dict) else value
        queues = set(self.config['queues']) | set(record['queue'] for record in self.records.values())
        for queue in queues:
            if str(name).upper() == queue:
                return queue
        raise Problem(404, 'Queue does not exist: %s' % name)

    def edit(self, record, body, behind=False):
        """PATCH ``body`` onto ``record``; ``behind``: a test's edit, which may set the status."""
        if record['version'] >= self.config['version_limit'] and not behind:
            raise Problem(423, 'Editing is disabled: the issue has reached the maximum version.')
        if not isinstance(body, dict):
            raise Problem(422, 'Request body must be a JSON object.')
        values = self.changes(record, body, creating=False, behind=behind)
        changed = [name for name, value in values.items() if record.get(name) != value]
        if changed:
            self.touch(record, values)
        return record

    def touch(self, record, values):
        record.update(values)
        record['version'] += 1
        record['updatedAt'] = now()
        record['updatedBy'] = TOKEN_USER

    def changes(self, record, body, creating, behind=False):
        """The stored values a body sets; Problem for a field or value the API refuses."""
        values, local = {}, dict(record.get('local') or {})
        for name, value in body.items():
            if name in SET_BY_TRACKER or (name == 'queue' and not behind):
                raise Problem(400, 'Field %s cannot be set.' % name, {name: 'Read-only field.'})
            if name == 'status' and not behind:
                raise Problem(400, 'The status changes only through a transition.', {name: 'Read-only field.'})
            if name == 'unique' and not creating:
                raise Problem(400, 'Field unique is set when the issue is created.', {name: 'Read-only field.'})
            if name == 'summary':
                if not isinstance(value, str) or not value.strip():
                    raise Problem(422, 'Validation failed.', {name: 'Required field.'})
                values[name] = value
            elif name in ('description', 'unique'):
                values[name] = value
            elif name in CATALOGUES:
                values[name] = None if value is None else self.catalogue_key(name, value)
            elif name == 'assignee':
                values[name] = None if value is None else self.user(value, name)['uid']
            elif name == 'parent':
                values[name] = None if value is None else self.parent_key(value)
            elif name == 'followers':
                values[name] = list_edit(record.get(name, []), value, lambda one: self.user(one, name)['uid'])
            elif name == 'tags':
                values[name] = list_edit(record.get(name, []), value, tag)
            else:
                # A local field: kept as given, a list command applied.
                local[name] = list_edit(as_list(local.get(name)), value, same) if is_command(value) else value
        if local != (record.get('local') or {}):
            values['local'] = local
        return values

    # values as the common format takes them

    def catalogue_key(self, field, value):
        if isinstance(value, dict) and set(value) == set(['set']):
            value = value['set']
        items = CATALOGUES[field][1]
        for item_id, key, display in items:
            if isinstance(value, dict):
                found = (str(value.get('id')) == item_id or str(value.get('key', '')).lower() == key.lower()
                         or value.get('name') == display or value.get('display') == display)
            else:
                found = str(value) == item_id or str(value).lower() == key.lower()
            if found:
                return key
        raise Problem(400, 'Unknown %s: %s' % (field, json.dumps(value)), {field: 'Unknown value.'})

    def user(self, value, field='user'):
        """A user named by login, uid, login:12345 or an object with one of them; Problem when none."""
        if isinstance(value, dict):
            value = value.get('login') or value.get('id') or value.get('uid')
        name = str(value)
        for user in self.config['users']:
            if isinstance(value, int) and user['uid'] == value:
                return user
        for user in self.config['users']:
            if name.startswith('login:') and user['login'] == name[len('login:'):]:
                return user
        for user in self.config['users']:
            if name.isdigit() and name in (str(user['uid']), str(user.get('passportUid'))):
                return user
        for user in self.config['users']:
            if user['login'] == name:
                return user
        raise Problem(400 if field != 'user' else 404, 'User does not exist: %s' % name, {field: 'Unknown user.'})

    def parent_key(self, value):
        name = (value.get('key') or value.get('id')) if isinstance(value, dict) else value
        key = self.tracker.issue_key(str(name).upper()) or self.tracker.issue_key(str(name))
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
            'queue': {'self': '%s/queues/%s' % (api, record['queue']), 'id': str(queue_number(record['queue'])),
                      'key': record['queue'], 'display': 'Queue %s' % record['queue']},
            'createdBy': self.user_view(api, record['createdBy']),
            'updatedBy': self.user_view(api, record['updatedBy']),
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
            issue['assignee'] = self.user_view(api, record['assignee'])
        if record['followers']:
            issue['followers'] = [self.user_view(api, uid) for uid in record['followers']]
        if record['tags']:
            issue['tags'] = list(record['tags'])
        if record.get('parent') is not None:
            parent = self.records[record['parent']]
            issue['parent'] = {'self': '%s/issues/%s' % (api, parent['key']), 'id': parent['id'],
                               'key': parent['key'], 'display': parent['summary']}
        if record.get('unique') is not None and self.config['issue_unique_shown']:
            issue['unique'] = record['unique']
        issue.update(record['local'])
        return issue

    def user_view(self, api, uid):
        user = self.user(uid)
        shown = user.get(self.config['issue_user_ids']) or user['uid']
        return {'self': '%s/users/%s' % (api, shown), 'id': str(shown), 'display': user['display']}

    def full_user_view(self, api, user):
        first, dummy, last = user['display'].partition(' ')
        return {'self': '%s/users/%s' % (api, user['uid']), 'uid': user['uid'], 'login': user['login'],
                'trackerUid': user['uid'], 'passportUid': user.get('passportUid'),
                'cloudUid': user.get('cloudUid', 'ajecloud%d' % user['uid']), 'firstName': first, 'lastName': last,
                'display': user['display'], 'email': '%s@example.com' % user['login'], 'external': False,
                'hasLicense': True, 'dismissed': False, 'useNewFilters': True, 'disableNotifications': False}

    def transitions(self, api, record):
        return [{'id': transition_id, 'self': '%s/issues/%s/transitions/%s' % (api, record['key'], transition_id),
                 'display': display, 'to': catalogue_view(api, 'status', to)}
                for transition_id, display, to, dummy in WORKFLOW[record['status']]]

    def execute(self, record, transition_id, body):
        """Run a transition from the issue's status with ``body``; Problem when the API would refuse it."""
        if record['version'] >= self.config['version_limit']:
            raise Problem(423, 'Editing is disabled: the issue has reached the maximum version.')
        if not any(transition_id == one[0] for transitions in WORKFLOW.values() for one in transitions):
            raise Problem(404, 'Transition does not exist: %s' % transition_id)
        offered = [one for one in WORKFLOW[record['status']] if one[0] == transition_id]
        if not offered:
            raise Problem(409, 'Transition %s is not available from status %s.' % (transition_id, record['status']))
        body = dict(body or {}) if isinstance(body, dict) else {}
        dummy, dummy, to, needs_resolution = offered[0]
        body.pop('comment', None)  # a comment goes to the issue's comments, which this part does not keep
        if needs_resolution and body.get('resolution') is None:
            raise Problem(422, 'Resolution is required for this transition.', {'resolution': 'Required field.'})
        values = self.changes(record, body, creating=False, behind=True)
        values.update(status=to, previousStatus=record['status'])
        if to == 'open':
            values['resolution'] = None
        self.touch(record, values)

    # search

    def search(self, body):
        """The records a search body finds, in the API's order; Problem for a body it refuses."""
        if not isinstance(body, dict):
            raise Problem(422, 'Request body must be a JSON object.')
        given = [name for name in ('queue', 'keys', 'filter', 'query') if body.get(name) not in (None, '', [], {})]
        if len(given) != 1:
            raise Problem(400, 'You can only use keys, a queue, or a search query')
        records = [record for record in self.records.values() if not missed(record)]
        by_key = sorted(records, key=key_order)
        if given == ['queue']:
            queue = body['queue']
            return [record for record in by_key if record['queue'] == str(queue).upper()]
        if given == ['keys']:
            wanted = set(str(key).upper() for key in as_list(body['keys']))
            # The reference: answers to a search by keys come sorted by summary.
            return sorted((record for record in by_key if record['key'] in wanted), key=summary_of)
        if given == ['filter']:
            if not isinstance(body['filter'], dict):
                raise Problem(400, 'filter must be an object.')
            terms = list(body['filter'].items())
            found = [record for record in by_key if all(self.matches(record, name, as_list(value))
                                                        for name, value in terms)]
            return self.ordered(found, body.get('order'))
        terms, order = parse_query(body['query'])
        found = [record for record in by_key if all(self.matches(record, name, values) for name, values in terms)]
        return self.ordered(found, order)

    def names(self, record, field):
        """What names a record's value of ``field`` in a search: its key, id, display, login, uid."""
        field = QUERY_FIELDS.get(field.lower(), field)
        lower = dict((name.lower(), name) for name in list(record) + list(record['local']))
        field = lower.get(field.lower(), field)
        if field in record['local']:
            return [str(value) for value in as_list(record['local'][field])]
        values = as_list(record.get(field))
        if field in CATALOGUES:
            return [name for value in values for name in catalogue_names(field, value)]
        if field in ('assignee', 'followers', 'createdBy', 'updatedBy'):
            return [name for uid in values for name in user_names(self.user(uid))]
        if field == 'parent':
            return [name for key in values for name in (key, self.records[key]['id'])]
        return [str(value) for value in values]

    def matches(self, record, field, values):
        """Whether a record's ``field`` is any of ``values``; empty() and notEmpty() as the query language has them."""
        names = self.names(record, field)
        for value in values:
            if str(value).lower() == 'empty()' and not names:
                return True
            if str(value).lower() == 'notempty()' and names:
                return True
            if field == 'unique':
                if str(value) in names:
                    return True
            elif str(value).lower() in [name.lower() for name in names]:
                return True
        return False

    def ordered(self, records, order):
        if not order:
            return records
        descending = order.startswith('-') or order.upper().endswith(' DESC')
        field = order.lstrip('+-').split(' ')[0]
        if field.lower() == 'key':
            return sorted(records, key=key_order, reverse=descending)
        return sorted(records, key=lambda record: (self.names(record, field) or [''])[0], reverse=descending)

    def scroll(self, views, per_scroll):
        scroll_id = 'c2Nyb2xs%016x' % (len(self.scrolls) + 1)
        self.scrolls[scroll_id] = {'views': views, 'position': 0, 'per_scroll': per_scroll}
        return scroll_id

    def next_scroll_page(self, scroll_id):
        """The next page of a scroll and whether more follow; None for an unknown or finished scroll."""
        context = self.scrolls.get(scroll_id)
        if context is None:
            return None
        start = context['position']
        context['position'] += context['per_scroll']
        page = context['views'][start:context['position']]
        more = context['position'] < len(context['views'])
        if not more:
            del self.scrolls[scroll_id]
        return page, more, len(context['views'])


def key_order(record):
    """Issues in key order: by queue, then by number (BULK-9 before BULK-10)."""
    return record['queue'], int(record['key'].rpartition('-')[2])


def missed(record):
    """Whether a search misses a new issue, counting down its search_misses."""
    if record['misses'] <= 0:
        return False
    record['misses'] -= 1
    return True


def is_command(value):
    return isinstance(value, dict) and bool(value) and set(value) <= set(['add', 'remove', 'set', 'replace'])


def list_edit(current, value, parse):
    """A list field after ``value``: a list (or null) sets it, a command edits it (common format)."""
    if value is None:
        return []
    if not is_command(value):
        result = []
        for one in as_list(value):
            if parse(one) not in result:
                result.append(parse(one))
        return result
    result = [parse(one) for one in as_list(value['set'])] if 'set' in value else list(current)
    for one in as_list(value.get('add')):
        if parse(one) not in result:
            result.append(parse(one))
    for one in as_list(value.get('remove')):
        if parse(one) in result:
            result.remove(parse(one))
    for pair in as_list(value.get('replace')):
        target = parse(pair.get('target')) if isinstance(pair, dict) else None
        if target in result:
            result[result.index(target)] = parse(pair.get('replacement'))
    return result


def same(value):
    return value


def summary_of(record):
    return record['summary']


def tag(value):
    if not isinstance(value, str) or not value:
        raise Problem(400, 'A tag must be a non-empty string.', {'tags': 'Invalid value.'})
    return value


def queue_number(queue):
    return sum(ord(letter) for letter in queue)


def catalogue_item(field, key):
    for item in CATALOGUES[field][1]:
        if item[1] == key:
            return item
    raise KeyError(key)


def catalogue_view(api, field, key):
    item_id, key, display = catalogue_item(field, key)
    return {'self': '%s/%s/%s' % (api, CATALOGUES[field][0], item_id), 'id': item_id, 'key': key, 'display': display}


def catalogue_names(field, key):
    return list(catalogue_item(field, key))


def user_names(user):
    return [user['login'], str(user['uid']), str(user.get('passportUid')), user['display']]


def parse_query(query):
    """The (field, values) terms and the order of a query: Field: value, "Field": "a b", v1, v2 ...
    and "Sort by": Field ASC|DESC. Problem (400) for anything else."""
    terms, order, position = [], None, 0
    query = query.strip()
    while position < len(query):
        term = QUERY_TERM.match(query, position)
        if not term:
            raise Problem(400, 'Query could not be parsed at: %s' % query[position:position + 30])
        field, position = term.group(1) or term.group(2), term.end()
        if field.lower() == 'sort by':
            sort = SORT.match(query, position)
            if not sort:
                raise Problem(400, 'Query could not be parsed at: %s' % query[position:position + 30])
            direction = '-' if (sort.group(2) or '').upper() == 'DESC' else '+'
            order, position = direction + sort.group(1), sort.end()
            continue
        values = []
        while True:
            value = QUERY_VALUE.match(query, position)
            if not value:
                raise Problem(400, 'Query could not be parsed at: %s' % query[position:position + 30])
            values.append(value.group(1).strip('"'))
            position = value.end()
            if not value.group(2):
                break
        terms.append((field, values))
    return terms, order


# HTTP

def serve(handler, method, path, fault_kind):
    """Answer a request to issues, transitions or users; False when the path is none of theirs."""
    for pattern, answer in ((SEARCH_PATH, serve_search), (CREATE_PATH, serve_create), (ISSUE_PATH, serve_issue),
                            (TRANSITIONS_PATH, serve_transitions), (USERS_PATH, serve_user)):
        match = pattern.match(path)
        if match:
            try:
                answer(handler, method, match, fault_kind, '%s/%s' % (handler.base_url(), match.group(1)))
            except Problem as problem:
                handler.error(*problem.answer)
            return True
    return False


def parsed_body(handler):
    try:
        return json.loads(handler.body.decode('utf-8') or 'null')
    except ValueError:
        raise Problem(400, 'Request body is not valid JSON.')


def found_record(handler, match):
    """The record of the issue in the path, by key or id; Problem 403 or 404."""
    issue = unquote(match.group(2))
    tracker = handler.tracker
    if issue in tracker.config['forbidden_issues']:
        raise Problem(403, 'You do not have permission to access this issue.')
    key = tracker.issue_key(issue)
    if key is None or key not in tracker.issues.records:
        raise Problem(404, 'Issue does not exist.')
    return tracker.issues.records[key]


def note_write(handler, body):
    """Keep what a write was sent, for tests to read (the request log has no bodies). Callers hold the lock."""
    handler.tracker.issues.writes.append({'method': handler.method, 'path': handler.url.path,
                                          'query': handler.url.query, 'body': body})


def edit_meanwhile(tracker, record):
    """Someone else's edit, between the module's read and its write: the version moves on."""
    tracker.issues.edit(record, {'editedMeanwhile': record['version']}, behind=True)


def serve_create(handler, method, match, fault_kind, api):
    if method != 'POST':
        raise Problem(405, 'Method not allowed.')
    body = parsed_body(handler)
    tracker = handler.tracker
    with tracker.lock:
        note_write(handler, body)
        answer = tracker.issues.view(api, tracker.issues.create(body))
    if fault_kind == 'create_then_drop':
        return handler.drop_connection()
    if fault_kind == 'create_then_500':
        return handler.error(500, 'Internal server error')
    return handler.send(201, answer)


def serve_issue(handler, method, match, fault_kind, api):
    tracker = handler.tracker
    if method not in ('GET', 'PATCH'):
        raise Problem(405, 'Method not allowed.')
    body = parsed_body(handler) if method == 'PATCH' else None
    with tracker.lock:
        record = found_record(handler, match)
        if method == 'PATCH':
            note_write(handler, body)
            if fault_kind == 'concurrent_edit':
                edit_meanwhile(tracker, record)
            version = handler.query.get('version')
            if version is not None and version != str(record['version']):
                raise Problem(409, 'The issue was changed: version %s is not the current one.' % version)
            tracker.issues.edit(record, body)
        answer = tracker.issues.view(api, record)
    return handler.send(200, answer)


def serve_transitions(handler, method, match, fault_kind, api):
    tracker = handler.tracker
    transition_id = match.group(3)
    if (method, transition_id is None) not in (('GET', True), ('POST', False)):
        raise Problem(405, 'Method not allowed.')
    body = parsed_body(handler) if method == 'POST' else None
    with tracker.lock:
        record = found_record(handler, match)
        if method == 'POST':
            note_write(handler, body)
            if fault_kind == 'concurrent_edit':
                edit_meanwhile(tracker, record)
            tracker.issues.execute(record, unquote(transition_id), body)
        answer = tracker.issues.transitions(api, record)
    if method == 'POST':
        for transition in answer:
            transition.pop('display')
            transition['screen'] = {'self': '%s/screens/%s' % (api, transition['id']), 'id': transition['id']}
    return handler.send(200, answer)


def serve_user(handler, method, match, fault_kind, api):
    if method != 'GET':
        raise Problem(405, 'Method not allowed.')
    issues = handler.tracker.issues
    name = TOKEN_USER if match.group(2) is None else unquote(match.group(2))
    with handler.tracker.lock:
        user = issues.full_user_view(api, issues.user(name))
    # The v2 page prints the user inside a list, the v3 page as an object.
    return handler.send(200, [user] if match.group(1) == 'v2' else user)


def serve_search(handler, method, match, fault_kind, api):
    if method != 'POST':
        raise Problem(405, 'Method not allowed.')
    body = parsed_body(handler)
    tracker = handler.tracker
    query = handler.query
    try:
        per_page = int(query.get('perPage') or tracker.config['page_size'])
        page = int(query.get('page') or 1)
        per_scroll = int(query.get('perScroll') or 100)
    except ValueError:
        raise Problem(400, 'page, perPage and perScroll must be whole numbers.')
    if 'scrollId' in query:
        return send_scroll_page(handler, api, query['scrollId'])
    with tracker.lock:
        found = [tracker.issues.view(api, record) for record in tracker.issues.search(body)]
    if 'scrollType' in query:
        if body.get('keys') or body.get('queue'):
            raise Problem(400, 'Scroll is not supported')
        if not 1 <= per_scroll <= MAX_PER_SCROLL:
            raise Problem(400, 'perScroll must be from 1 to %d.' % MAX_PER_SCROLL)
        if query['scrollType'] == 'unsorted':
            found.sort(key=lambda issue: issue['id'])
        with tracker.lock:
            scroll_id = tracker.issues.scroll(found, per_scroll)
        return send_scroll_page(handler, api, scroll_id)
    if (page - 1) * per_page >= PAGED_LIMIT:
        raise Problem(400, 'Pages end at %d results: use scrollable results for more.' % PAGED_LIMIT)
    return handler.send_page(found)


def send_scroll_page(handler, api, scroll_id):
    with handler.tracker.lock:
        following = handler.tracker.issues.next_scroll_page(scroll_id)
    if following is None:
        raise Problem(404, 'Scroll does not exist or has ended: %s' % scroll_id)
    page, more, total = following
    headers = {'X-Total-Count': str(total)}
    if more:
        address = '%s/issues/_search' % api
        ttl = handler.query.get('scrollTTLMillis', '60000')
        headers.update({
            'X-Scroll-Id': scroll_id,
            'X-Scroll-Token': 'dummy-token-you-dont-have-to-specify-it',
            'Link': '<%s?scrollType=sorted&scrollTTLMillis=%s>; rel="first", <%s?scrollId=%s&scrollTTLMillis=%s'
                    '&scrollToken=dummy-token-you-dont-have-to-specify-it>; rel="next"'
                    % (address, ttl, address, quote(scroll_id), ttl),
        })
    return handler.send(200, page, headers)


def control(handler, method, path):
    """The test controls under /_emulator/issues; False when the path is not theirs."""
    tracker = handler.tracker
    if method == 'GET' and path == '/_emulator/issues':
        with tracker.lock:
            writes = list(tracker.issues.writes)
        handler.send(200, {'writes': writes})
        return True
    if method != 'POST' or not (path == '/_emulator/issues' or path.startswith('/_emulator/issues/')):
        return False
    api = '%s/v3' % handler.base_url()
    try:
        request = parsed_body(handler) or {}
        with tracker.lock:
            if path == '/_emulator/issues' and 'settings' in request:
                answer = change_settings(tracker, request['settings'])
            elif path == '/_emulator/issues':
                bodies = request.get('issues') or [
                    {'queue': request.get('queue', 'BULK'), 'summary': 'Bulk issue %d' % number}
                    for number in range(1, int(request.get('count', 0)) + 1)]
                made = [tracker.issues.create(body)['key'] for body in bodies]
                answer = {'added': len(made), 'keys': made}
            else:
                answer = edit_behind(tracker, api, path, request)
    except Problem as problem:
        handler.error(*problem.answer)
        return True
    handler.send(200, answer)
    return True


def change_settings(tracker, settings):
    """Change the configuration of issues (not users or queues) while running. Callers hold the lock."""
    unknown = sorted(set(settings) - set(DEFAULTS) | set(settings) & set(['users', 'queues']))
    if unknown:
        raise Problem(400, 'Settings that cannot be changed: %s' % ', '.join(unknown))
    tracker.config.update(settings)
    return dict((name, tracker.config[name]) for name in settings)


def edit_behind(tracker, api, path, request):
    """A test's edit of an issue, as a person's in Tracker's interface would be. Callers hold the lock."""
    key = tracker.issue_key(unquote(path[len('/_emulator/issues/'):]))
    if key is None:
        raise Problem(404, 'Issue does not exist.')
    record = tracker.issues.records[key]
    tracker.issues.edit(record, request.get('fields') or {}, behind=True)
    if 'version' in request:
        record['version'] = int(request['version'])
    return tracker.issues.view(api, record)
