# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The emulator answers as the Tracker API reference says, whatever the collection does."""

import json
import os
import socket
import subprocess
import sys

import pytest

from conftest import AUTH

EMULATOR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools', 'tracker_emulator.py')

BODY = {'relationship': 'RELATES', 'key': 'PR-1', 'origin': 'ru.yandex.bitbucket'}


def test_a_created_link_has_the_documented_shape_on_v2_and_v3(emulator):
    for version in ('v2', 'v3'):
        status, dummy, link = emulator.answer('POST', '/%s/issues/TEST-1/remotelinks' % version, BODY, AUTH)

        assert status == 201
        assert link['type']['id'] == 'relates'
        assert link['direction'] == 'outward'
        assert link['object']['key'] == 'PR-1'
        assert link['object']['application']['id'] == 'ru.yandex.bitbucket'
        assert link['self'].endswith('/%s/issues/TEST-1/remotelinks/%s' % (version, link['id']))


def test_an_identical_post_makes_a_duplicate_as_nothing_says_otherwise(emulator):
    first = emulator.answer('POST', '/v3/issues/TEST-1/remotelinks', BODY, AUTH)[2]
    second = emulator.answer('POST', '/v3/issues/TEST-1/remotelinks', BODY, AUTH)[2]

    assert first['id'] != second['id']
    assert len(emulator.answer('GET', '/v3/issues/TEST-1/remotelinks', headers=AUTH)[2]) == 2


def test_an_issue_is_found_by_key_or_id_and_delete_answers_204_then_404(emulator):
    link = emulator.answer('POST', '/v3/issues/TEST-1/remotelinks', BODY, AUTH)[2]
    issue_id = '%024x' % 4  # TEST-1 is the fourth configured issue

    assert emulator.answer('GET', '/v3/issues/%s/remotelinks' % issue_id, headers=AUTH)[2] == [link]
    assert emulator.answer('DELETE', '/v3/issues/TEST-1/remotelinks/%s' % link['id'], headers=AUTH)[0] == 204
    assert emulator.answer('DELETE', '/v3/issues/TEST-1/remotelinks/%s' % link['id'], headers=AUTH)[0] == 404


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
    answer_status, dummy, answer = emulator.answer(method, path, body, headers)

    assert answer_status == status
    if status >= 400:
        assert answer['statusCode'] == status
        assert isinstance(answer['errors'], dict) and answer['errorMessages']


def test_lists_paginate_with_link_and_total_headers(emulator):
    for number in range(5):
        emulator.answer('POST', '/v3/issues/TEST-1/remotelinks', dict(BODY, key='PR-%d' % number), AUTH)

    status, headers, page = emulator.answer('GET', '/v3/issues/TEST-1/remotelinks?perPage=2&page=2', headers=AUTH)

    assert status == 200
    assert [link['object']['key'] for link in page] == ['PR-2', 'PR-3']
    assert headers['X-Total-Count'] == '5' and headers['X-Total-Pages'] == '3'
    assert headers['Link'] == '<%s/v3/issues/TEST-1/remotelinks?page=3&perPage=2>; rel="next"' % emulator.url
    last = emulator.answer('GET', '/v3/issues/TEST-1/remotelinks?perPage=2&page=3', headers=AUTH)[1]
    assert 'Link' not in last


def test_lists_of_more_than_50_come_in_pages_by_default(emulator):
    emulator.call('POST', '/_emulator/links', {'issue': 'TEST-1', 'links': [
        dict(BODY, key='PR-%d' % number) for number in range(51)]})

    first = emulator.answer('GET', '/v3/issues/TEST-1/remotelinks', headers=AUTH)
    second = emulator.answer('GET', '/v3/issues/TEST-1/remotelinks?page=2', headers=AUTH)

    assert len(first[2]) == 50 and first[1]['X-Total-Pages'] == '2' and first[1]['X-Total-Count'] == '51'
    assert [link['object']['key'] for link in second[2]] == ['PR-50']


def test_pages_can_come_without_a_link_header(start_emulator):
    emulator = start_emulator('--page-size', '1', '--no-link-header')
    for number in range(2):
        emulator.answer('POST', '/v3/issues/TEST-1/remotelinks', dict(BODY, key='PR-%d' % number), AUTH)

    status, headers, page = emulator.answer('GET', '/v3/issues/TEST-1/remotelinks', headers=AUTH)

    assert status == 200 and len(page) == 1
    assert headers['X-Total-Pages'] == '2' and 'Link' not in headers


