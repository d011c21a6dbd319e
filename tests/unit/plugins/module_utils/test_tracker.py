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
from responses import matchers

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


# One budget of retries per request

class CyclingServer(object):
    """A transport that answers the given statuses in turn, over and over."""

    def __init__(self, *statuses):
        self.statuses = statuses
        self.requests = []

    def request(self, method, url, params=None, **dummy):
        self.requests.append((method, url, params))
        if len(self.requests) > 100:
            raise AssertionError('the client sent more than 100 requests')
        answer = requests.Response()
        answer.status_code = self.statuses[(len(self.requests) - 1) % len(self.statuses)]
        answer._content = b'{"errorMessages": ["busy"]}'
        answer.url = url
        return answer


@pytest.mark.parametrize('statuses', [(429, 503), (503, 429), (503,), (429,)])
def test_a_search_gets_the_retries_of_one_request_whatever_it_is_answered(monkeypatch, sleeps, statuses):
    tracker = client(retries=2)
    server = CyclingServer(*statuses)
    monkeypatch.setattr(tracker.session, 'request', server.request)

    with pytest.raises(_tracker.TrackerError) as error:
        search(tracker)

    assert len(server.requests) == 3 and sleeps.call_count == 2
    assert 'busy' in str(error.value) and str(error.value).endswith('(after 3 attempts)')
    assert error.value.status == statuses[2 % len(statuses)]


# TLS: validate_certs false turns verification off, whatever ca_path says

def verify_sent(monkeypatch, tracker):
    sent = []

    def request(method, url, **options):
        sent.append(options.get('verify'))
        return response(200, '[]')

    monkeypatch.setattr(tracker.session, 'request', request)
    tracker.get_all('/applications')
    return sent


@pytest.mark.parametrize('validate_certs, ca_path, verify', [
    (False, '/etc/tracker/ca.pem', False),
    (False, None, False),
    (True, '/etc/tracker/ca.pem', '/etc/tracker/ca.pem'),
    (True, None, True),
])
def test_validate_certs_false_turns_verification_off_even_with_a_ca_path(monkeypatch, validate_certs, ca_path,
                                                                         verify):
    for name in ('REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE'):
        monkeypatch.delenv(name, raising=False)
    assert verify_sent(monkeypatch, client(validate_certs=validate_certs, ca_path=ca_path)) == [verify]


def test_the_tls_hint_names_ca_path_only_when_it_is_used():
    assert 'check that ca_path' in client(ca_path='/etc/tracker/ca.pem')._tls_hint()
    assert 'set ca_path' in client(validate_certs=False, ca_path='/etc/tracker/ca.pem')._tls_hint()


# A DELETE repeated after an answer that was lost

LINK = API + '/issues/TEST-1/links/7'


@pytest.mark.parametrize('first', [
    dict(status=503),
    dict(status=500, json={'errorMessages': ['Internal error']}),
    dict(body=requests.exceptions.ReadTimeout('read timed out')),
    dict(body=requests.exceptions.ConnectionError('connection reset')),
], ids=['503', '500', 'timeout', 'dropped'])
def test_a_delete_that_may_have_acted_before_its_404_was_this_runs_delete(api, first):
    api.delete(LINK, **first)
    api.delete(LINK, status=404, json={'errorMessages': ['Not found']})

    assert client().delete('/issues/TEST-1/links/7') is True


@pytest.mark.parametrize('earlier', [[], [dict(status=429)]], ids=['first-attempt', 'after-429'])
def test_a_delete_answered_404_when_no_attempt_could_have_acted_was_gone_already(api, earlier):
    for answer in earlier:
        api.delete(LINK, **answer)
    api.delete(LINK, status=404, json={'errorMessages': ['Not found']})

    assert client().delete('/issues/TEST-1/links/7') is False


# Python 3 only

@pytest.mark.parametrize('name', ['_tracker.py', '_options.py'])
def test_the_client_imports_the_standard_library_not_six(name):
    path = os.path.join(os.path.dirname(_tracker.__file__), name)
    with open(path) as handle:
        source = handle.read()

    assert not re.search(r'\bsix\b', source)
    assert 'REQUESTS_IMPORT_ERROR' not in source


# Generic writes

ISSUES = API + '/issues/'


def test_create_answers_the_json_of_the_new_object(api):
    api.post(ISSUES, status=201, json={'key': 'TEST-9'}, match=[matchers.json_params_matcher({'queue': 'TEST'})])

    assert client().create('/issues/', {'queue': 'TEST'}) == {'key': 'TEST-9'}


@pytest.mark.parametrize('answer, message', [
    (dict(status=201, body=''), 'POST /v3/issues/: HTTP 201 with an empty body'),
    (dict(status=200, body='<html>Created</html>', content_type='text/html'),
     'POST /v3/issues/: HTTP 200 but the body is not JSON: <html>Created</html>'),
], ids=['empty', 'not-json'])
def test_a_create_answered_2xx_without_json_may_have_made_the_object(api, sleeps, answer, message):
    api.post(ISSUES, **answer)

    with pytest.raises(_tracker.OutcomeUnknown) as error:
        client().create('/issues/', {'queue': 'TEST'})

    assert str(error.value) == message and sleeps.call_count == 0


@pytest.mark.parametrize('answer', [dict(status=500), dict(body=requests.exceptions.ReadTimeout('read timed out'))],
                         ids=['500', 'timeout'])
