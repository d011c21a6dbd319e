# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""How the modules of ytracker.tracker talk to the Tracker API.

Everything HTTP lives here: authentication headers, retries, generic writes and error
messages; the reads that take many requests (every page of a list, polling what runs in the
background) are _paging.py's, mixed into TrackerClient. The options it is made from are
checked in _options.py. Modules decide what should change and call TrackerClient to do it;
it raises TrackerError and never ends a module itself, so any plugin can use it. This file
is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import email.utils
import os
import random
import re
import time
import warnings
from urllib.parse import quote, urljoin, urlsplit

from ansible.module_utils.ansible_release import __version__ as ANSIBLE_VERSION
from ansible.module_utils.basic import missing_required_lib

from ansible_collections.ytracker.tracker.plugins.module_utils._errors import OutcomeUnknown, TrackerError
from ansible_collections.ytracker.tracker.plugins.module_utils._files import CHUNK
from ansible_collections.ytracker.tracker.plugins.module_utils._options import (
    check_connection_options,
    header_value,
    module_secrets,
    redact,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._paging import POLL_REASON, PagedReads

try:
    import requests
    from urllib3.exceptions import InsecureRequestWarning, NewConnectionError
except ImportError:
    HAS_REQUESTS = False
else:
    HAS_REQUESTS = True


COLLECTION_VERSION = '1.0.0'
USER_AGENT = 'ytracker.tracker/%s (ansible-core %s)' % (COLLECTION_VERSION, ANSIBLE_VERSION)

# Waiting between attempts: exponential backoff from BACKOFF_BASE seconds with
# jitter, and no single wait, Retry-After included, longer than MAX_WAIT. So a
# request waits at most retries * MAX_WAIT seconds in all.
BACKOFF_BASE = 1.0
MAX_WAIT = 60.0
# A connection refused, or a host name that does not resolve: one quick retry, then fail.
UNREACHABLE_RETRIES = 1
UNREACHABLE_WAIT = 0.5
# A server that keeps announcing more pages is not trusted past this many.
MAX_PAGES = 1000

HINTS = {
    401: 'check oauth_token or iam_token, and the organization header:'
         ' org_id for Yandex 360, cloud_org_id for Yandex Cloud (an IAM token needs cloud_org_id)',
    403: "the token's user has no rights for this",
    429: 'Tracker kept rate-limiting; raise retries or lower the number of forks',
}


def quote_segment(value):
    """``value`` as one path segment: no slash or query can get through.

    The dot segments '.' and '..' stay as they are (clients normalise them), so
    callers refuse them as input.
    """
    return quote(str(value), safe='')


def api_messages(response):
    """The API's own words from an error response, or its raw text."""
    try:
        body = response.json()
    except ValueError:
        body = None
    messages = []
    if isinstance(body, dict):
        messages = [str(message) for message in body.get('errorMessages') or []]
        errors = body.get('errors')
        if isinstance(errors, dict):
            messages += ['%s: %s' % item for item in sorted(errors.items())]
    if not messages:
        messages = [response.text or '(empty body)']
    return re.sub(r'\s+', ' ', '; '.join(messages)).strip()[:500]


# The sessions of this process, by their headers (the credentials among them). The items of a loop
# run one after another in one process (Ansible's worker, when the tasks run on the controller):
# they share one session, so that its connection to the API, and the TLS handshake, is made once
# for the loop rather than once per item. A module process makes one client and ends.
SESSIONS = {}


def shared_session(headers):
    """The session of this process that sends ``headers``, made on first use."""
    key = tuple(sorted(headers.items()))
    session = SESSIONS.get(key)
    if session is None:
        session = requests.Session()
        session.headers.update(headers)
        # requests would otherwise read the environment at every request, and send the login of a
        # ~/.netrc entry for the API's host (or its "default" entry) in place of the token.
        session.trust_env = False
        SESSIONS[key] = session
    return session


# The proxies for each API URL this process talks to, from its environment (which a task's
# environment keyword does not change here: such a task runs the module as a process of its own).
PROXIES = {}


def environment_proxies(url):
    """The proxies the environment gives for ``url`` (HTTPS_PROXY, NO_PROXY...), read once per process."""
    if url not in PROXIES:
        PROXIES[url] = requests.utils.get_environ_proxies(url)
    return PROXIES[url]


class TrackerClient(PagedReads):
    """A session with the Tracker API, made from a module's connection options.

    Its reads of many answers (get_all, search_all, read_all, poll) are PagedReads' (_paging.py).
    """

    def __init__(self, params):
        """A session from a module's params; TrackerError when they are unusable, before any request."""
        if not HAS_REQUESTS:
            raise TrackerError(missing_required_lib('requests'))
        problems = check_connection_options(params)
        if problems:
            raise TrackerError('; '.join(problems))
        self.base_url = '%s/%s' % (params['api_url'].rstrip('/'), params['api_version'])
        self.timeout = params['timeout']
        self.retries = params['retries']
        # Read when the client is made, so that a test can lower it.
        self.max_pages = MAX_PAGES
        self.secrets = module_secrets(params)
        # validate_certs: false turns verification off whatever ca_path says, as in
        # ansible.builtin.uri; ca_path is the bundle to verify with only when it is on.
        self.ca_path = params['ca_path'] if params['validate_certs'] else None
        self.verify = self.ca_path or params['validate_certs']
        # Why and how long the client waited before repeating a request: see waits_summary().
        self.waits = []
        self.session = shared_session(self._headers(params))
        # What requests takes from the environment is read once, here, rather than at every request:
        # the proxies for the API (HTTPS_PROXY, NO_PROXY and the like), and, when certificates are
        # verified without ca_path, the bundle REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE names (CI images
        # and execution environments often set them). Never ~/.netrc (see shared_session).
        self.proxies = environment_proxies(self.base_url)
        if self.verify is True:
            self.verify = os.environ.get('REQUESTS_CA_BUNDLE') or os.environ.get('CURL_CA_BUNDLE') or True

    @staticmethod
    def _headers(params):
        if params['oauth_token']:
            authorization = 'OAuth ' + header_value(params, 'oauth_token')
        else:
            authorization = 'Bearer ' + header_value(params, 'iam_token')
        if params['org_id']:
            organization = ('X-Org-ID', header_value(params, 'org_id'))
        else:
            organization = ('X-Cloud-Org-ID', header_value(params, 'cloud_org_id'))
        return dict([
            ('Authorization', authorization),
            organization,
            ('Accept', 'application/json'),
            ('User-Agent', USER_AGENT),
        ])

    # Any resource: paths are relative to the API version's root, like '/issues/TEST-1'.

    def request_json(self, method, path, body=None, params=None, hints=None, headers=None, safe_to_repeat=None):
        """Send one request (retried as _request says); the answer's JSON, None for an empty body.

        ``headers``: besides the session's, for this request only (If-Match). ``safe_to_repeat``: as
        _request says; True for a POST that may be sent twice (an action that sets a flag).
        """
        response = self._request(method, self.base_url + path, body=body, params=params, hints=hints,
                                 headers=headers, safe_to_repeat=safe_to_repeat)
        if not response.content:
            return None
        return self._json(response)

    def create(self, path, body, params=None, hints=None, data=None):
        """POST a new object; the answer's JSON.

        OutcomeUnknown when the object may or may not exist now: the answer was lost (a timeout,
        a dropped connection, a 5xx), or it came 2xx with no JSON to say what was made. The
        caller settles it by reading, and never posts again blindly. ``data``: a body other than
        JSON, as _request takes it (a file upload), in place of ``body``.
        """
        response = self._request('POST', self.base_url + path, body=body, params=params, hints=hints, data=data)
        try:
            return response.json()
        except ValueError:
            raise OutcomeUnknown(self._not_json(response), status=response.status_code)

    def stream(self, path, hints=None, chunk_size=CHUNK):
        """The body of GET ``path`` (a file, not JSON), chunks of at most ``chunk_size`` bytes as they come.

        A generator: the request is sent at the first chunk, and closing it early (a comparison
        that met a difference) closes the connection rather than reading the rest. A download that
        breaks off half way is a TrackerError; the request itself is retried as any GET is.
        """
        response = self._request('GET', self.base_url + path, hints=hints, headers={'Accept': '*/*'}, stream=True)
        try:
            yield from response.iter_content(chunk_size)
        except requests.exceptions.RequestException as error:
            raise TrackerError('GET %s: the download broke off: %s' % (self._path(response.url), self._redact(error)))
        finally:
            response.close()

    def delete(self, path, hints=None):
        """DELETE ``path``: True when this run deleted it, False when it was gone already (404).

        A 404 after an attempt that may have taken effect (a 5xx, no answer) is that attempt's
        work: True, so that what this run deleted is reported as changed.
        """
        try:
            self._request('DELETE', self.base_url + path, hints=hints)
        except TrackerError as error:
            if error.status == 404:
                return error.after_lost_attempt
            raise
        return True

    def waits_summary(self):
        """What the client waited for, in one sentence; None when it never waited."""
        if not self.waits:
            return None
        polled = [wait for wait in self.waits if wait[0].startswith(POLL_REASON)]
        retried = [wait for wait in self.waits if not wait[0].startswith(POLL_REASON)]
        parts = ['%s %d times (%s)' % (verb, len(waits), counted_reasons(waits))
                 for verb, waits in (('retried', retried), ('polled', polled)) if waits]
        return 'Tracker requests were %s, waiting %.1f s in all' % (
            ' and '.join(parts), sum(seconds for dummy, seconds in self.waits))

    # HTTP

    def _next_page(self, response):
        """The rel="next" URL, if any; only on the API's own host, which gets our token."""
        target = response.links.get('next', {}).get('url')
        if not target:
            return None
        target = urljoin(response.url, target)
        if urlsplit(target)[:2] != urlsplit(self.base_url)[:2]:
            raise TrackerError('%s %s: the next page is on another host (%s); not sending the token there'
                               % (response.request.method, self._path(response.url), urlsplit(target).netloc))
        return target

    def _request(self, method, url, body=None, params=None, hints=None, safe_to_repeat=None, headers=None,
                 data=None, stream=False):
        """Send one request, retrying what is safe to retry; the response or TrackerError.

        429 is retried on every method: Tracker refused the request without acting on it. 5xx,
        timeouts and dropped connections are retried when ``safe_to_repeat``: by default on GET,
        PATCH and DELETE, and on a read sent as POST (a search) that says so; on another POST
        they raise OutcomeUnknown for the caller to resolve by reading. So one request has one
        budget of retries, whatever it is answered. A connection that cannot be made at all
        (refused, or a host name that does not resolve) gets one quick retry: nothing is there,
        and backing off for a minute would only delay the failure.

        ``data``: a body sent instead of JSON, an object whose open() gives it afresh for each
        attempt (a file-like object with a length, so no chunked encoding) and whose headers()
        are sent with it. ``stream``: the response's body is left unread, for the caller to stream.
        """
        if safe_to_repeat is None:
            safe_to_repeat = method != 'POST'
        attempt, lost_attempt = 0, False
        while True:
            where = '%s %s' % (method, self._path(url, params))
            try:
                response = self._send(method, url, body, params, headers, data, stream)
            except requests.exceptions.SSLError as error:
                raise TrackerError('%s: TLS error: %s (%s)' % (where, self._redact(error), self._tls_hint()))
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as error:
                unreachable = not_connected(error)
                if unreachable is not None:
                    if attempt >= min(self.retries, UNREACHABLE_RETRIES):
                        raise TrackerError('%s: cannot connect to %s: %s (after %d attempts; check api_url)'
                                           % (where, urlsplit(url).netloc, self._redact(unreachable), attempt + 1))
                    self.backoff(attempt, reason='no connection', delay=UNREACHABLE_WAIT)
                    attempt += 1
                    continue
                failure = '%s: %s: %s' % (where, type(error).__name__, self._redact(error))
                if not safe_to_repeat:
                    raise OutcomeUnknown(failure)
                if attempt >= self.retries:
                    raise TrackerError('%s (after %d attempts)' % (failure, attempt + 1))
                self.backoff(attempt, reason=type(error).__name__)
                attempt, lost_attempt = attempt + 1, True
                continue
            except requests.exceptions.RequestException as error:
                # Nothing was sent (an invalid URL or header): retrying cannot help.
                raise TrackerError('%s: %s: %s' % (where, type(error).__name__, self._redact(error)))

            status = response.status_code
            if status < 400:
                return response
            if status >= 500 and not safe_to_repeat:
                raise OutcomeUnknown(self._failure(where, response, hints), status=status)
            retryable = status == 429 or status >= 500
            if not retryable or attempt >= self.retries:
                message = self._failure(where, response, hints)
                if retryable:
                    message += ' (after %d attempts)' % (attempt + 1)
                error = TrackerError(message, status=status)
                error.after_lost_attempt = lost_attempt
                raise error
            if stream:
                # An unread answer would hold its connection.
                response.close()
            self.backoff(attempt, reason='HTTP %d' % status, retry_after=response.headers.get('Retry-After'))
            attempt, lost_attempt = attempt + 1, lost_attempt or status >= 500

    def _send(self, method, url, body, params, headers=None, data=None, stream=False):
        payload = None
        if data is not None:
            # Opened afresh for each attempt: a retry sends the whole body again.
            payload, headers = data.open(), dict(headers or {}, **data.headers())
        try:
            with warnings.catch_warnings():
                if self.verify is False:
                    # validate_certs: false was asked for; urllib3 would say so on stderr at every request.
                    warnings.simplefilter('ignore', InsecureRequestWarning)
                return self.session.request(method, url, json=body, data=payload, params=params, timeout=self.timeout,
                                            verify=self.verify, proxies=self.proxies, headers=headers, stream=stream)
        finally:
            if payload is not None:
                payload.close()

    def _tls_hint(self):
        if self.ca_path:
            return 'check that ca_path %s holds the CA that signed the API certificate' % self.ca_path
        return ('set ca_path to a bundle with the CA that signed the API certificate,'
                ' or validate_certs: false for a test server')

    def backoff(self, attempt, reason, retry_after=None, delay=None):
        """Wait before attempt ``attempt`` + 1: ``delay``, else Retry-After, else backoff_seconds; at most MAX_WAIT."""
        if delay is None:
            delay = retry_after_seconds(retry_after)
        if delay is None:
            delay = self.backoff_seconds(attempt)
        delay = min(delay, MAX_WAIT)
        self.waits.append((reason, delay))
        time.sleep(delay)

    @staticmethod
    def backoff_seconds(attempt):
        """How long to wait before attempt ``attempt`` + 1: doubling from BACKOFF_BASE, with jitter."""
        # The exponent is capped so that a huge attempt number cannot overflow a float.
        return BACKOFF_BASE * (2 ** min(attempt, 16)) * random.uniform(0.5, 1.0)

    def _json(self, response):
        try:
            return response.json()
        except ValueError:
            raise TrackerError(self._not_json(response))

    def _not_json(self, response):
        where = '%s %s: HTTP %d' % (response.request.method, self._path(response.url), response.status_code)
        if not response.content:
            return where + ' with an empty body'
        return '%s but the body is not JSON: %s' % (where, self._redact(response.text[:200]))

    def _json_list(self, response):
        """The answer of a list read (a page of it), or TrackerError when it is no JSON list."""
        found = self._json(response)
        if not isinstance(found, list):
            raise TrackerError('%s %s: expected a JSON list, got %s'
                               % (response.request.method, self._path(response.url), type(found).__name__))
        return found

    def _failure(self, where, response, hints):
        message = '%s: HTTP %d %s: %s' % (where, response.status_code, response.reason or '',
                                          api_messages(response))
        hint = (hints or {}).get(response.status_code) or HINTS.get(response.status_code)
        if hint:
            message += ' (%s)' % hint
        return self._redact(message)

    def _path(self, url, params=None):
        parts = urlsplit(url)
        pairs = ['%s=%s' % item for item in sorted((params or {}).items())]
        query = '&'.join(([parts.query] if parts.query else []) + pairs)
        return parts.path + ('?' + query if query else '')

    def _redact(self, text):
        return redact(text, self.secrets)


def counted_reasons(waits):
    """'HTTP 429 x2, HTTP 503 x1': how many of ``waits`` were for each reason."""
    reasons = {}
    for reason, dummy in waits:
        reasons[reason] = reasons.get(reason, 0) + 1
    return ', '.join('%s x%d' % item for item in sorted(reasons.items()))


def not_connected(error):
    """Why no connection could be made at all (refused, no such host), or None for other failures.

    requests wraps urllib3's NewConnectionError (NameResolutionError is one) in a ConnectionError;
    its text starts with the connection object's address, which says nothing to a user.
    """
    reason = getattr(error.args[0], 'reason', None) if error.args else None
    if not isinstance(reason, NewConnectionError):
        return None
    text = str(reason)
    # urllib3 2 keeps the connection as .conn, urllib3 1 as .pool; either starts the text.
    connection = '%s: ' % (getattr(reason, 'conn', None) or getattr(reason, 'pool', None))
    return text[len(connection):] if text.startswith(connection) else text


def retry_after_seconds(value):
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None.

    None too for no wait at all (0, or a date gone by): a burst of immediate retries is what
    a rate limit asks a client not to send, so the caller backs off instead.
    """
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        seconds = email.utils.mktime_tz(parsed) - time.time()
    return seconds if seconds > 0 else None