def test_links_can_come_in_the_shape_of_the_reference_example(start_emulator):
    emulator = start_emulator('--link-shape', 'reference')

    link = emulator.answer('POST', '/v3/issues/TEST-1/remotelinks', BODY, AUTH)[2]

    application = link['object']['application']
    assert application['id'].isdigit() and application['self'].endswith('/applications/' + application['id'])
    assert application['type'] == 'app' and application['name'] == 'Bitbucket'
    assert '/applications/ru.yandex.bitbucket/objects/' in link['object']['self']


@pytest.mark.parametrize('relationship, type_id, direction', [
    ('RELATES', 'relates', 'outward'),
    ('depends on', 'depends', 'outward'),
    ('Is Dependent By', 'depends', 'inward'),
    ('is subtask for', 'subtask', 'inward'),
    ('is parent task for', 'subtask', 'outward'),
])
def test_a_relationship_is_answered_as_a_type_and_a_direction(emulator, relationship, type_id, direction):
    link = emulator.answer('POST', '/v3/issues/TEST-1/remotelinks', dict(BODY, relationship=relationship), AUTH)[2]

    assert (link['type']['id'], link['direction']) == (type_id, direction)


def test_applications_are_listed(emulator):
    status, dummy, applications = emulator.answer('GET', '/v3/applications', headers=AUTH)

    assert status == 200
    assert {'ru.yandex.bitbucket', 'ru.yandex.teamcity'} <= {application['id'] for application in applications}
    assert all(set(application) >= {'self', 'id', 'type', 'name'} for application in applications)


def test_faults_are_armed_and_spent(emulator):
    emulator.arm({'kind': 'rate_limit', 'retry_after': 7, 'count': 2}, {'kind': 'error', 'status': 503})
    path = '/v3/issues/TEST-1/remotelinks'

    first, second, third = (emulator.answer('GET', path, headers=AUTH) for dummy in range(3))

    assert first[0] == second[0] == 429 and first[1]['Retry-After'] == '7'
    assert third[0] == 503
    assert emulator.answer('GET', path, headers=AUTH)[0] == 200


def test_the_request_log_holds_no_credentials(emulator):
    emulator.answer('GET', '/v3/issues/TEST-1/remotelinks', headers=AUTH)

    log = emulator.request_log()

    assert log[0]['auth_scheme'] == 'OAuth' and log[0]['org_header'] == 'X-Org-ID'
    assert 'emulator-oauth-token' not in json.dumps(log) and 'emulator-org' not in json.dumps(log)


# links between issues

def issue_links(emulator, issue):
    return emulator.answer('GET', '/v3/issues/%s/links' % issue, headers=AUTH)[2]


def test_a_link_between_issues_shows_on_both_with_opposite_directions(emulator):
    status, dummy, link = emulator.answer('POST', '/v3/issues/TEST-1/links',
                                          {'relationship': 'depends on', 'issue': 'TEST-2'}, AUTH)

    assert status == 201
    assert link['self'].endswith('/v3/issues/TEST-1/links/%s' % link['id'])
    assert (link['type']['id'], link['direction']) == ('depends', 'outward')
    assert link['object']['key'] == 'TEST-2' and link['object']['id'] == '%024x' % 5
    assert issue_links(emulator, 'TEST-1') == [link]
    [other_side] = issue_links(emulator, 'TEST-2')
    assert other_side['id'] == link['id'] and other_side['self'].endswith('/issues/TEST-2/links/%s' % link['id'])
    assert (other_side['type']['id'], other_side['direction']) == ('depends', 'inward')
    assert other_side['object']['key'] == 'TEST-1'
    assert emulator.answer('GET', '/v3/issues/TEST-1/remotelinks', headers=AUTH)[2] == []


@pytest.mark.parametrize('relationship, type_id, direction', [
    ('relates', 'relates', 'inward'),
    ('Depends  On', 'depends', 'outward'),
    ('is dependent by', 'depends', 'inward'),
    ('is subtask for', 'subtask', 'inward'),
    ('is parent task for', 'subtask', 'outward'),
    ('duplicates', 'duplicates', 'outward'),
    ('is duplicated by', 'duplicates', 'inward'),
    ('is epic of', 'epic', 'outward'),
    ('HAS EPIC', 'epic', 'inward'),
])
def test_each_documented_relationship_of_issues_is_a_type_and_a_direction(emulator, relationship, type_id, direction):
    opposite = {'inward': 'outward', 'outward': 'inward'}[direction]

    link = emulator.answer('POST', '/v2/issues/DEMO-1/links', {'relationship': relationship, 'issue': 'DEMO-2'},
                           AUTH)[2]

    assert (link['type']['id'], link['direction']) == (type_id, direction)
    assert [(seen['type']['id'], seen['direction']) for seen in issue_links(emulator, 'DEMO-2')] == [
        (type_id, opposite)]