def test_a_create_whose_answer_was_lost_is_not_sent_again(api, sleeps, answer):
    api.post(ISSUES, **answer)

    with pytest.raises(_tracker.OutcomeUnknown):
        client().create('/issues/', {'queue': 'TEST'})

    assert len(api.calls) == 1 and sleeps.call_count == 0


def test_a_create_refused_is_a_plain_error(api):
    api.post(ISSUES, status=409, json={'errorMessages': ['Issue already exists']})

    with pytest.raises(_tracker.TrackerError) as error:
        client().create('/issues/', {'queue': 'TEST'}, hints={409: 'unique is taken'})

    assert not isinstance(error.value, _tracker.OutcomeUnknown) and error.value.status == 409
    assert str(error.value) == 'POST /v3/issues/: HTTP 409 Conflict: Issue already exists (unique is taken)'


@pytest.mark.parametrize('answers, deleted', [
    ([dict(status=204)], True),
    ([dict(status=404)], False),
    ([dict(status=502), dict(status=204)], True),
    ([dict(status=502), dict(status=404)], True),
    ([dict(body=requests.exceptions.ConnectionError('connection reset')), dict(status=404)], True),
    ([dict(status=429), dict(status=404)], False),
], ids=['deleted', 'gone', '502-deleted', '502-then-404', 'dropped-then-404', '429-then-404'])
def test_delete_says_whether_this_run_deleted_it(api, answers, deleted):
    for answer in answers:
        api.delete(ISSUES + 'TEST-1/comments/5', **answer)

    assert client().delete('/issues/TEST-1/comments/5') is deleted


def test_a_delete_refused_is_an_error(api):
    api.delete(ISSUES + 'TEST-1/comments/5', status=403, json={'errorMessages': ['No access']})

    with pytest.raises(_tracker.TrackerError) as error:
        client().delete('/issues/TEST-1/comments/5', hints={403: 'only its author may delete it'})

    assert error.value.status == 403 and 'only its author may delete it' in str(error.value)


def test_a_netrc_login_never_takes_the_place_of_the_token(api, monkeypatch, tmp_path):
    netrc = tmp_path / 'netrc'
    netrc.write_text('default login someone password netrc-password\n')
    netrc.chmod(0o600)
    monkeypatch.setenv('NETRC', str(netrc))
    api.get(API + '/myself', json={'login': 'robot'},
            match=[matchers.header_matcher({'Authorization': 'OAuth ' + TOKEN})])

    assert client().request_json('GET', '/myself') == {'login': 'robot'}


@pytest.mark.parametrize('no_proxy, expected', [
    (None, 'http://proxy.example:3128'),
    ('api.tracker.yandex.net', None),
    ('example.org', 'http://proxy.example:3128'),
])
def test_the_proxy_of_the_environment_is_read_once_and_sent_with_every_request(api, monkeypatch, no_proxy, expected):
    for name in ('HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy',
                 'NO_PROXY', 'no_proxy'):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv('HTTPS_PROXY', 'http://proxy.example:3128')
    if no_proxy is not None:
        monkeypatch.setenv('NO_PROXY', no_proxy)
    monkeypatch.setattr(_tracker, 'PROXIES', {})
    tracker = client()
    sent = []
    monkeypatch.setattr(requests.Session, 'request', lambda session, method, url, **options: sent.append(options))

    tracker._send('GET', API + '/myself', None, None)

    assert sent[0]['proxies'].get('https') == expected and tracker.session.trust_env is False


@pytest.mark.parametrize('variables, options, expected', [
    ({'REQUESTS_CA_BUNDLE': '/ci/bundle.pem'}, {}, '/ci/bundle.pem'),
    ({'CURL_CA_BUNDLE': '/ci/curl.pem'}, {}, '/ci/curl.pem'),
    ({'REQUESTS_CA_BUNDLE': '/ci/bundle.pem', 'CURL_CA_BUNDLE': '/ci/curl.pem'}, {}, '/ci/bundle.pem'),
    ({}, {}, True),
    ({'REQUESTS_CA_BUNDLE': '/ci/bundle.pem'}, {'ca_path': '/etc/tracker-ca.pem'}, '/etc/tracker-ca.pem'),
    ({'REQUESTS_CA_BUNDLE': '/ci/bundle.pem'}, {'validate_certs': False, 'ca_path': '/etc/ca.pem'}, False),
])
def test_the_ca_bundle_of_the_environment_counts_only_without_ca_path(monkeypatch, variables, options, expected):
    for name in ('REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE'):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)

    assert client(**options).verify == expected


def test_clients_of_one_connection_share_a_session_and_other_credentials_get_their_own():
    first, second = client(), client(timeout=5)
    other_token, other_org = client(oauth_token='y0_OTHER-token'), client(org_id='111')

    assert first.session is second.session
    assert len(set(id(tracker.session) for tracker in (first, other_token, other_org))) == 3
    assert other_token.session.headers['Authorization'] == 'OAuth y0_OTHER-token'
    assert first.session.headers['Authorization'] == 'OAuth ' + TOKEN


def test_the_environment_proxies_are_read_once_per_api_url(monkeypatch):
    monkeypatch.setattr(_tracker, 'PROXIES', {})
    reads = []
    monkeypatch.setattr(requests.utils, 'get_environ_proxies', lambda url: reads.append(url) or {})

    client(), client(), client(api_url='https://tracker.example.org')

    assert reads == [API, 'https://tracker.example.org/v3']
