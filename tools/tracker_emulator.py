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

Every request needs 'Authorization: OAuth <token>' or 'Bearer <token>' and an 'X-Org-ID' or
'X-Cloud-Org-ID' header known to the configuration, else 401. Unknown issues are 404, forbidden
ones 403, a body without a field 422, an unknown application 400; errors carry Tracker's
{"errors", "errorMessages", "statusCode"} body. Lists paginate with page and perPage (always when
--page-size is set), with Link rel="next", X-Total-Count and X-Total-Pages headers.

Tests steer it under /_emulator/ (no authentication; it listens on loopback only):

  POST   /_emulator/faults     arm faults: {"faults": [{"kind": ..., "method": "POST",
                               "path": "remotelinks", "count": 1, "retry_after": 1, "delay": 2,
                               "status": 503}]}; kinds: rate_limit (429, Retry-After when
                               retry_after is given), error (status, default 500, nothing done),
                               create_then_drop (the link is made, the connection dropped),
                               create_then_500 (the link is made, the answer is 500), slow (delay
                               seconds, then served)
  GET    /_emulator/requests   what was asked, without credentials
  POST   /_emulator/reset      forget links, faults and requests

Run: python3 tracker_emulator.py [--port 0] [--config FILE] [--page-size N]. It prints the URL it
listens on and stops cleanly on SIGINT or SIGTERM.
"""

import argparse
import json
import math
import re
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

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
    'page_size': None,
}

LINKS_PATH = re.compile(r'^/(v2|v3)/issues/([^/]+)/remotelinks(?:/([^/]+))?$')
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
            self.issue_ids = {'%024x' % (index + 1): key for index, key in enumerate(self.config['issues'])}
            self.next_id = 51455195
            self.faults = []
            self.requests = []

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
                if fault.get('method', method) == method and fault.get('path', '') in path:
                    fault['count'] = fault.get('count', 1) - 1
                    if fault['count'] <= 0:
                        self.faults.remove(fault)
                    return fault
        return None

    def create(self, base, version, key, body):
        with self.lock:
            link_id = self.next_id
            self.next_id += 1
            application = self.application(body['origin'])
            relationship = body['relationship'].lower()
            api = '%s/%s' % (base, version)
            link = {
                'self': '%s/issues/%s/remotelinks/%d' % (api, key, link_id),
                'id': link_id,
                'type': {'self': '%s/linktypes/%s' % (api, relationship), 'id': relationship,
                         'inward': 'Linked', 'outward': 'Linked'},
                'direction': 'outward',
                'object': {
                    'self': '%s/applications/%s/objects/%d' % (api, application['id'], link_id + 1305545805),
                    'id': str(link_id + 1305545805),
                    'key': body['key'],
                    'application': {'self': '%s/applications/%s' % (api, application['id']),
                                    'id': application['id'], 'type': application.get('type', 'app'),
                                    'name': application['name']},
                },
                'createdBy': dict(USER, self='%s/users/%s' % (api, USER['id'])),
                'updatedBy': dict(USER, self='%s/users/%s' % (api, USER['id'])),
                'createdAt': time.strftime('%Y-%m-%dT%H:%M:%S.000+0000', time.gmtime()),
                'updatedAt': time.strftime('%Y-%m-%dT%H:%M:%S.000+0000', time.gmtime()),
            }
            self.links[key].append(link)
            return link

    def delete(self, key, link_id):
        with self.lock:
            for link in self.links[key]:
                if str(link['id']) == link_id:
                    self.links[key].remove(link)
                    return True
        return False


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
        return 'http://%s' % (self.headers.get('Host') or '%s:%d' % self.server.server_address[:2])

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

        if not self.authorized():
            return self.error(401, 'Not authorized.')
        links = LINKS_PATH.match(path)
        if links:
            return self.serve_links(method, links, kind)
        if APPLICATIONS_PATH.match(path):
            if method != 'GET':
                return self.error(405, 'Method not allowed.')
            applications = [dict(application, type=application.get('type', 'app'),
                                 self='%s/%s/applications/%s' % (self.base_url(), path.split('/')[1], application['id']))
                            for application in self.tracker.config['applications']]
            return self.send_page(applications)
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
        version, issue, link_id = match.group(1), unquote(match.group(2)), match.group(3)
        if issue in self.tracker.config['forbidden_issues']:
            return self.error(403, 'You do not have permission to access this issue.')
        key = self.tracker.issue_key(issue)
        if key is None:
            return self.error(404, 'Issue does not exist.')

        if link_id is not None:
            if method != 'DELETE':
                return self.error(405, 'Method not allowed.')
            if not self.tracker.delete(key, unquote(link_id)):
                return self.error(404, 'Link does not exist.')
            return self.send(204)
        if method == 'GET':
            return self.send_page(list(self.tracker.links[key]))
        if method != 'POST':
            return self.error(405, 'Method not allowed.')

        body, problem = self.link_body()
        if problem:
            return self.error(*problem)
        link = self.tracker.create(self.base_url(), version, key, body)
        if fault_kind == 'create_then_drop':
            return self.drop_connection()
        if fault_kind == 'create_then_500':
            return self.error(500, 'Internal server error')
        return self.send(201, link)

    def link_body(self):
        """The create body, or (status, message, errors) of what is wrong with it."""
        try:
            body = json.loads(self.body.decode('utf-8') or 'null')
        except ValueError:
            return None, (400, 'Request body is not valid JSON.')
        if not isinstance(body, dict):
            return None, (422, 'Request body must be a JSON object.')
        missing = {field: 'Required field.' for field in ('relationship', 'key', 'origin')
                   if not isinstance(body.get(field), str) or not body[field]}
        if missing:
            return None, (422, 'Validation failed.', missing)
        if self.tracker.application(body['origin']) is None:
            return None, (400, 'Unknown application: %s' % body['origin'], {'origin': 'Unknown application.'})
        return body, None

    def send_page(self, items):
        page_size = self.query.get('perPage') or self.tracker.config.get('page_size')
        if not page_size:
            return self.send(200, items)
        try:
            per_page = max(1, int(page_size))
            page = max(1, int(self.query.get('page', 1)))
        except ValueError:
            return self.error(400, 'page and perPage must be whole numbers.')
        pages = max(1, int(math.ceil(len(items) / float(per_page))))
        headers = {'X-Total-Count': str(len(items)), 'X-Total-Pages': str(pages)}
        if page < pages:
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
        if method == 'GET' and path == '/_emulator/requests':
            with tracker.lock:
                return self.send(200, list(tracker.requests))
        return self.error(404, 'Unknown control endpoint.')


def load_config(path, page_size):
    config = dict(DEFAULT_CONFIG)
    if path:
        with open(path) as handle:
            config.update(json.load(handle))
    if page_size:
        config['page_size'] = page_size
    return config


def make_server(config, host='127.0.0.1', port=0, verbose=False):
    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    server.tracker = Tracker(config)
    server.verbose = verbose
    return server


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('--host', default='127.0.0.1', help='address to listen on (default: 127.0.0.1)')
    parser.add_argument('--port', type=int, default=0, help='port to listen on (default: a free one)')
    parser.add_argument('--config', help='JSON file overriding tokens, organizations, issues and applications')
    parser.add_argument('--page-size', type=int, help='paginate every list by this many items')
    parser.add_argument('--url-file', help='also write the URL it listens on to this file')
    parser.add_argument('--verbose', action='store_true', help='log every request to stderr')
    args = parser.parse_args(argv)

    server = make_server(load_config(args.config, args.page_size), args.host, args.port, args.verbose)
    url = 'http://%s:%d' % server.server_address[:2]

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