@pytest.mark.parametrize('body, status', [
    ({'relationship': 'blocks', 'issue': 'TEST-2'}, 400),
    ({'relationship': 'depends', 'issue': 'TEST-2'}, 400),
    ({'relationship': 'relates', 'issue': 'TEST-1'}, 400),
    ({'relationship': 'relates', 'issue': 'NOPE-9'}, 404),
    ({'relationship': 'relates'}, 422),
    ({'issue': 'TEST-2'}, 422),
])
def test_a_refused_link_between_issues_carries_the_tracker_error_shape(emulator, body, status):
    answer_status, dummy, answer = emulator.answer('POST', '/v3/issues/TEST-1/links', body, AUTH)

    assert answer_status == status
    assert answer['statusCode'] == status and answer['errorMessages'] and isinstance(answer['errors'], dict)
    assert issue_links(emulator, 'TEST-1') == []


def test_a_link_between_issues_deleted_from_either_issue_is_gone_from_both(emulator):
    first = emulator.answer('POST', '/v3/issues/TEST-1/links', {'relationship': 'relates', 'issue': 'TEST-2'}, AUTH)[2]
    second = emulator.answer('POST', '/v3/issues/%024x/links' % 4, {'relationship': 'relates', 'issue': 'TEST-3'},
                             AUTH)[2]

    assert emulator.answer('DELETE', '/v3/issues/TEST-2/links/%s' % first['id'], headers=AUTH)[0] == 204
    assert emulator.answer('DELETE', '/v3/issues/TEST-1/links/%s' % first['id'], headers=AUTH)[0] == 404
    assert emulator.answer('DELETE', '/v3/issues/DEMO-1/links/%s' % second['id'], headers=AUTH)[0] == 404
    assert [link['id'] for link in issue_links(emulator, 'TEST-1')] == [second['id']]
    assert issue_links(emulator, 'TEST-2') == []
    assert emulator.answer('POST', '/_emulator/reset')[0] == 200
    assert issue_links(emulator, 'TEST-3') == []


def test_links_between_issues_come_in_pages_and_take_faults(emulator):
    for other in ('DEMO-1', 'DEMO-2', 'DEMO-3'):
        emulator.answer('POST', '/v3/issues/TEST-1/links', {'relationship': 'relates', 'issue': other}, AUTH)
    emulator.arm({'kind': 'rate_limit', 'retry_after': 2, 'path': '/links'})

    limited = emulator.answer('GET', '/v3/issues/TEST-1/links?perPage=2', headers=AUTH)
    status, headers, page = emulator.answer('GET', '/v3/issues/TEST-1/links?perPage=2', headers=AUTH)

    assert limited[0] == 429 and limited[1]['Retry-After'] == '2'
    assert status == 200 and [link['object']['key'] for link in page] == ['DEMO-1', 'DEMO-2']
    assert headers['X-Total-Count'] == '3' and headers['X-Total-Pages'] == '2'
    assert headers['Link'] == '<%s/v3/issues/TEST-1/links?page=2&perPage=2>; rel="next"' % emulator.url


def test_a_link_between_issues_made_then_dropped_is_there(emulator):
    emulator.arm({'kind': 'create_then_500', 'method': 'POST', 'path': '/links'})

    status = emulator.answer('POST', '/v3/issues/TEST-1/links', {'relationship': 'relates', 'issue': 'TEST-2'}, AUTH)[0]

    assert status == 500
    assert [link['object']['key'] for link in issue_links(emulator, 'TEST-1')] == ['TEST-2']


def test_a_port_in_use_is_said_in_one_line(tmp_path):
    taken = socket.socket()
    taken.bind(('127.0.0.1', 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        run = subprocess.run([sys.executable, EMULATOR, '--port', str(port)], capture_output=True, text=True,
                             timeout=30, check=False)
    finally:
        taken.close()

    assert run.returncode == 2
    assert run.stderr == 'Tracker emulator cannot listen on 127.0.0.1:%d: Address already in use\n' % port
    assert run.stdout == ''


def test_help_shows_what_the_options_refer_to():
    run = subprocess.run([sys.executable, EMULATOR, '--help'], capture_output=True, text=True, timeout=30, check=True)

    # --link-shape says "see above": the shapes are explained before the options.
    explained = ' '.join(run.stdout.split()).index('the two shapes the reference shows (--link-shape)')
    assert explained < ' '.join(run.stdout.split()).index('--link-shape {origin,reference} how a link names')
