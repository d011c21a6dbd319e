# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A local stand-in for the Yandex Tracker API's external links, to rehearse playbooks offline.

It serves, under /v2 and /v3, what the public API reference describes:

  GET    /{ver}/issues/{issue}/remotelinks            the issue's links (200)
  POST   /{ver}/issues/{issue}/remotelinks[?backlink]  a new link (201); a second identical POST
                                                       makes a duplicate, as nothing says it would not
  DELETE /{ver}/issues/{issue}/remotelinks/{id}       (204)
  GET    /{ver}/applications                          the external applications (200)
  GET    /{ver}/issues/{issue}/links                  the issue's links to other issues (200)
  POST   /{ver}/issues/{issue}/links                  a link to another issue (201), body
                                                       {"relationship": ..., "issue": ...}
  DELETE /{ver}/issues/{issue}/links/{id}             (204), from both issues
  GET, POST /{ver}/issues/{issue}/comments, PATCH, DELETE .../comments/{id}: an issue's comments,
                                                       see tracker_emulator_comments.py
  POST /{ver}/issues/, GET and PATCH /{ver}/issues/{issue}, POST /{ver}/issues/_search,
  GET .../transitions, POST .../transitions/{id}/_execute, GET /{ver}/users/{user}, /{ver}/myself:
                                                       issues, their workflow and the users, see
                                                       tracker_emulator_issues.py

