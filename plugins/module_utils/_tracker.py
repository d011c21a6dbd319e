# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""How the modules of ytracker.tracker talk to the Tracker API.

Everything HTTP lives here: authentication headers, retries, pagination and error
messages. The options it is made from are checked in _options.py. Modules decide
what should change and call TrackerClient to do it; it raises TrackerError and
never ends a module itself, so any plugin can use it. This file is private to the
collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import email.utils
import random
import re
import time
import traceback
import warnings

from ansible.module_utils.ansible_release import __version__ as ANSIBLE_VERSION
from ansible.module_utils.basic import missing_required_lib
from ansible.module_utils.six.moves.urllib.parse import quote, urljoin, urlsplit

from ansible_collections.ytracker.tracker.plugins.module_utils._options import (
    check_connection_options,
    header_value,
    module_secrets,
    redact,
)

try:
    import requests
    from urllib3.exceptions import InsecureRequestWarning, NewConnectionError
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
else:
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None


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


class TrackerError(Exception):
    """A failure to report to the user as it is: one line, no traceback."""

    def __init__(self, message, status=None):
        super(TrackerError, self).__init__(message)
        self.status = status


class OutcomeUnknown(TrackerError):
    """A write that may or may not have taken effect."""


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


class TrackerClient(object):
    """A session with the Tracker API, made from a module's connection options."""

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
        self.secrets = module_secrets(params)
        # Given with every request: a Session's own verify loses to REQUESTS_CA_BUNDLE and
        # CURL_CA_BUNDLE, which CI images and execution environments often set.
        self.verify = params['ca_path'] or params['validate_certs']
        self.ca_path = params['ca_path']
        # Why and how long the client waited before repeating a request: see waits_summary().
        self.waits = []
        self.session = requests.Session()
        self.session.headers.update(self._headers(params))

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

    def request_json(self, method, path, body=None, params=None, hints=None):
        """Send one request (retried as _request says); the answer's JSON, None for an empty body."""
        response = self._request(method, self.base_url + path, body=body, params=params, hints=hints)
        if not response.content:
            return None
        return self._json(response)

    def get_all(self, path, params=None, hints=None):
        """Every item of a paged list."""
        return self._get_all(self.base_url + path, params=params, hints=hints)

    def waits_summary(self):
        """What the client waited for, in one sentence; None when it never waited."""
        if not self.waits:
            return None
        reasons = {}
        for reason, dummy in self.waits:
            reasons[reason] = reasons.get(reason, 0) + 1
        return 'Tracker requests were retried %d times (%s), waiting %.1f s in all' % (
            len(self.waits), ', '.join('%s x%d' % item for item in sorted(reasons.items())),
            sum(seconds for dummy, seconds in self.waits))

    def create(self, path, body, params=None, hints=None):
        """POST a new object; its JSON. OutcomeUnknown when it may or may not have been made."""
        response = self._request('POST', self.base_url + path, body=body, params=params, hints=hints)
        try:
            return response.json()
        except ValueError:
            raise OutcomeUnknown('POST %s: HTTP %d with no JSON body' % (self._path(response.url), response.status_code))

    def delete(self, path, hints=None):
        """DELETE an object; False when it was gone already (404)."""
        try:
            self._request('DELETE', self.base_url + path, hints=hints)
        except TrackerError as error:
            if error.status == 404:
                return False
            raise
        return True

    # HTTP

    def _get_all(self, url, params=None, hints=None):
        """Every item of a list, every page of it.

        The API pages lists (page, perPage; X-Total-Pages). A rel="next" Link
        is followed when it comes; otherwise the next page is asked for by
        number, with the first request's own query (so the same perPage).
        """
        items = []
        first_url, first_params = url, dict(params or {})
        for page in range(1, MAX_PAGES + 1):
            response = self._request('GET', url, params=params, hints=hints)
            items.extend(self._json_list(response))
            next_url = self._next_page(response)
            if next_url is not None:
                url, params = next_url, None
            elif page < total_pages(response):
                # By number from the first request, not from a rel="next" address that has a page of its own.
                url, params = first_url, dict(first_params, page=page + 1)
            else:
                return items
        raise TrackerError('GET %s: more than %d pages, giving up' % (self._path(first_url, first_params), MAX_PAGES))

    def _next_page(self, response):
        """The rel="next" URL, if any; only on the API's own host, which gets our token."""
        target = response.links.get('next', {}).get('url')
        if not target:
            return None
        target = urljoin(response.url, target)
        if urlsplit(target)[:2] != urlsplit(self.base_url)[:2]:
            raise TrackerError('GET %s: the next page is on another host (%s); not sending the token there'
                               % (self._path(response.url), urlsplit(target).netloc))
        return target

    def _request(self, method, url, body=None, params=None, hints=None):
        """Send one request, retrying what is safe to retry; the response or TrackerError.

        429 is retried on every method: Tracker refused the request without acting on it. 5xx,
        timeouts and dropped connections are retried on GET, PATCH and DELETE; on POST they raise
        OutcomeUnknown for the caller to resolve by reading. A connection that cannot be made at
        all (refused, or a host name that does not resolve) gets one quick retry: nothing is
        there, and backing off for a minute would only delay the failure.
        """
        safe_to_repeat = method != 'POST'
        attempt = 0
        while True:
            where = '%s %s' % (method, self._path(url, params))
            try:
                response = self._send(method, url, body, params)
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
                attempt += 1
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
                raise TrackerError(message, status=status)
            self.backoff(attempt, reason='HTTP %d' % status, retry_after=response.headers.get('Retry-After'))
            attempt += 1

    def _send(self, method, url, body, params):
        with warnings.catch_warnings():
            if self.verify is False:
                # validate_certs: false was asked for; urllib3 would say so on stderr at every request.
                warnings.simplefilter('ignore', InsecureRequestWarning)
            return self.session.request(method, url, json=body, params=params, timeout=self.timeout,
                                        verify=self.verify)

    def _tls_hint(self):
        if self.ca_path:
            return 'check that ca_path %s holds the CA that signed the API certificate' % self.ca_path
        return ('set ca_path to a bundle with the CA that signed the API certificate,'
                ' or validate_certs: false for a test server')

    def backoff(self, attempt, reason, retry_after=None, delay=None):
        if delay is None:
            delay = retry_after_seconds(retry_after)
        if delay is None:
            delay = BACKOFF_BASE * (2 ** attempt) * random.uniform(0.5, 1.0)
        delay = min(delay, MAX_WAIT)
        self.waits.append((reason, delay))
        time.sleep(delay)

    def _json(self, response):
        try:
            return response.json()
        except ValueError:
            raise TrackerError('%s %s: HTTP %d but the body is not JSON: %s'
                               % (response.request.method, self._path(response.url), response.status_code,
                                  self._redact(response.text[:200])))

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

    # Issue search (POST /issues/_search): a read sent as POST. It changes nothing, so what a GET
    # may repeat it repeats too. Its answer is paged like a list, by number (X-Total-Pages) or by
    # Link rel="next". Past SEARCH_PAGED_LIMIT results the reference says to scroll instead
    # (scrollType, then scrollId from X-Scroll-Id), which it allows for filter and query only:
    # SCROLL_SIZE at a time (its maximum perScroll), the context kept SCROLL_TTL_MILLIS (its default).
    SEARCH_PAGE = 50
    SEARCH_PAGED_LIMIT = 10000
    SCROLL_SIZE = 1000
    SCROLL_TTL_MILLIS = 60000

    def search_all(self, path, body, params=None, limit=None, hints=None):
        """Every item a search answers, every page of them, or only the first ``limit``."""
        url = self.base_url + path
        first_params = dict(params or {})
        first_params.setdefault('perPage', min(limit, self.SEARCH_PAGE) if limit else self.SEARCH_PAGE)
        items, request_url, request_params = [], url, first_params
        for page in range(1, MAX_PAGES + 1):
            response = self._read_by_post(request_url, body, request_params, hints)
            if page == 1 and self._too_many_to_page(response, body, limit):
                return self._scroll_all(url, body, params, limit, hints)
            items.extend(self._json_list(response))
            if limit is not None and len(items) >= limit:
                return items[:limit]
            next_url = self._next_page(response)
            if next_url is not None:
                request_url, request_params = next_url, None
            elif page < total_pages(response):
                request_url, request_params = url, dict(first_params, page=page + 1)
            else:
                return items
        raise TrackerError('POST %s: more than %d pages, giving up' % (self._path(url), MAX_PAGES))

    def _too_many_to_page(self, response, body, limit):
        """Whether the search must be scrolled; TrackerError when it cannot be."""
        total = self._total_count(response)
        if total <= self.SEARCH_PAGED_LIMIT or (limit is not None and limit <= self.SEARCH_PAGED_LIMIT):
            return False
        if 'filter' in body or 'query' in body:
            return True
        raise TrackerError('POST %s: %d issues match, more than the %d that Tracker pages through, and it scrolls only'
                           ' a search by filter or query: search by one of them, or set a limit'
                           % (self._path(response.url), total, self.SEARCH_PAGED_LIMIT))

    def _scroll_all(self, url, body, params, limit, hints):
        params = dict(params or {}, perScroll=self.SCROLL_SIZE, scrollTTLMillis=self.SCROLL_TTL_MILLIS,
                      scrollType='sorted' if 'order' in body or 'query' in body else 'unsorted')
        items, request_url, total = [], url, None
        for dummy in range(MAX_PAGES):
            response = self._read_by_post(request_url, body, params, hints)
            found = self._json_list(response)
            items.extend(found)
            total = self._total_count(response) if total is None else total
            scroll_id = response.headers.get('X-Scroll-Id')
            next_url = self._next_page(response)
            if not found or len(items) >= (limit or total or float('inf')) or (not scroll_id and next_url is None):
                return items[:limit] if limit else items
            if next_url is not None:
                request_url, params = next_url, None
            else:
                request_url, params = url, {'scrollId': scroll_id, 'scrollTTLMillis': self.SCROLL_TTL_MILLIS}
        raise TrackerError('POST %s: more than %d scroll pages, giving up' % (self._path(url), MAX_PAGES))

    def _read_by_post(self, url, body, params, hints):
        attempt = 0
        while True:
            try:
                return self._request('POST', url, body=body, params=params, hints=hints)
            except OutcomeUnknown as unknown:
                if attempt >= self.retries:
                    raise TrackerError('%s (after %d attempts)' % (unknown, attempt + 1), status=unknown.status)
                self.backoff(attempt, reason='HTTP %d' % unknown.status if unknown.status else 'no answer')
                attempt += 1

    @staticmethod
    def _total_count(response):
        """The X-Total-Count of a list's answer; 0 when it is absent or not a number."""
        try:
            return int(response.headers.get('X-Total-Count') or 0)
        except ValueError:
            return 0


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


def total_pages(response):
    """The X-Total-Pages of a list's answer; 1 when it is absent or not a number."""
    try:
        return int(response.headers.get('X-Total-Pages') or 1)
    except ValueError:
        return 1


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
