# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The HTTP client's pieces that need no module run."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import email.utils
import json
import os
import re
import time

import pytest
import requests

from ansible_collections.ytracker.tracker.plugins.module_utils import _options, _tracker

API = 'https://api.tracker.yandex.net/v3'
TOKEN = 'y0_SECRET-oauth-token-1234567890'


def client(**options):
    """A TrackerClient with the default connection options, a token and an organization."""
    params = dict((name, spec.get('default')) for name, spec in _options.tracker_argument_spec().items())
    params.update(oauth_token=TOKEN, org_id='7654321')
    params.update(options)
    return _tracker.TrackerClient(params)


def response(status, body, content_type='application/json'):
    answer = requests.Response()
    answer.status_code = status
    answer._content = body.encode('utf-8')
    answer.headers['Content-Type'] = content_type
    return answer


@pytest.mark.parametrize('value, expected', [
    (None, None),
    ('', None),
    ('7', 7.0),
    ('0.5', 0.5),
    ('0', None),
    ('-3', None),
    ('soon', None),
])
def test_retry_after_in_seconds(value, expected):
    assert _tracker.retry_after_seconds(value) == expected


def test_retry_after_as_an_http_date():
    in_ten_seconds = email.utils.formatdate(time.time() + 10, usegmt=True)
    gone_by = email.utils.formatdate(time.time() - 10, usegmt=True)

    assert 8 <= _tracker.retry_after_seconds(in_ten_seconds) <= 10
    assert _tracker.retry_after_seconds(gone_by) is None


def test_a_retry_after_of_zero_backs_off_instead_of_hammering(monkeypatch):
    waits = []
    monkeypatch.setattr(_tracker.time, 'sleep', waits.append)
    client = _tracker.TrackerClient.__new__(_tracker.TrackerClient)
    client.waits = []

    for attempt in range(4):
        client.backoff(attempt, 'HTTP 429', retry_after='0')

    assert [0.5 * 2 ** attempt <= wait <= 2 ** attempt for attempt, wait in enumerate(waits)] == [True] * 4


@pytest.mark.parametrize('token', ['y0_secret\n', 'y0_secret\r\n', 'y0_secret ', u'y0_\u0441\u0435\u043a\u0440\u0435\u0442\n'])
def test_every_form_of_a_secret_is_masked(token):
    secrets = _options.module_secrets({'oauth_token': token, 'iam_token': None})
    text = 'raw %s, stripped %s, repr %r, json %s, bytes %r' % (
        token, token.strip(), token, json.dumps(token), token.encode('utf-8'))

    masked = _options.redact(text, secrets)

    assert masked == ('raw ********, stripped ********, repr \'********\', json "********", bytes b\'********\'')


@pytest.mark.parametrize('token', ['y0_se"cret', '"y0_quoted"', 'y0_back\\slash"quote', u'y0_\u0441\u0435"'])
def test_a_secret_with_a_quote_is_masked_as_json_escapes_it(token):
    """JSON writes " as \\": only that form of the token appears in a JSON text that carries it."""
    secrets = _options.module_secrets({'oauth_token': token, 'iam_token': None})
    text = 'sent {"Authorization": %s, "raw": %s}' % (json.dumps('OAuth ' + token), json.dumps(token))

    assert _options.redact(text, secrets) == 'sent {"Authorization": "OAuth ********", "raw": "********"}'


def test_an_error_that_echoes_a_quoted_token_as_json_shows_it_masked(api):
    token = 'y0_se"cret'
    echo = 'upstream refused {"Authorization": %s}' % json.dumps('OAuth ' + token)
    api.get(API + '/issues/TEST-1/links', status=400, body=echo, content_type='text/plain')

    with pytest.raises(_tracker.TrackerError) as error:
        client(oauth_token=token).get_all('/issues/TEST-1/links')

    assert str(error.value) == ('GET /v3/issues/TEST-1/links: HTTP 400 Bad Request: upstream refused'
                                ' {"Authorization": "OAuth ********"}')