A link between issues is stored once and shown on both issues, with the same type.id and opposite
directions: on the issue it was made on, the direction of ISSUE_RELATIONSHIPS ("depends on":
depends, outward; "relates": inward, as the reference's "Link issues" example answers), on the
other issue the opposite one. Only the nine names the reference documents are accepted, ignoring
case (400 otherwise); the other issue must exist (404); the issue field is required (422).

Every request needs 'Authorization: OAuth <token>' or 'Bearer <token>' and an 'X-Org-ID' or
'X-Cloud-Org-ID' header known to the configuration, else 401. Unknown issues are 404, forbidden
ones 403, a body without a field 422, an unknown application 400; errors carry Tracker's
{"errors", "errorMessages", "statusCode"} body. Lists come in pages of perPage items (50 unless
--page-size says otherwise), page by page, with X-Total-Count and X-Total-Pages headers and a
Link rel="next" header (left out with --no-link-header: the reference shows none).

A link's relationship is answered as the reference's "Linking issues" page names them: a type.id
and a direction ("depends on": depends, outward). Its application is answered in one of the two
shapes the reference shows (--link-shape): "origin", application.id is the origin string the link
was made with; "reference", as the example of "Adding an external link", application.id and
application.self carry a numeric id and the origin shows only in object.self.

Tests steer it under /_emulator/ (no authentication; it listens on loopback only):

  POST   /_emulator/faults     arm faults: {"faults": [{"kind": ..., "method": "POST",
                               "path": "remotelinks", "count": 1, "retry_after": 1, "delay": 2,
                               "status": 503}]}; kinds: rate_limit (429, Retry-After when
                               retry_after is given), error (status, default 500, nothing done),
                               create_then_drop (the link is made, the connection dropped),
                               create_then_500 (the link is made, the answer is 500), slow (delay
                               seconds, then served), answer (status, default 200, and body as
                               given: an answer of a shape the reference does not show);
                               "path" is a part of the request's path, or all of it with
                               "exact": true (/v3/issues/, a create, and not /v3/issues/_search)
  GET    /_emulator/requests   what was asked, without credentials
  POST   /_emulator/links      add links without a request each: {"issue": "TEST-1", "links":
                               [{"origin": ..., "key": ..., "relationship": "relates"}]}
  POST   /_emulator/comments   add comments without a request each, also by another user:
                               {"issue": "TEST-1", "comments": [{"text": ..., "createdBy":
                               {"id": ..., "display": ...}}]}
  POST   /_emulator/issues[/{issue}]  add issues without a request each, or edit one behind a
                               module's back: see tracker_emulator_issues.py
  POST   /_emulator/reset      forget links, comments, faults and requests

Run: python3 tracker_emulator.py [--port 0] [--config FILE] [--page-size N] [--no-link-header]
[--link-shape origin|reference] [--comment-shape table|example] [--tls-cert FILE --tls-key FILE].
With a certificate it serves HTTPS. It prints the URL it listens on and stops cleanly on SIGINT
or SIGTERM.
"""

import argparse
import json
import math
import re
import signal
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import tracker_emulator_comments
import tracker_emulator_issues

DEFAULT_CONFIG = {
    'oauth_tokens': ['emulator-oauth-token'],
    'iam_tokens': ['emulator-iam-token'],
    'org_ids': ['emulator-org'],
    'cloud_org_ids': ['emulator-cloud-org'],
    'issues': ['DEMO-1', 'DEMO-2', 'DEMO-3', 'TEST-1', 'TEST-2', 'TEST-3'],
    'forbidden_issues': ['SECRET-1'],
    'applications': [
        {'id': 'ru.yandex.bitbucket', 'name': 'Bitbucket'},
        {'id': 'ru.yandex.teamcity', 'name': 'TeamCity'},
        {'id': 'ru.yandex.jenkins', 'name': 'Jenkins'},
        {'id': 'com.github', 'name': 'GitHub'},
    ],
    'page_size': 50,
    'link_header': True,
    'link_shape': 'origin',
}
DEFAULT_CONFIG.update(tracker_emulator_issues.DEFAULTS)
LINK_SHAPES = ('origin', 'reference')

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

# An issue's links: 'remotelinks' (external) or 'links' (to other issues), each a path segment of its own.
LINKS_PATH = re.compile(r'^/(v2|v3)/issues/([^/]+)/(remotelinks|links)(?:/([^/]+))?$')
APPLICATIONS_PATH = re.compile(r'^/(v2|v3)/applications$')
USER = {'id': '1100000', 'display': 'Emulator User'}


class Tracker:
    """The emulated Tracker: issues, their links, armed faults and the request log."""

    def __init__(self, config):
        self.config = config
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.links = {key: [] for key in self.config['issues']}
            # Links between issues, each stored once: see issue_link_view.
            self.issue_links = []
            self.issue_ids = {'%024x' % (index + 1): key for index, key in enumerate(self.config['issues'])}
            self.next_id = 51455195
            self.faults = []
            self.requests = []
            self.comments = tracker_emulator_comments.Comments(USER)
            # Last: the configured issues, and their ids, are known by then.
            self.issues = tracker_emulator_issues.Issues(self)

    def issue_key(self, issue):
        """The key of an issue named by key or id, or None."""
        if issue in self.links:
            return issue
        return self.issue_ids.get(issue)

    def application(self, origin):
        for application in self.config['applications']:
            if application['id'] == origin:
                return application
        return None

    def take_fault(self, method, path):
        with self.lock:
            for fault in self.faults:
                if fault.get('method', method) == method and (
                        fault.get('path', '') == path if fault.get('exact') else fault.get('path', '') in path):
                    fault['count'] = fault.get('count', 1) - 1
                    if fault['count'] <= 0:
                        self.faults.remove(fault)
                    return fault
        return None

    def application_id(self, application):
        """The id a link shows for its application, in the configured shape."""
        if self.config['link_shape'] == 'reference':
            return str(2581100000 + self.config['applications'].index(application))
        return application['id']

    def create(self, api, key, body):
        """Store the external link of a create ``body`` on issue ``key``; the link as the API answers it."""
        with self.lock:
            link_id = self.next_id
            self.next_id += 1
            application = self.application(body['origin'])
            name = ' '.join(body['relationship'].lower().split())
            type_id, direction = RELATIONSHIPS.get(name, (name, 'outward'))
            application_id = self.application_id(application)
            link = {
                'self': '%s/issues/%s/remotelinks/%d' % (api, key, link_id),
                'id': link_id,
                'type': {'self': '%s/linktypes/%s' % (api, type_id), 'id': type_id,
                         'inward': 'Linked', 'outward': 'Linked'},
                'direction': direction,
                'object': {
                    'self': '%s/applications/%s/objects/%d' % (api, application['id'], link_id + 1305545805),
                    'id': str(link_id + 1305545805),
                    'key': body['key'],
                    'application': {'self': '%s/applications/%s' % (api, application_id),
                                    'id': application_id, 'type': application.get('type', 'app'),
                                    'name': application['name']},
                },
                'createdBy': dict(USER, self='%s/users/%s' % (api, USER['id'])),
                'updatedBy': dict(USER, self='%s/users/%s' % (api, USER['id'])),
                'createdAt': time.strftime('%Y-%m-%dT%H:%M:%S.000+0000', time.gmtime()),
                'updatedAt': time.strftime('%Y-%m-%dT%H:%M:%S.000+0000', time.gmtime()),
            }
            self.links[key].append(link)
            return link

    def issue_id(self, key):
        for issue_id, issue_key in self.issue_ids.items():
            if issue_key == key:
                return issue_id
        return None

    def create_issue_link(self, key, other, relationship):
        """Store a link made on issue ``key`` to issue ``other``; the stored record."""
        with self.lock:
            type_id, direction = ISSUE_RELATIONSHIPS[relationship]
            stored = {'id': self.next_id, 'type_id': type_id, 'issue': key, 'direction': direction,
                      'other': other, 'at': time.strftime('%Y-%m-%dT%H:%M:%S.000+0000', time.gmtime())}
            self.next_id += 1
            self.issue_links.append(stored)
            return stored

    def issue_links_of(self, key):
        """The stored links that show on issue ``key``, in the order they were made."""
        with self.lock:
            return [stored for stored in self.issue_links if key in (stored['issue'], stored['other'])]

    def delete_issue_link(self, key, link_id):
        with self.lock:
            for stored in self.issue_links:
                if str(stored['id']) == link_id and key in (stored['issue'], stored['other']):
                    self.issue_links.remove(stored)
                    return True
        return False

    def issue_link_view(self, api, key, stored):
        """A stored link as issue ``key`` shows it: the other issue as object, the direction from its side."""
        made_here = stored['issue'] == key
        other = stored['other'] if made_here else stored['issue']
        inward, outward = ISSUE_LINK_LABELS[stored['type_id']]
        user = dict(USER, self='%s/users/%s' % (api, USER['id']))
        return {
            'self': '%s/issues/%s/links/%d' % (api, key, stored['id']),
            'id': stored['id'],
            'type': {'self': '%s/linktypes/%s' % (api, stored['type_id']), 'id': stored['type_id'],
                     'inward': inward, 'outward': outward},
            'direction': stored['direction'] if made_here else OPPOSITE[stored['direction']],
            'object': {'self': '%s/issues/%s' % (api, other), 'id': self.issue_id(other), 'key': other,
                       'display': 'Issue %s' % other},
            'createdBy': user,
            'updatedBy': user,
            'createdAt': stored['at'],
            'updatedAt': stored['at'],
        }

    def delete(self, key, link_id):
        with self.lock:
            for link in self.links[key]:
                if str(link['id']) == link_id:
                    self.links[key].remove(link)
                    return True
        return False

    # Either list of an issue's links, 'remotelinks' or 'links', served alike.

    def list_links(self, resource, api, key):
        """The links that show on issue ``key``, as the API answers them."""
        if resource == 'remotelinks':
            with self.lock:
                return list(self.links[key])
        return [self.issue_link_view(api, key, stored) for stored in self.issue_links_of(key)]

    def body_problem(self, resource, key, body):
        """What is wrong with a create body, as (status, message[, errors]); None when nothing is."""
        if resource == 'remotelinks':
            return link_body_problem(self, body)
        return issue_link_body_problem(self, key, body)

    def create_link(self, resource, api, key, body):
        """Store the link of a create ``body`` on issue ``key``; the link as the API answers it."""
        if resource == 'remotelinks':
            return self.create(api, key, body)
        relationship = ' '.join(body['relationship'].lower().split())
        return self.issue_link_view(api, key, self.create_issue_link(key, self.issue_key(body['issue']), relationship))

    def delete_link(self, resource, key, link_id):
        if resource == 'remotelinks':
            return self.delete(key, link_id)
        return self.delete_issue_link(key, link_id)


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'  # keep-alive, as the real API
    # Headers and body leave in separate writes: without this, Nagle's algorithm meets the
    # client's delayed ACK and every answer waits some 40 ms.
    disable_nagle_algorithm = True
    server_version = 'TrackerEmulator/1.0'

    @property
    def tracker(self):
        return self.server.tracker

    def log_message(self, message_format, *args):
        if self.server.verbose:
            sys.stderr.write("%s %s\n" % (self.address_string(), message_format % args))

    def do_GET(self):
        self.handle_request('GET')

    def do_POST(self):
        self.handle_request('POST')

    def do_DELETE(self):
        self.handle_request('DELETE')

    def do_PUT(self):
        self.handle_request('PUT')

    def do_PATCH(self):
        self.handle_request('PATCH')

    # plumbing

    def handle_request(self, method):
        url = urlsplit(self.path)
        self.query = {name: values[-1] for name, values in parse_qs(url.query).items()}
        self.body = self.read_body()
        self.method, self.url = method, url
        if url.path.startswith('/_emulator/'):
            return self.control(method, url.path)
        self.serve(method, url.path)
        return None

    def read_body(self):
        length = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(length) if length else b''

    def record(self, status):
        """Log the request before answering, so the log is complete once the client has its answer."""
        if self.url.path.startswith('/_emulator/'):
            return
        method, url = self.method, self.url
        authorization = self.headers.get('Authorization') or ''
        entry = {
            'method': method,
            'path': url.path,
            'query': url.query,
            'status': status,
            'auth_scheme': authorization.split(' ', 1)[0] if authorization else None,
            'org_header': 'X-Org-ID' if self.headers.get('X-Org-ID') else (
                'X-Cloud-Org-ID' if self.headers.get('X-Cloud-Org-ID') else None),
            'user_agent': self.headers.get('User-Agent'),
            'at': time.time(),
        }
        with self.tracker.lock:
            self.tracker.requests.append(entry)

    def send(self, status, payload=None, headers=None):
        self.record(status)
        data = b'' if payload is None else json.dumps(payload).encode('utf-8')
        try:
            self.send_response(status)
            if payload is not None:
                self.send_header('Content-Type', 'application/json; charset=utf-8')
            self.send_header('Content-Length', str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up waiting (a slow fault against its timeout): nothing to answer.
            self.close_connection = True

    def error(self, status, message, errors=None, headers=None):
        self.send(status, {'errors': errors or {}, 'errorMessages': [message] if message else [],
                           'statusCode': status}, headers)

    def drop_connection(self):
        self.record('dropped')
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def base_url(self):
        return '%s://%s' % (self.server.scheme, self.headers.get('Host') or '%s:%d' % self.server.server_address[:2])

    # the API

    def serve(self, method, path):
        fault = self.tracker.take_fault(method, path)
        kind = fault['kind'] if fault else None
        if kind == 'slow':
            time.sleep(float(fault.get('delay', 1)))
        elif kind == 'rate_limit':
            headers = {'Retry-After': str(fault['retry_after'])} if 'retry_after' in fault else None
            return self.error(429, 'Too many requests', headers=headers)
        elif kind == 'error':
            status = int(fault.get('status', 500))
            return self.error(status, 'Internal server error' if status == 500 else 'Service unavailable')
        elif kind == 'answer':
            return self.send(int(fault.get('status', 200)), fault.get('body'))

        if not self.authorized():
            return self.error(401, 'Not authorized.')
        links = LINKS_PATH.match(path)
        if links:
            return self.serve_links(method, links, kind)
        comments = tracker_emulator_comments.COMMENTS_PATH.match(path)
        if comments:
            return tracker_emulator_comments.serve(self, method, comments, kind)
        if APPLICATIONS_PATH.match(path):
            if method != 'GET':
                return self.error(405, 'Method not allowed.')
            applications = [dict(application, type=application.get('type', 'app'),
                                 self='%s/%s/applications/%s' % (self.base_url(), path.split('/')[1], application['id']))
                            for application in self.tracker.config['applications']]
            return self.send_page(applications)
        if tracker_emulator_issues.serve(self, method, path, kind):
            return None
        return self.error(404, 'Resource not found.')

    def authorized(self):
        config = self.tracker.config
        scheme, dummy, token = (self.headers.get('Authorization') or '').partition(' ')
        token_ok = ((scheme == 'OAuth' and token in config['oauth_tokens'])
                    or (scheme == 'Bearer' and token in config['iam_tokens']))
        org_ok = (self.headers.get('X-Org-ID') in config['org_ids']
                  or self.headers.get('X-Cloud-Org-ID') in config['cloud_org_ids'])
        return token_ok and org_ok

    def serve_links(self, method, match, fault_kind):
        """GET, POST and DELETE of an issue's links, of either list."""
        version, issue, resource, link_id = match.group(1), unquote(match.group(2)), match.group(3), match.group(4)
        tracker = self.tracker
        if issue in tracker.config['forbidden_issues']:
            return self.error(403, 'You do not have permission to access this issue.')
        key = tracker.issue_key(issue)
        if key is None:
            return self.error(404, 'Issue does not exist.')
        api = '%s/%s' % (self.base_url(), version)

        if link_id is not None:
            if method != 'DELETE':
                return self.error(405, 'Method not allowed.')
            if not tracker.delete_link(resource, key, unquote(link_id)):
                return self.error(404, 'Link does not exist.')
            return self.send(204)
        if method == 'GET':
            return self.send_page(tracker.list_links(resource, api, key))
        if method != 'POST':
            return self.error(405, 'Method not allowed.')

        try:
            body = json.loads(self.body.decode('utf-8') or 'null')
        except ValueError:
            return self.error(400, 'Request body is not valid JSON.')
        problem = tracker.body_problem(resource, key, body)
        if problem:
            return self.error(*problem)
        link = tracker.create_link(resource, api, key, body)
        if fault_kind == 'create_then_drop':
            return self.drop_connection()
        if fault_kind == 'create_then_500':
            return self.error(500, 'Internal server error')
        return self.send(201, link)

    def send_page(self, items):
        config = self.tracker.config
        try:
            per_page = max(1, int(self.query.get('perPage') or config['page_size']))
            page = max(1, int(self.query.get('page', 1)))
        except ValueError:
            return self.error(400, 'page and perPage must be whole numbers.')
        pages = max(1, int(math.ceil(len(items) / float(per_page))))
        headers = {'X-Total-Count': str(len(items)), 'X-Total-Pages': str(pages)}
        if page < pages and config['link_header']:
            path = urlsplit(self.path).path
            headers['Link'] = '<%s%s?page=%d&perPage=%d>; rel="next"' % (self.base_url(), path, page + 1, per_page)
        return self.send(200, items[(page - 1) * per_page:page * per_page], headers)

    # the test controls

    def control(self, method, path):
        tracker = self.tracker
        if method == 'POST' and path == '/_emulator/reset':
            tracker.reset()
            return self.send(200, {'reset': True})
        if method == 'POST' and path == '/_emulator/faults':
            faults = json.loads(self.body.decode('utf-8') or '{}').get('faults', [])
            with tracker.lock:
                tracker.faults.extend(faults)
            return self.send(200, {'armed': len(faults)})
        if method == 'POST' and path == '/_emulator/links':
            return self.seed(json.loads(self.body.decode('utf-8') or '{}'))
        if method == 'POST' and path == '/_emulator/comments':
            return tracker_emulator_comments.seed(self, json.loads(self.body.decode('utf-8') or '{}'))
        if method == 'GET' and path == '/_emulator/requests':
            with tracker.lock:
                return self.send(200, list(tracker.requests))
        if tracker_emulator_issues.control(self, method, path):
            return None
        return self.error(404, 'Unknown control endpoint.')

    def seed(self, request):
        """Add links as POSTs would, without a request each: benchmarks need thousands."""
        key = self.tracker.issue_key(request.get('issue', ''))
        if key is None:
            return self.error(404, 'Issue does not exist.')
        bodies = [dict({'relationship': 'relates'}, **wanted) for wanted in request.get('links', [])]
        for body in bodies:
            problem = link_body_problem(self.tracker, body)
            if problem:
                return self.error(*problem)
        for body in bodies:
            self.tracker.create('%s/%s' % (self.base_url(), request.get('version', 'v3')), key, body)
        return self.send(200, {'added': len(request.get('links', []))})


def link_body_problem(tracker, body):
    """What is wrong with a create body, as (status, message[, errors]); None when nothing is."""
    if not isinstance(body, dict):
        return 422, 'Request body must be a JSON object.'
    missing = {field: 'Required field.' for field in ('relationship', 'key', 'origin')
               if not isinstance(body.get(field), str) or not body[field]}
    if missing:
        return 422, 'Validation failed.', missing
    if tracker.application(body['origin']) is None:
        return 400, 'Unknown application: %s' % body['origin'], {'origin': 'Unknown application.'}
    return None


def issue_link_body_problem(tracker, key, body):
    """What is wrong with the body of a link between issues, as (status, message[, errors]); None when nothing is."""
    if not isinstance(body, dict):
        return 422, 'Request body must be a JSON object.'
    missing = {field: 'Required field.' for field in ('relationship', 'issue')
               if not isinstance(body.get(field), str) or not body[field]}
    if missing:
        return 422, 'Validation failed.', missing
    relationship = ' '.join(body['relationship'].lower().split())
    if relationship not in ISSUE_RELATIONSHIPS:
        return 400, 'Unknown relationship: %s' % body['relationship'], {'relationship': 'Unknown relationship.'}
    other = tracker.issue_key(body['issue'])
    if other is None:
        return 404, 'Issue does not exist: %s' % body['issue']
    if other == key:
        return 400, 'An issue cannot be linked to itself.', {'issue': 'The same issue.'}
    return None


def load_config(path, page_size=None, link_header=True, link_shape=None):
    config = dict(DEFAULT_CONFIG)
    if path:
        with open(path) as handle:
            config.update(json.load(handle))
    if page_size:
        config['page_size'] = page_size
    if not link_header:
        config['link_header'] = False
    if link_shape:
        config['link_shape'] = link_shape
    return config


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that refused the certificate, or hung up: nothing to report.
        if not isinstance(sys.exc_info()[1], (ssl.SSLError, ConnectionError)):
            super().handle_error(request, client_address)


def make_server(config, host='127.0.0.1', port=0, verbose=False, tls=None):
    """The server; with tls, a (certificate file, key file) pair, it speaks HTTPS."""
    server = Server((host, port), Handler)
    server.tracker = Tracker(config)
    server.verbose = verbose
    server.scheme = 'http'
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*tls)
        # The handshake happens in the request's thread: a client that rejects the certificate
        # must not hold up the accepting loop.
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
        server.scheme = 'https'
    return server


