# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""How the modules of ytracker.tracker talk to the Tracker API.

Everything HTTP lives here: connection options, authentication headers,
retries, pagination and error messages. Modules decide what should change and
call TrackerClient to do it. This file is private to the collection (leading
underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import email.utils
import json
import os
import random
import re
import time
import traceback
import warnings

from ansible.module_utils.ansible_release import __version__ as ANSIBLE_VERSION
from ansible.module_utils.basic import AnsibleModule, missing_required_lib
from ansible.module_utils.errors import AnsibleFallbackNotFound
from ansible.module_utils.six.moves.urllib.parse import quote, urljoin, urlsplit

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
DEFAULT_API_URL = 'https://api.tracker.yandex.net'

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

# An api_url that names the API version already: requests would go to /v3/v3/...
API_VERSION_AT_END = re.compile(r'(/v[0-9]+)/*$')
# What an HTTP header value may hold here: visible Latin-1 characters, no whitespace or controls.
HEADER_VALUE = re.compile('^[\x21-\x7e\xa1-\xff]+$')
HEADER_OPTIONS = ('oauth_token', 'iam_token', 'org_id', 'cloud_org_id')
SECRET_OPTIONS = ('oauth_token', 'iam_token')
MASK = '********'

HINTS = {
    401: 'check oauth_token or iam_token, and the organization header:'
         ' org_id for Yandex 360, cloud_org_id for Yandex Cloud (an IAM token needs cloud_org_id)',
    403: "the token's user has no rights for this",
    429: 'Tracker kept rate-limiting; raise retries or lower the number of forks',
}


def env_fallback(*names):
    """The first of the environment variables ``names`` that is set and not empty.

    An empty one counts as not set: a shell profile's ``TRACKER_IAM_TOKEN=``, or a platform that
    injects every variable of a credential whether or not it was filled in, must not stand for a
    token that was given empty.
    """
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    raise AnsibleFallbackNotFound


def tracker_argument_spec():
    """The connection options that every module of the collection takes."""
    return dict(
        api_url=dict(type='str', default=DEFAULT_API_URL, fallback=(env_fallback, ['TRACKER_API_URL'])),
        api_version=dict(type='str', default='v3', choices=['v2', 'v3']),
        oauth_token=dict(type='str', no_log=True, fallback=(env_fallback, ['TRACKER_OAUTH_TOKEN'])),
        iam_token=dict(type='str', no_log=True, fallback=(env_fallback, ['TRACKER_IAM_TOKEN'])),
        org_id=dict(type='str', fallback=(env_fallback, ['TRACKER_ORG_ID'])),
        cloud_org_id=dict(type='str', fallback=(env_fallback, ['TRACKER_CLOUD_ORG_ID'])),
        validate_certs=dict(type='bool', default=True),
        ca_path=dict(type='path'),
        timeout=dict(type='float', default=30),
        retries=dict(type='int', default=5),
    )


TRACKER_ONE_OF_EACH = [('oauth_token', 'iam_token'), ('org_id', 'cloud_org_id')]
# Where each connection option may come from instead of the task.
ENVIRONMENT = dict((name, spec['fallback'][1][0]) for name, spec in tracker_argument_spec().items()
                   if 'fallback' in spec)


def tracker_module_checks(mutually_exclusive=None, **options):
    """A module's argument checks and options, with those of the connection options added.

    That a token and an organization are given is checked by check_connection_options, whose
    message names the environment variables too.
    """
    options.update(mutually_exclusive=TRACKER_ONE_OF_EACH + (mutually_exclusive or []))
    return options


def tracker_module_spec(argument_spec):
    """A module's argument spec with the connection options added."""
    spec = tracker_argument_spec()
    spec.update(argument_spec)
    return spec


def tracker_module(argument_spec, **options):
    """An AnsibleModule whose arguments are ``argument_spec`` plus the connection options."""
    return AnsibleModule(argument_spec=tracker_module_spec(argument_spec), **tracker_module_checks(**options))


class TrackerError(Exception):
    """A failure to report to the user as it is: one line, no traceback."""

    def __init__(self, message, status=None):
        super(TrackerError, self).__init__(message)
        self.status = status


class OutcomeUnknown(TrackerError):
    """A write that may or may not have taken effect."""


def check_connection_options(params):
    """Reasons the connection options are unusable, before any request is sent."""
    problems = []
    if not usable_url(params['api_url']):
        problems.append('api_url must be an http:// or https:// URL with a host and no query,'
                        ' credentials or fragment, like %s' % DEFAULT_API_URL)
    elif API_VERSION_AT_END.search(params['api_url']):
        problems.append('api_url must not end in an API version (%s): drop it, like %s; api_version chooses'
                        ' the version' % (API_VERSION_AT_END.search(params['api_url']).group(1), DEFAULT_API_URL))
    for name in HEADER_OPTIONS:
        value = header_value(params, name)
        if value == '':
            problems.append('%s must not be empty' % name)
        elif value is not None and not HEADER_VALUE.match(value):
            # Never the value itself: it may be a token.
            problems.append('%s must hold only visible Latin-1 characters: no whitespace inside, no control'
                            ' or other characters an HTTP header cannot carry' % name)
    for one, other in TRACKER_ONE_OF_EACH:
        if params[one] is None and params[other] is None:
            problems.append('one of %s and %s is required (or the environment variable %s or %s)'
                            % (one, other, ENVIRONMENT[one], ENVIRONMENT[other]))
    if params['timeout'] is None or params['timeout'] <= 0:
        problems.append('timeout must be greater than 0 seconds')
    if params['retries'] is None or params['retries'] < 0:
        problems.append('retries must be 0 or more')
    return problems


def usable_url(api_url):
    """Whether api_url is an http(s) URL with a host and nothing that requests would choke on."""
    try:
        url = urlsplit(api_url or '')
        port_ok = url.port is None or url.port > 0
    except ValueError:  # a malformed host or port: say so here, not deep inside requests
        return False
    return bool(url.scheme in ('http', 'https') and url.hostname and port_ok
                and not (url.query or url.fragment or url.username))


def header_value(params, name):
    """An option that goes into a header, without the whitespace around it (a token read from a file
    ends in a newline); None when not set."""
    value = params[name]
    return None if value is None else value.strip()


def secret_forms(value):
    """Every form in which text may carry a secret: as given, stripped, and escaped as JSON,
    repr() and bytes do. Longest first, so a shorter form never leaves a piece of a longer one."""
    forms = set()
    for text in (value, value.strip()):
        if text:
            forms.update([
                text,
                json.dumps(text)[1:-1],
                repr(text)[1:-1],
                text.encode('unicode_escape').decode('ascii'),
                repr(text.encode('utf-8'))[2:-1],
            ])
    return sorted((form for form in forms if form), key=len, reverse=True)


def module_secrets(params):
    """The forms of every secret among a module's connection options."""
    secrets = []
    for name in SECRET_OPTIONS:
        if params.get(name):
            secrets.extend(secret_forms(params[name]))
    return secrets


def mask(text, secrets):
    """``text`` with every one of ``secrets`` (see module_secrets) masked."""
    text = str(text)
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


def redact(text, secrets):
    """``text`` on one line, with every form of every secret masked."""
    # Masked, folded, masked again: a secret may hold whitespace of its own.
    return mask(re.sub(r'\s+', ' ', mask(text, secrets)).strip(), secrets)


def check_issue(issue):
    """The issue without surrounding whitespace (as tokens lose theirs); ValueError when it names no issue.

    It goes into the URL as one path segment.
    """
    issue = issue.strip()
    if not issue:
        raise ValueError('issue must not be empty')
    if issue in ('.', '..'):
        raise ValueError('issue must be an issue key like QUEUE-123 or an issue id')
    return issue


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

    # Tracker's resources: an issue's links, of either kind, 'remotelinks' (to objects of other
    # applications) and 'links' (to other issues). Both are listed, created and deleted alike.

    def links_url(self, issue, kind):
        return '%s/issues/%s/%s' % (self.base_url, quote_segment(issue), kind)

    def list_links(self, issue, kind):
        """All the issue's links of this kind, every page of them."""
        return self._get_all(self.links_url(issue, kind), hints={404: self._issue_hint(issue)})

    def create_link(self, issue, kind, body, params=None, hints=None):
        """Create a link; the link as the API answers it.

        OutcomeUnknown when the link may or may not have been made: the caller reads the issue's
        links to know, and never posts again blindly.
        """
        hints = dict(hints or {})
        hints.setdefault(404, self._issue_hint(issue))
        return self._json(self._request('POST', self.links_url(issue, kind), body=body, params=params, hints=hints))

    def delete_link(self, issue, kind, link_id):
        """Delete the link; False when it was gone already (404)."""
        url = '%s/%s' % (self.links_url(issue, kind), quote_segment(link_id))
        try:
            self._request('DELETE', url, hints={404: self._issue_hint(issue)})
        except TrackerError as error:
            if error.status == 404:
                return False
            raise
        return True

    def read_issue(self, issue):
        """The issue as the API answers it; TrackerError 404 when it does not exist or cannot be seen."""
        return self.request_json('GET', '/issues/%s' % quote_segment(issue), hints={404: self._issue_hint(issue)})

    def application_ids(self):
        """The ids of the organisation's external applications: the origins links can be made with."""
        return set(str(application.get('id')) for application in self.get_all('/applications'))

    def _issue_hint(self, issue):
        return 'check that issue %r exists and that the token can see it' % issue

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
            found = self._json(response)
            if not isinstance(found, list):
                raise TrackerError('GET %s: expected a JSON list, got %s'
                                   % (self._path(url, params), type(found).__name__))
            items.extend(found)
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