class EndlessServer(object):
    """A transport whose every answer announces one more page; it gives up on a client past STOP requests."""

    STOP = 1010

    def __init__(self, headers):
        self.headers = headers
        self.requests = []

    def request(self, method, url, params=None, **dummy):
        self.requests.append((method, url, params))
        if len(self.requests) > self.STOP:
            raise AssertionError('the client sent more than %d requests' % self.STOP)
        answer = requests.Response()
        answer.status_code = 200
        answer._content = b'[{"id": 1}]'
        answer.headers.update(self.headers)
        answer.url = url
        return answer


NEXT = {'Link': '<%s/issues/TEST-1/links?page=2&perPage=50>; rel="next"' % API}
FOREVER = {'X-Total-Pages': '1000000000'}
SEARCH_NEXT = {'Link': '<%s/issues/_search?page=2&perPage=50>; rel="next"' % API}
SCROLL_FOREVER = {'X-Total-Count': '2000000000', 'X-Scroll-Id': 'scroll-1'}


def list_links(tracker):
    return tracker.get_all('/issues/TEST-1/links')


def search(tracker):
    return tracker.search_all('/issues/_search', {'filter': {'queue': 'TEST'}})


@pytest.mark.parametrize('read, headers, sent, message', [
    (list_links, NEXT, 1000, 'GET /v3/issues/TEST-1/links: more than 1000 pages, giving up'),
    (list_links, FOREVER, 1000, 'GET /v3/issues/TEST-1/links: more than 1000 pages, giving up'),
    (search, SEARCH_NEXT, 1000, 'POST /v3/issues/_search: more than 1000 pages, giving up'),
    (search, FOREVER, 1000, 'POST /v3/issues/_search: more than 1000 pages, giving up'),
    # The first page says there are too many to page through: 1,000 scroll pages follow it.
    (search, SCROLL_FOREVER, 1001, 'POST /v3/issues/_search: more than 1000 scroll pages, giving up'),
], ids=['list-link-header', 'list-total-pages', 'search-link-header', 'search-total-pages', 'scroll'])
def test_a_server_that_never_stops_paging_is_given_up_on_after_a_thousand_pages(monkeypatch, read, headers, sent,
                                                                                message):
    tracker = client()
    server = EndlessServer(headers)
    monkeypatch.setattr(tracker.session, 'request', server.request)

    with pytest.raises(_tracker.TrackerError) as error:
        read(tracker)

    assert str(error.value) == message
    assert len(server.requests) == sent


@pytest.mark.parametrize('body, expected', [
    ('{"errors": {}, "errorMessages": ["Issue does not exist."], "statusCode": 404}', 'Issue does not exist.'),
    ('{"errors": {"key": "required"}, "errorMessages": ["Bad"], "statusCode": 422}', 'Bad; key: required'),
    ('{"message": "other shape"}', '{"message": "other shape"}'),
    ('<html>\n  Bad   Gateway\n</html>', '<html> Bad Gateway </html>'),
    ('', '(empty body)'),
])
def test_api_messages_are_the_api_words_or_the_raw_text(body, expected):
    assert _tracker.api_messages(response(400, body)) == expected


def test_the_collection_version_is_the_one_in_galaxy_yml():
    galaxy = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'galaxy.yml')
    with open(galaxy) as handle:
        version = re.search(r'^version:\s*(\S+)', handle.read(), re.MULTILINE).group(1)

    assert _tracker.COLLECTION_VERSION == version
    assert _tracker.USER_AGENT.startswith('ytracker.tracker/' + version)


def test_the_waits_are_bounded(monkeypatch):
    waits = []
    monkeypatch.setattr(_tracker.time, 'sleep', waits.append)
    client = _tracker.TrackerClient.__new__(_tracker.TrackerClient)
    client.waits = []

    client.backoff(20, 'HTTP 503')
    client.backoff(0, 'HTTP 429', retry_after='3600')

    assert waits == [_tracker.MAX_WAIT, _tracker.MAX_WAIT]