def main(argv=None):
    # The whole docstring comes first in --help: the options refer to it.
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--host', default='127.0.0.1', help='address to listen on (default: 127.0.0.1)')
    parser.add_argument('--port', type=int, default=0, help='port to listen on (default: a free one)')
    parser.add_argument('--config', help='JSON file overriding tokens, organizations, issues and applications')
    parser.add_argument('--page-size', type=int, help='items on a page of a list (default: 50, as the API)')
    parser.add_argument('--no-link-header', action='store_true',
                        help='page lists without a Link rel="next" header, only X-Total-Pages')
    parser.add_argument('--link-shape', choices=LINK_SHAPES,
                        help='how a link names its application (default: origin; see above)')
    parser.add_argument('--comment-shape', choices=tracker_emulator_comments.COMMENT_SHAPES,
                        help='how a new or edited comment is answered (default: table; see tracker_emulator_comments.py)')
    parser.add_argument('--tls-cert', help='serve HTTPS with this PEM certificate (chain)')
    parser.add_argument('--tls-key', help='the PEM private key of --tls-cert')
    parser.add_argument('--url-file', help='also write the URL it listens on to this file')
    parser.add_argument('--verbose', action='store_true', help='log every request to stderr')
    args = parser.parse_args(argv)

    config = load_config(args.config, args.page_size, not args.no_link_header, args.link_shape)
    if args.comment_shape:
        config['comment_shape'] = args.comment_shape
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error('--tls-cert and --tls-key go together')
    tls = (args.tls_cert, args.tls_key) if args.tls_cert else None
    try:
        server = make_server(config, args.host, args.port, args.verbose, tls)
    except OSError as error:  # a port in use, an address not of this machine: one line, no traceback
        print('Tracker emulator cannot listen on %s:%d: %s' % (args.host, args.port, error.strerror or error),
              file=sys.stderr, flush=True)
        return 2
    url = '%s://%s:%d' % ((server.scheme,) + server.server_address[:2])

    def stop(signum, frame):
        threading.Thread(target=server.shutdown).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.url_file:
        with open(args.url_file, 'w') as handle:
            handle.write(url + '\n')
    print('Tracker emulator listening on %s' % url, flush=True)
    server.serve_forever()
    server.server_close()
    print('Tracker emulator stopped', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
