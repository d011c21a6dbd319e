# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The HTTP side of tracker_emulator.py: the one place where a request is answered.

For an API request, in this order: the armed fault it meets is taken (rate_limit, error and
answer are answered in the API's place; slow waits, then serves); the credentials are checked
(401); the route is found (404, 405); the issue of the path is found (403, 404); the body is read
as the route says (400, 422); the route's function serves it; a create fault then plays on a
create that was made (create_then_drop, create_then_500). Requests to /_emulator/ skip faults,
credentials and the request log.
"""

import json
import socket
import ssl
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tracker_emulator_resource import Answer, Problem
from tracker_emulator_routes import EMPTY, OBJECT, OPTIONS, RAW, find_route, is_control
from tracker_emulator_state import Tracker

DROP = Answer('dropped')  # no answer: the connection is dropped


class Request:
    """One request as the routes' functions read it."""

    def __init__(self, method, target, headers, raw_body, base_url):
        url = urlsplit(target)
        self.method, self.path, self.query_string = method, url.path, url.query
        self.query = {name: values[-1] for name, values in parse_qs(url.query).items()}
        self.headers, self.raw_body, self.base_url = headers, raw_body, base_url
        self.api_version = 'v3'  # the API's version in the path; a control's answers are of v3
        self.api = '%s/v3' % base_url
        self.params = {}
        self.issue = None
        self.body = None
        self.fault_kind = None


def answer_to(tracker, request):
    """The answer to one request: a control's, an armed fault's or the API's."""
    try:
        if is_control(request.path):
            return served(tracker, request, find_route(request))
        fault = tracker.take_fault(request.method, request.path) or {}
        request.fault_kind = fault.get('kind')
        return fault_answer(fault) or api_answer(tracker, request)
    except Problem as problem:
        return problem.answer()


def fault_answer(fault):
    """What a fault answers in the API's place; None when the request is served, a slow one after its delay."""
    kind = fault.get('kind')
    if kind == 'slow':
        time.sleep(float(fault.get('delay', 1)))
    if kind == 'rate_limit':
        headers = {'Retry-After': str(fault['retry_after'])} if 'retry_after' in fault else None
        return Problem(429, 'Too many requests', headers=headers).answer()
    if kind == 'error':
        status = int(fault.get('status', 500))
        return Problem(status, 'Internal server error' if status == 500 else 'Service unavailable').answer()
    if kind == 'answer':
        # An answer of a shape the reference does not show: status and body as the test gave them.
        return Answer(int(fault.get('status', 200)), fault.get('body'))
    return None


def api_answer(tracker, request):
    if not authorized(tracker.config, request.headers):
        raise Problem(401, 'Not authorized.')
    route = find_route(request)
    answer = served(tracker, request, route)
    if route.creates and request.fault_kind == 'create_then_drop':
        return DROP
    if route.creates and request.fault_kind == 'create_then_500':
        return Problem(500, 'Internal server error').answer()
    return answer


def authorized(config, headers):
    scheme, dummy, token = (headers.get('Authorization') or '').partition(' ')
    token_ok = ((scheme == 'OAuth' and token in config['oauth_tokens'])
                or (scheme == 'Bearer' and token in config['iam_tokens']))
    org_ok = headers.get('X-Org-ID') in config['org_ids'] or headers.get('X-Cloud-Org-ID') in config['cloud_org_ids']
    return token_ok and org_ok


def served(tracker, request, route):
    """The route's answer, with the path's issue found and the body read; one request at a time."""
    with tracker.lock:
        # What Tracker does in the background, bulk changes, is done by the time the next request comes.
        tracker.bulk.carry_out_due(tracker)
        if 'issue' in request.params:
            request.issue = tracker.issues.find(request.params['issue'])
        request.body = read_body(request.raw_body, route.body)
        return route.serve(tracker, request)


def read_body(raw, kind):
    """The body as a route reads it (see tracker_emulator_routes.py); Problem 400 or 422."""
    if kind is None:
        return None
    if kind == RAW:
        return raw
    if kind == EMPTY:
        if raw.strip():
            raise Problem(400, 'This request takes no body.')
        return None
    try:
        body = json.loads(raw.decode('utf-8')) if raw.strip() else None
    except ValueError:
        raise Problem(400, 'Request body is not valid JSON.')
    if kind == OPTIONS and body is None:
        return {}
    if kind in (OBJECT, OPTIONS) and not isinstance(body, dict):
        raise Problem(422, 'Request body must be a JSON object.')
    return body


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'  # keep-alive, as the real API
    # Headers and body leave in separate writes: without this, Nagle's algorithm meets the
    # client's delayed ACK and every answer waits some 40 ms.
    disable_nagle_algorithm = True
    server_version = 'TrackerEmulator/1.0'

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

    def handle_request(self, method):
        length = int(self.headers.get('Content-Length') or 0)
        host = self.headers.get('Host') or '%s:%d' % self.server.server_address[:2]
        request = Request(method, self.path, self.headers, self.rfile.read(length) if length else b'',
                          '%s://%s' % (self.server.scheme, host))
        answer = answer_to(self.server.tracker, request)
        # Logged before answering, so that the log is complete once the client has its answer.
        if not is_control(request.path):
            self.server.tracker.log(log_entry(request, answer.status))
        if answer is DROP:
            self.drop_connection()
        else:
            self.send(answer)

    def send(self, answer):
        if isinstance(answer.body, bytes):  # a file, its Content-Type among the answer's headers
            data = answer.body
        else:
            data = b'' if answer.body is None else json.dumps(answer.body).encode('utf-8')
        try:
            self.send_response(answer.status)
            if answer.body is not None and not isinstance(answer.body, bytes):
                self.send_header('Content-Type', 'application/json; charset=utf-8')
            self.send_header('Content-Length', str(len(data)))
            for name, value in (answer.headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up waiting (a slow fault against its timeout): nothing to answer.
            self.close_connection = True

    def drop_connection(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def log_entry(request, status):
    """What GET /_emulator/requests shows of a request: no credentials, only which kind were sent."""
    authorization = request.headers.get('Authorization') or ''
    return {
        'method': request.method,
        'path': request.path,
        'query': request.query_string,
        'status': status,
        'auth_scheme': authorization.split(' ', 1)[0] if authorization else None,
        'org_header': 'X-Org-ID' if request.headers.get('X-Org-ID') else (
            'X-Cloud-Org-ID' if request.headers.get('X-Cloud-Org-ID') else None),
        'user_agent': request.headers.get('User-Agent'),
        'at': time.time(),
    }


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
