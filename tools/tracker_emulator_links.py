# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""An issue's links for tracker_emulator.py: external links (remotelinks) and links to other issues (links).

Both lists are served alike, each by a class with the same methods: GET lists the links that
show on the issue, POST makes one (201), DELETE .../{id} removes it (204).

An external link is answered as made, on every later read too. Its relationship is answered as a
type.id and a direction (RELATIONSHIPS); its application in one of the two shapes the reference
shows (--link-shape): "origin", application.id is the origin string the link was made with;
"reference", as the example of "Adding an external link", application.id and application.self
carry a numeric id and the origin shows only in object.self. A second identical POST makes a
duplicate, as nothing says it would not.

A link between issues is stored once and shown on both issues, with the same type.id and
opposite directions: on the issue it was made on, the direction of ISSUE_RELATIONSHIPS, on the
other issue the opposite one. Only the nine names the reference documents are taken, ignoring
case (400 otherwise); the other issue must exist (404); deleting it through either issue
removes it from both.
"""

from tracker_emulator_resource import Answer, Problem, Resource, counter, now
from tracker_emulator_users import TOKEN_AUTHOR, author_view

DEFAULTS = {
    'applications': [
        {'id': 'ru.yandex.bitbucket', 'name': 'Bitbucket'},
        {'id': 'ru.yandex.teamcity', 'name': 'TeamCity'},
        {'id': 'ru.yandex.jenkins', 'name': 'Jenkins'},
        {'id': 'com.github', 'name': 'GitHub'},
    ],
    'link_shape': 'origin',
}
LINK_SHAPES = ('origin', 'reference')
FIRST_ID = 51455195  # links of both kinds count from here, in one count

# The reference's relationship names, and the type.id and direction of the link on the issue it
# is made on. Other names are answered as their own type.id, outward.
RELATIONSHIPS = {
    'relates': ('relates', 'outward'),
    'depends on': ('depends', 'outward'),
    'is dependent by': ('depends', 'inward'),
    'is subtask for': ('subtask', 'inward'),
    'is parent task for': ('subtask', 'outward'),
    'duplicates': ('duplicates', 'outward'),
    'is duplicated by': ('duplicates', 'inward'),
    'is epic of': ('epic', 'outward'),
    'has epic': ('epic', 'inward'),
}
# The documented names for links between issues. The reference's "Link issues" example answers
# relates with direction inward on the issue the link was made on; the others as RELATIONSHIPS.
ISSUE_RELATIONSHIPS = dict(RELATIONSHIPS, relates=('relates', 'inward'))
# The labels of each type (type.inward, type.outward): shown, never matched on.
ISSUE_LINK_LABELS = {
    'relates': ('relates', 'relates'),
    'depends': ('Blocker', 'Depends on'),
    'subtask': ('Sub-issue', 'Parent issue'),
    'duplicates': ('Duplicated by', 'Duplicates'),
    'epic': ('Issue of epic', 'Epic'),
}
OPPOSITE = {'inward': 'outward', 'outward': 'inward'}


def both_kinds(config, issues):
    """The two lists of links, by the path segment that names each; their ids in one count."""
    ids = counter(FIRST_ID)
    return {'remotelinks': RemoteLinks(ids, config), 'links': IssueLinks(ids, issues)}


def relationship_name(body):
    return ' '.join(body['relationship'].lower().split())


def required(body, fields):
    """Problem 422 for each of ``fields`` that is not a non-empty string."""
    missing = {field: 'Required field.' for field in fields if not isinstance(body.get(field), str) or not body[field]}
    if missing:
        raise Problem(422, 'Validation failed.', missing)


class Links(Resource):
    noun = 'link'
    checks_version = False

    def find_on(self, key, link_id):
        """The link ``link_id`` that shows on issue ``key``; Problem 404."""
        for stored in self.stored_on(key):
            if str(stored['id']) == link_id:
                return stored
        raise self.missing()


class RemoteLinks(Links):
    def __init__(self, ids, config):
        super().__init__(ids)
        self.config = config

    def stored_on(self, key):
        return [stored for stored in self.all() if stored['issue'] == key]

    def shown_on(self, api, key):
        return [stored['answer'] for stored in self.stored_on(key)]

    def application(self, origin):
        for application in self.config['applications']:
            if application['id'] == origin:
                return application
        raise Problem(400, 'Unknown application: %s' % origin, {'origin': 'Unknown application.'})

    def check(self, key, body):
        required(body, ('relationship', 'key', 'origin'))
        self.application(body['origin'])

    def make(self, api, key, body):
        """Store the external link of a create ``body`` on issue ``key``; the link as the API answers it."""
        stored = self.add({'issue': key})
        stored['answer'] = self.view(api, key, stored['id'], body)
        return stored['answer']

    def view(self, api, key, link_id, body):
        application = self.application(body['origin'])
        type_id, direction = RELATIONSHIPS.get(relationship_name(body), (relationship_name(body), 'outward'))
        application_id = application['id']
        if self.config['link_shape'] == 'reference':
            application_id = str(2581100000 + self.config['applications'].index(application))
        stamp = now()
        return {
            'self': '%s/issues/%s/remotelinks/%d' % (api, key, link_id),
            'id': link_id,
            'type': {'self': '%s/linktypes/%s' % (api, type_id), 'id': type_id, 'inward': 'Linked',
                     'outward': 'Linked'},
            'direction': direction,
            'object': {
                'self': '%s/applications/%s/objects/%d' % (api, application['id'], link_id + 1305545805),
                'id': str(link_id + 1305545805),
                'key': body['key'],
                'application': {'self': '%s/applications/%s' % (api, application_id), 'id': application_id,
                                'type': application.get('type', 'app'), 'name': application['name']},
            },
            'createdBy': author_view(api, TOKEN_AUTHOR),
            'updatedBy': author_view(api, TOKEN_AUTHOR),
            'createdAt': stamp,
            'updatedAt': stamp,
        }


class IssueLinks(Links):
    def __init__(self, ids, issues):
        super().__init__(ids)
        self.issues = issues

    def stored_on(self, key):
        """The links that show on issue ``key``, made on it or on the other issue, in the order they were made."""
        return [stored for stored in self.all() if key in (stored['issue'], stored['other'])]

    def shown_on(self, api, key):
        return [self.view(api, key, stored) for stored in self.stored_on(key)]

    def check(self, key, body):
        required(body, ('relationship', 'issue'))
        if relationship_name(body) not in ISSUE_RELATIONSHIPS:
            raise Problem(400, 'Unknown relationship: %s' % body['relationship'],
                          {'relationship': 'Unknown relationship.'})
        other = self.issues.key_of(body['issue'])
        if other is None:
            raise Problem(404, 'Issue does not exist: %s' % body['issue'])
        if other == key:
            raise Problem(400, 'An issue cannot be linked to itself.', {'issue': 'The same issue.'})

    def make(self, api, key, body):
        type_id, direction = ISSUE_RELATIONSHIPS[relationship_name(body)]
        stored = self.add({'type_id': type_id, 'issue': key, 'direction': direction,
                           'other': self.issues.key_of(body['issue']), 'at': now()})
        return self.view(api, key, stored)

    def view(self, api, key, stored):
        """A stored link as issue ``key`` shows it: the other issue as object, the direction from its side."""
        made_here = stored['issue'] == key
        other = self.issues.items[stored['other'] if made_here else stored['issue']]
        inward, outward = ISSUE_LINK_LABELS[stored['type_id']]
        return {
            'self': '%s/issues/%s/links/%d' % (api, key, stored['id']),
            'id': stored['id'],
            'type': {'self': '%s/linktypes/%s' % (api, stored['type_id']), 'id': stored['type_id'],
                     'inward': inward, 'outward': outward},
            'direction': stored['direction'] if made_here else OPPOSITE[stored['direction']],
            'object': {'self': '%s/issues/%s' % (api, other['key']), 'id': other['id'], 'key': other['key'],
                       'display': 'Issue %s' % other['key']},
            'createdBy': author_view(api, TOKEN_AUTHOR),
            'updatedBy': author_view(api, TOKEN_AUTHOR),
            'createdAt': stored['at'],
            'updatedAt': stored['at'],
        }


# HTTP: the list of the path's kind

def list_links(tracker, request):
    links = tracker.links[request.params['kind']]
    return tracker.pager.pages(request, links.shown_on(request.api, request.issue['key']))


def create_link(tracker, request):
    links, key = tracker.links[request.params['kind']], request.issue['key']
    links.check(key, request.body)
    return Answer(201, links.make(request.api, key, request.body))


def delete_link(tracker, request):
    links = tracker.links[request.params['kind']]
    links.delete(links.find_on(request.issue['key'], request.params['link']))
    return Answer(204)


def list_applications(tracker, request):
    return tracker.pager.pages(request, [dict(application, type=application.get('type', 'app'),
                                              self='%s/applications/%s' % (request.api, application['id']))
                                         for application in tracker.config['applications']])


def seed_links(tracker, request):
    """Add external links as POSTs would, without a request each: benchmarks need thousands."""
    key = tracker.issues.find(request.body.get('issue', ''))['key']
    bodies = [dict({'relationship': 'relates'}, **wanted) for wanted in request.body.get('links', [])]
    links = tracker.links['remotelinks']
    for body in bodies:
        links.check(key, body)
    api = '%s/%s' % (request.base_url, request.body.get('version', 'v3'))
    for body in bodies:
        links.make(api, key, body)
    return Answer(200, {'added': len(bodies)})
