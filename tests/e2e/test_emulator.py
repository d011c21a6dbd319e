# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The emulator answers as the Tracker API reference says, whatever the collection does."""

import json
import urllib.error
import urllib.request

import pytest

AUTH = {'Authorization': 'OAuth emulator-oauth-token', 'X-Org-ID': 'emulator-org'}
BODY = {'relationship': 'RELATES', 'key': 'PR-1', 'origin': 'ru.yandex.bitbucket'}


def call(emulator, method, path, body=None, headers=None):
    """(status, headers, parsed body) of one request."""
    request = urllib.request.Request(emulator.url + path, method=method, headers=dict(headers or {}),
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header('Content-Type', 'application/json')
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, answer_headers, payload = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, answer_headers, payload = error.code, error.headers, error.read()
    return status, answer_headers, json.loads(payload) if payload else None


def test_a_created_link_has_the_documented_shape_on_v2_and_v3(emulator):
    for version in ('v2', 'v3'):
        status, dummy, link = call(emulator, 'POST', '/%s/issues/TEST-1/remotelinks' % version, BODY, AUTH)

        assert status == 201
        assert link['type']['id'] == 'relates'
        assert link['direction'] == 'outward'
        assert link['object']['key'] == 'PR-1'
        assert link['object']['application']['id'] == 'ru.yandex.bitbucket'
        assert link['self'].endswith('/%s/issues/TEST-1/remotelinks/%s' % (version, link['id']))


def test_an_identical_post_makes_a_duplicate_as_nothing_says_otherwise(emulator):
    first = call(emulator, 'POST', '/v3/issues/TEST-1/remotelinks', BODY, AUTH)[2]
    second = call(emulator, 'POST', '/v3/issues/TEST-1/remotelinks', BODY, AUTH)[2]

    assert first['id'] != second['id']
    assert len(call(emulator, 'GET', '/v3/issues/TEST-1/remotelinks', headers=AUTH)[2]) == 2


def test_an_issue_is_found_by_key_or_id_and_delete_answers_204_then_404(emulator):
    link = call(emulator, 'POST', '/v3/issues/TEST-1/remotelinks', BODY, AUTH)[2]
    issue_id = '%024x' % 4  # TEST-1 is the fourth configured issue

    assert call(emulator, 'GET', '/v3/issues/%s/remotelinks' % issue_id, headers=AUTH)[2] == [link]
    assert call(emulator, 'DELETE', '/v3/issues/TEST-1/remotelinks/%s' % link['id'], headers=AUTH)[0] == 204
    assert call(emulator, 'DELETE', '/v3/issues/TEST-1/remotelinks/%s' % link['id'], headers=AUTH)[0] == 404


@pytest.mark.parametrize('method, path, body, headers, status', [
    ('GET', '/v3/issues/TEST-1/remotelinks', None, {}, 401),
    ('GET', '/v3/issues/TEST-1/remotelinks', None, {'Authorization': 'OAuth emulator-oauth-token'}, 401),
    ('GET', '/v3/issues/TEST-1/remotelinks', None, dict(AUTH, Authorization='Bearer emulator-oauth-token'), 401),
    ('GET', '/v3/issues/TEST-1/remotelinks', None,
     {'Authorization': 'Bearer emulator-iam-token', 'X-Cloud-Org-ID': 'emulator-cloud-org'}, 200),
    ('GET', '/v3/issues/NOPE-1/remotelinks', None, AUTH, 404),
    ('GET', '/v3/issues/SECRET-1/remotelinks', None, AUTH, 403),
    ('POST', '/v3/issues/TEST-1/remotelinks', {'relationship': 'RELATES', 'origin': 'ru.yandex.bitbucket'}, AUTH, 422),
    ('POST', '/v3/issues/TEST-1/remotelinks', dict(BODY, origin='no.such.app'), AUTH, 400),
    ('GET', '/v1/issues/TEST-1/remotelinks', None, AUTH, 404),
])
def test_errors_carry_the_tracker_error_shape(emulator, method, path, body, headers, status):
    answer_status, dummy, answer = call(emulator, method, path, body, headers)

    assert answer_status == status
    if status >= 400:
        assert answer['statusCode'] == status
        assert isinstance(answer['errors'], dict) and answer['errorMessages']


def test_lists_paginate_with_link_and_total_headers(emulator):
    for number in range(5):
        call(emulator, 'POST', '/v3/issues/TEST-1/remotelinks', dict(BODY, key='PR-%d' % number), AUTH)

    status, headers, page = call(emulator, 'GET', '/v3/issues/TEST-1/remotelinks?perPage=2&page=2', headers=AUTH)

    assert status == 200
    assert [link['object']['key'] for link in page] == ['PR-2', 'PR-3']
    assert headers['X-Total-Count'] == '5' and headers['X-Total-Pages'] == '3'
    assert headers['Link'] == '<%s/v3/issues/TEST-1/remotelinks?page=3&perPage=2>; rel="next"' % emulator.url
    last = call(emulator, 'GET', '/v3/issues/TEST-1/remotelinks?perPage=2&page=3', headers=AUTH)[1]
    assert 'Link' not in last


def test_applications_are_listed(emulator):
    status, dummy, applications = call(emulator, 'GET', '/v3/applications', headers=AUTH)

    assert status == 200
    assert {'ru.yandex.bitbucket', 'ru.yandex.teamcity'} <= {application['id'] for application in applications}
    assert all(set(application) >= {'self', 'id', 'type', 'name'} for application in applications)


def test_faults_are_armed_and_spent(emulator):
    emulator.arm({'kind': 'rate_limit', 'retry_after': 7, 'count': 2}, {'kind': 'error', 'status': 503})
    path = '/v3/issues/TEST-1/remotelinks'

    first, second, third = (call(emulator, 'GET', path, headers=AUTH) for dummy in range(3))

    assert first[0] == second[0] == 429 and first[1]['Retry-After'] == '7'
    assert third[0] == 503
    assert call(emulator, 'GET', path, headers=AUTH)[0] == 200


def test_the_request_log_holds_no_credentials(emulator):
    call(emulator, 'GET', '/v3/issues/TEST-1/remotelinks', headers=AUTH)

    log = emulator.request_log()

    assert log[0]['auth_scheme'] == 'OAuth' and log[0]['org_header'] == 'X-Org-ID'
    assert 'emulator-oauth-token' not in json.dumps(log) and 'emulator-org' not in json.dumps(log)
