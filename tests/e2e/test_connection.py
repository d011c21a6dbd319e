# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""TLS, tokens and retries as a user meets them, on both execution paths."""

import json
import socket

import pytest

from conftest import link_task

TOKEN = 'emulator-oauth-token'


def test_an_unknown_ca_fails_in_one_line_about_the_certificate(playbook, https_emulator, execution):
    run = playbook(link_task(), env=https_emulator.environment, execution=execution)

    assert run.result['failed'] is True
    assert 'GET /v3/issues/TEST-1/remotelinks: TLS error:' in run.result['msg']
    assert 'CERTIFICATE_VERIFY_FAILED' in run.result['msg'] and '\n' not in run.result['msg']
    assert 'set ca_path to a bundle with the CA that signed the API certificate' in run.result['msg']
    assert 'Traceback' not in run.output


def test_ca_path_is_used_whatever_the_environment_says(playbook, https_emulator, execution):
    run = playbook(link_task(ca_path=https_emulator.ca_path), env=https_emulator.environment, execution=execution)

    assert run.result['changed'] is True, run.output
    assert len(https_emulator.links()) == 1


def test_validate_certs_false_is_used_whatever_the_environment_says(playbook, https_emulator, execution):
    run = playbook(link_task(validate_certs=False), env=https_emulator.environment, execution=execution)

    assert run.result['changed'] is True, run.output
    assert 'InsecureRequestWarning' not in run.output and 'Unverified HTTPS' not in run.output
    assert run.output.count('[WARNING]') <= 1


@pytest.mark.parametrize('token', [TOKEN + '\n', TOKEN + '\r\n', TOKEN + ' '], ids=['lf', 'crlf', 'space'])
def test_whitespace_around_a_token_is_dropped_and_never_shown(playbook, emulator, execution, token):
    emulator.arm({'kind': 'error', 'status': 500, 'method': 'POST'})

    ok = playbook(link_task(), options=['-vvv', '--diff'], env={'TRACKER_OAUTH_TOKEN': token}, execution=execution)
    failed = playbook(link_task(issue='NOPE-1'), options=['-vvv'], env={'TRACKER_OAUTH_TOKEN': token},
                      execution=execution)

    assert ok.result['changed'] is True, ok.output
    assert failed.result['failed'] is True
    for run in (ok, failed):
        assert TOKEN not in run.output and TOKEN not in json.dumps(run.results)


@pytest.mark.parametrize('token', [
    TOKEN + u'-\u0442\u043e\u043a\u0435\u043d',
    u'\u0442\u043e\u043a\u0435\u043d ' + TOKEN + '\n',
    TOKEN + '\x00',
], ids=['cyrillic', 'cyrillic-and-space', 'nul'])
def test_a_token_that_cannot_be_a_header_is_refused_and_never_shown(playbook, emulator, execution, token):
    run = playbook(link_task(oauth_token=token), options=['-vvv'], execution=execution)

    assert run.result['failed'] is True
    assert run.result['msg'].startswith('oauth_token must hold only visible Latin-1 characters')
    assert 'Traceback' not in run.output
    text = run.output + json.dumps(run.results) + json.dumps(run.results, ensure_ascii=False)
    for form in (TOKEN, token, json.dumps(token)[1:-1], repr(token)[1:-1]):
        assert form not in text
    assert emulator.request_log() == []


def test_a_retry_after_of_zero_is_no_reason_to_hammer(playbook, emulator, execution):
    emulator.arm({'kind': 'rate_limit', 'retry_after': 0, 'count': 2})

    run = playbook(link_task(), execution=execution)

    assert run.result['changed'] is True, run.output
    first, second, third = emulator.request_log()[:3]
    assert [first['status'], second['status'], third['status']] == [429, 429, 200]
    # The exponential backoff: about 1 s, then 2 s, each with jitter down to half.
    assert second['at'] - first['at'] >= 0.5 and third['at'] - second['at'] >= 1.0


def closed_port():
    """A loopback port where nothing listens: bound, never listened on, for the test's lifetime."""
    sock = socket.socket()
    sock.bind(('127.0.0.1', 0))
    return sock


def test_nothing_listening_fails_fast_in_one_line(playbook, emulator, execution):
    sock = closed_port()
    port = sock.getsockname()[1]
    url = 'http://127.0.0.1:%d' % port
    try:
        run = playbook(dict(link_task(api_url='{{ item }}'), loop=[url, url]), execution=execution)
    finally:
        sock.close()

    first, second = run.result['results']
    for item in (first, second):
        assert item['failed'] is True
        assert item['msg'] == ('GET /v3/issues/TEST-1/remotelinks: cannot connect to 127.0.0.1:%d: Failed to establish'
                               ' a new connection: [Errno 111] Connection refused (after 2 attempts; check api_url)'
                               % port)


def test_waits_for_rate_limits_are_reported_in_one_warning(playbook, emulator, execution):
    emulator.arm({'kind': 'rate_limit', 'retry_after': 1, 'count': 2})

    waited = playbook(link_task(), execution=execution)
    did_not = playbook(link_task(), execution=execution)

    assert waited.result['changed'] is True, waited.output
    assert waited.result['warnings'] == ['Tracker requests were retried 2 times (HTTP 429 x2), waiting 2.0 s in all']
    assert '[WARNING]: Tracker requests were retried 2 times (HTTP 429 x2), waiting 2.0 s in all' in waited.output
    assert 'warnings' not in did_not.result and '[WARNING]' not in did_not.output


@pytest.mark.parametrize('url, message', [
    ('{url}/v3', 'api_url must not end in an API version (/v3): drop it, like https://api.tracker.yandex.net;'
                 ' api_version chooses the version'),
    ('{url}/v2/', 'api_url must not end in an API version (/v2): drop it, like https://api.tracker.yandex.net;'
                  ' api_version chooses the version'),
])
def test_an_api_url_with_the_version_is_refused(playbook, emulator, execution, url, message):
    run = playbook(link_task(api_url=url.format(url=emulator.url)), execution=execution)

    assert run.result['failed'] is True and run.result['msg'] == message
    assert emulator.request_log() == []


def test_a_missing_token_names_the_environment_variables(playbook, emulator, execution):
    # An empty variable is no token: as if it were not set.
    run = playbook(link_task(), env={'TRACKER_API_URL': emulator.url, 'TRACKER_ORG_ID': 'emulator-org',
                                     'TRACKER_IAM_TOKEN': ''}, emulator_env=False, execution=execution)

    assert run.result['failed'] is True
    assert run.result['msg'] == ('one of oauth_token and iam_token is required'
                                 ' (or the environment variable TRACKER_OAUTH_TOKEN or TRACKER_IAM_TOKEN)')
