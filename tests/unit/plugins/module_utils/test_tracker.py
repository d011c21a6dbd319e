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

from ansible_collections.ytracker.tracker.plugins.module_utils import _tracker


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
    secrets = _tracker.module_secrets({'oauth_token': token, 'iam_token': None})
    text = 'raw %s, stripped %s, repr %r, json %s, bytes %r' % (
        token, token.strip(), token, json.dumps(token), token.encode('utf-8'))

    masked = _tracker.redact(text, secrets)

    assert masked == ('raw ********, stripped ********, repr \'********\', json "********", bytes b\'********\'')


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
