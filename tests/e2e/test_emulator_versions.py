# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The emulator's queue versions and components, and the issue fields that name them, answer as the
reference says: create-version.md, get-versions.md, version-operations.md, post-component.md,
patch-component.md, get-components.md and issue-versions-components.md."""

import pytest

from conftest import AUTH

ALICE_UID = '1120000000016876'
VERSION_FIELDS = {'self', 'id', 'version', 'queue', 'name', 'released', 'archived'}


def new_version(emulator, **body):
    return emulator.api_answer('POST', '/v3/versions/', dict({'queue': 'REL', 'name': '2.0'}, **body))


def new_component(emulator, **body):
    return emulator.api_answer('POST', '/v3/components/', dict({'queue': 'REL', 'name': 'db'}, **body))


def test_a_new_version_is_answered_200_as_the_table_of_create_version_says(emulator):
    for api, name in (('v2', '2.0'), ('v3', '2.1')):
        status, dummy, version = emulator.api_answer('POST', '/%s/versions/' % api,
                                                     {'queue': 'REL', 'name': name, 'description': 'Spring release',
                                                      'startDate': '2024-03-01', 'dueDate': '2024-06-01'})

        assert status == 200
        assert isinstance(version['id'], int) and version['version'] == 1
        assert version['self'] == '%s/%s/versions/%d' % (emulator.url, api, version['id'])
        assert version['queue']['key'] == 'REL' and version['queue']['self'].endswith('/%s/queues/REL' % api)
        assert (version['name'], version['description'], version['startDate'], version['dueDate']) == (
            name, 'Spring release', '2024-03-01', '2024-06-01')
        assert (version['released'], version['archived']) == (False, False)
        assert emulator.api_answer('GET', '/%s/versions/%d' % (api, version['id']))[2] == version


def test_the_example_shape_answers_a_new_version_inside_a_list(start_emulator):
    emulator = start_emulator('--version-shape', 'example')

    status, dummy, created = new_version(emulator)

    assert status == 200 and isinstance(created, list) and len(created) == 1
    assert set(created[0]) >= VERSION_FIELDS
    assert emulator.api_answer('GET', '/v3/versions/%d' % created[0]['id'])[2] == created[0]


def test_a_queue_lists_its_versions_only_by_key_or_id_in_pages(emulator):
    made = [new_version(emulator, name='2.%d' % number)[2] for number in range(3)]
    new_version(emulator, queue='TEST', name='elsewhere')

    status, headers, page = emulator.api_answer('GET', '/v3/queues/REL/versions?perPage=2&page=2')
    everything = emulator.api_answer('GET', '/v3/queues/REL/versions')[2]

    # Two versions are configured in REL: 1.1 (released) and 1.2.
    assert [version['name'] for version in everything] == ['1.1', '1.2', '2.0', '2.1', '2.2']
    assert everything[0]['released'] is True
    assert status == 200 and page == everything[2:4] and made[0] in everything
    assert (headers['X-Total-Count'], headers['X-Total-Pages']) == ('5', '3') and 'rel="next"' in headers['Link']
    queue_id = everything[0]['queue']['id']
    assert emulator.api_answer('GET', '/v3/queues/%s/versions' % queue_id)[2] == everything
    # "The queue key is case-sensitive."
    assert emulator.api_answer('GET', '/v3/queues/rel/versions')[0] == 404
    assert emulator.api_answer('GET', '/v3/queues/NOPE/versions')[0] == 404


@pytest.mark.parametrize('body, status', [
    ({'name': '2.0'}, 422),
    ({'queue': 'REL'}, 422),
    ({'queue': 'REL', 'name': '  '}, 422),
    ({'queue': 'NOPE', 'name': '2.0'}, 404),
    ({'queue': 'REL', 'name': '2.0', 'dueDate': '2024.06.03'}, 422),
    ({'queue': 'REL', 'name': '2.0', 'released': True}, 400),
    ({'queue': 'REL', 'name': '2.0', 'archived': True}, 400),
    ({'queue': 'REL', 'name': '1.2'}, 409),
])
def test_a_refused_version_carries_the_tracker_error_shape(emulator, body, status):
    answer_status, dummy, answer = emulator.api_answer('POST', '/v3/versions/', body)

    assert answer_status == status
    assert answer['statusCode'] == status and answer['errorMessages'] and isinstance(answer['errors'], dict)
    assert [version['name'] for version in emulator.api_answer('GET', '/v3/queues/REL/versions')[2]] == ['1.1', '1.2']


@pytest.mark.parametrize('switch, second', [
    ([], 409), (['--duplicate-names', 'refuse'], 409), (['--duplicate-names', 'allow'], 200)])
def test_a_second_version_of_one_name_is_refused_or_taken_as_the_switch_says(start_emulator, switch, second):
    emulator = start_emulator(*switch)
    first = new_version(emulator, name='3.0')
    again = new_version(emulator, name='3.0')
    component = new_component(emulator, name='db')
    component_again = new_component(emulator, name='db')

    assert (first[0], again[0]) == (200, second)
    assert (component[0], component_again[0]) == (201, 201 if second == 200 else 409)
    names = [version['name'] for version in emulator.api_answer('GET', '/v3/queues/REL/versions')[2]]
    assert names.count('3.0') == (2 if second == 200 else 1)
    if second == 200:
        assert again[2]['id'] > first[2]['id']


def test_a_version_is_edited_with_the_version_read_in_the_query_or_if_match(emulator):
    version = new_version(emulator)[2]
    path = '/v3/versions/%d' % version['id']

    status, dummy, edited = emulator.api_answer('PATCH', path + '?version=1', {'description': 'Moved'})
    assert status == 200 and edited['version'] == 2 and edited['description'] == 'Moved'
    assert emulator.api_answer('PATCH', path + '?version=1', {'description': 'Stale'})[0] == 409
    assert emulator.api_answer('PATCH', path, {'name': 'Stale'}, dict(AUTH, **{'If-Match': '"1"'}))[0] == 409
    status, dummy, edited = emulator.api_answer('PATCH', path, {'name': '2.0.1', 'dueDate': '2024-07-01'},
                                                dict(AUTH, **{'If-Match': '"2"'}))
    assert status == 200 and edited['version'] == 3 and (edited['name'], edited['dueDate']) == ('2.0.1', '2024-07-01')
    # An edit that changes nothing leaves the version.
    assert emulator.api_answer('PATCH', path, {'name': '2.0.1'})[2]['version'] == 3
    assert emulator.api_answer('PATCH', path, {'name': '1.2'})[0] == 409  # the queue has a 1.2
    assert emulator.api_answer('PATCH', path, {'queue': 'TEST'})[0] == 400
    assert emulator.api_answer('GET', '/v3/versions/1')[0] == 404
    assert emulator.api_answer('GET', path)[2] == edited


def test_archive_takes_no_body_and_the_version_read(emulator):
    version = new_version(emulator)[2]
    archive = '/v3/versions/%d/_archive' % version['id']

    assert emulator.api_answer('POST', archive, {})[0] == 400
    assert emulator.api_answer('POST', archive, headers=dict(AUTH, **{'If-Match': '"7"'}))[0] == 409
    status, dummy, archived = emulator.api_answer('POST', archive)

    assert status == 200 and archived['archived'] is True and archived['released'] is False
    assert archived['version'] == 2
    assert emulator.api_answer('PATCH', '/v3/versions/%d' % version['id'], {'archived': False})[0] == 400


@pytest.mark.parametrize('reading, by_action, by_patch', [
    ([], 200, 400),
    (['--version-release', 'action'], 200, 400),
    (['--version-release', 'patch'], 404, 200),
    (['--version-release', 'none'], 404, 400),
])
def test_each_reading_of_a_release_takes_its_request_and_refuses_the_others(start_emulator, reading, by_action,
                                                                            by_patch):
    emulator = start_emulator(*reading)
    first, second = new_version(emulator, name='3.0')[2], new_version(emulator, name='3.1')[2]

    action = emulator.api_answer('POST', '/v3/versions/%d/_release' % first['id'])
    patch = emulator.api_answer('PATCH', '/v3/versions/%d' % second['id'], {'released': True})

    assert (action[0], patch[0]) == (by_action, by_patch)
    for status, dummy, answer in (action, patch):
        if status == 200:
            assert answer['released'] is True and answer['version'] == 2
        else:
            assert answer['statusCode'] == status and answer['errorMessages']
    if by_patch == 200:
        assert emulator.api_answer('PATCH', '/v3/versions/%d' % second['id'], {'released': False})[2]['released'] is False


def test_a_new_component_and_every_component_of_the_organization(emulator):
    status, dummy, component = new_component(emulator, description='The database', lead='alice', assignAuto=True)

    assert status == 201
    assert isinstance(component['id'], int) and component['version'] == 1
    assert component['self'] == '%s/v3/components/%d' % (emulator.url, component['id'])
    assert (component['name'], component['description'], component['assignAuto']) == ('db', 'The database', True)
    assert component['lead'] == {'self': '%s/v3/users/%s' % (emulator.url, ALICE_UID), 'id': ALICE_UID,
                                 'display': 'Alice Smith'}
    assert component['queue']['key'] == 'REL'
    status, headers, listed = emulator.api_answer('GET', '/v3/components')
    # The configured ones: backend and frontend in DEMO, TEST and REL.
    assert status == 200 and headers['X-Total-Count'] == '7' and listed[-1] == component
    assert {one['queue']['key'] for one in listed} == {'DEMO', 'TEST', 'REL'}
    assert all(one['assignAuto'] is False and 'lead' not in one for one in listed[:-1])
    assert emulator.api_answer('GET', '/v3/components/%d' % component['id'])[2] == component


@pytest.mark.parametrize('body, status', [
    ({'queue': 'REL'}, 422),
    ({'queue': 'REL', 'name': 'db', 'lead': 'nobody'}, 400),
    ({'queue': 'REL', 'name': 'db', 'assignAuto': 'yes'}, 422),
    ({'queue': 'REL', 'name': 'backend'}, 409),
    ({'queue': 'NOPE', 'name': 'db'}, 404),
])
def test_a_refused_component_carries_the_tracker_error_shape(emulator, body, status):
    answer_status, dummy, answer = emulator.api_answer('POST', '/v3/components', body)

    assert answer_status == status and answer['statusCode'] == status and answer['errorMessages']


def test_a_component_is_edited_with_the_version_read(emulator):
    component = new_component(emulator)[2]
    path = '/v3/components/%d' % component['id']

    status, dummy, edited = emulator.api_answer('PATCH', path + '?version=1', {'assignAuto': True, 'lead': 'bob'})
    stale = emulator.api_answer('PATCH', path + '?version=1', {'name': 'database'})

    assert status == 200 and edited['version'] == 2 and edited['assignAuto'] is True
    assert edited['lead']['display'] == 'Bob Jones'
    assert stale[0] == 409 and stale[2]['statusCode'] == 409
    assert 'lead' not in emulator.api_answer('PATCH', path + '?version=2', {'lead': None})[2]
    assert emulator.api_answer('PATCH', '/v3/components/1', {'name': 'x'})[0] == 404


def test_issues_name_versions_and_components_by_id_or_name_and_show_them_as_objects(emulator):
    version = new_version(emulator)[2]
    component = new_component(emulator)[2]

    status, dummy, issue = emulator.api_answer('POST', '/v3/issues/', {
        'queue': 'REL', 'summary': 'Release 2.0', 'fixVersions': [version['id']], 'affectedVersions': ['1.1'],
        'components': ['backend', {'id': str(component['id'])}]})

    assert status == 201
    assert issue['fixVersions'] == [{'self': '%s/v3/versions/%d' % (emulator.url, version['id']),
                                     'id': str(version['id']), 'display': '2.0'}]
    assert [one['display'] for one in issue['affectedVersions']] == ['1.1']
    assert [one['display'] for one in issue['components']] == ['backend', 'db']
    assert issue['components'][1] == {'self': '%s/v3/components/%d' % (emulator.url, component['id']),
                                      'id': str(component['id']), 'display': 'db'}
    path = '/v3/issues/%s' % issue['key']
    edited = emulator.api_answer('PATCH', path, {'components': {'remove': ['backend'], 'add': ['frontend']},
                                                 'fixVersions': None})[2]
    assert [one['display'] for one in edited['components']] == ['db', 'frontend']
    assert 'fixVersions' not in edited
    found = emulator.api_answer('POST', '/v3/issues/_search', {'filter': {'components': 'db'}})[2]
    assert [one['key'] for one in found] == [issue['key']]


@pytest.mark.parametrize('fields', [
    {'fixVersions': ['9.9']},
    {'fixVersions': [1]},
    {'components': ['nothing']},
])
def test_an_issue_names_only_versions_and_components_of_its_queue(emulator, fields):
    new_version(emulator, queue='TEST', name='9.9')

    status, dummy, answer = emulator.api_answer('POST', '/v3/issues/', dict({'queue': 'REL', 'summary': 'x'}, **fields))

    assert status == 400 and list(answer['errors']) == list(fields)


def test_a_component_that_assigns_automatically_assigns_its_new_issues(emulator):
    new_component(emulator, lead='alice', assignAuto=True)

    assigned = emulator.api_answer('POST', '/v3/issues/', {'queue': 'REL', 'summary': 'x', 'components': ['db']})[2]
    chosen = emulator.api_answer('POST', '/v3/issues/', {'queue': 'REL', 'summary': 'y', 'components': ['db'],
                                                         'assignee': 'bob'})[2]
    unassigned = emulator.api_answer('POST', '/v3/issues/', {'queue': 'REL', 'summary': 'z', 'components': ['backend']})[2]

    assert assigned['assignee']['id'] == ALICE_UID
    assert chosen['assignee']['display'] == 'Bob Jones'
    assert 'assignee' not in unassigned


def test_seeded_versions_and_components_are_there_until_a_reset(emulator):
    versions = emulator.call('POST', '/_emulator/versions', {'versions': [
        {'queue': 'REL', 'name': '0.9', 'released': True, 'archived': True}, {'queue': 'OPS', 'name': '1'}]})
    components = emulator.call('POST', '/_emulator/components', {'components': [{'queue': 'OPS', 'name': 'infra'}]})

    assert versions['added'] == 2 and components['added'] == 1
    old = emulator.api_answer('GET', '/v3/versions/%d' % versions['ids'][0])[2]
    assert (old['released'], old['archived']) == (True, True)
    assert [one['name'] for one in emulator.api_answer('GET', '/v3/queues/OPS/versions')[2]] == ['1']
    assert emulator.api_answer('GET', '/v3/components/%d' % components['ids'][0])[2]['name'] == 'infra'
    emulator.call('POST', '/_emulator/reset')
    assert emulator.api_answer('GET', '/v3/versions/%d' % versions['ids'][0])[0] == 404
    assert [one['name'] for one in emulator.api_answer('GET', '/v3/queues/REL/versions')[2]] == ['1.1', '1.2']
    assert emulator.api_answer('GET', '/v3/components')[1]['X-Total-Count'] == '6'


def test_faults_play_on_versions_and_components_as_on_every_resource(emulator):
    emulator.arm({'kind': 'create_then_500', 'method': 'POST', 'path': '/versions'},
                 {'kind': 'rate_limit', 'retry_after': 3, 'path': '/components'})

    assert new_version(emulator)[0] == 500
    limited = emulator.api_answer('GET', '/v3/components')
    assert limited[0] == 429 and limited[1]['Retry-After'] == '3'
    made = emulator.api_answer('GET', '/v3/queues/REL/versions')[2][-1]
    assert made['name'] == '2.0'
    emulator.arm({'kind': 'concurrent_edit', 'method': 'PATCH', 'path': '/versions/%d' % made['id']})
    assert emulator.api_answer('PATCH', '/v3/versions/%d?version=1' % made['id'], {'description': 'a'})[0] == 409
    assert emulator.api_answer('PATCH', '/v3/versions/%d?version=2' % made['id'], {'description': 'a'})[0] == 200


@pytest.mark.parametrize('method, path, status', [
    ('GET', '/v3/components', 401),
    ('POST', '/v3/versions/', 401),
    ('DELETE', '/v3/versions/49650', 405),
    ('GET', '/v3/versions/nope', 404),
])
def test_errors_carry_the_tracker_error_shape(emulator, method, path, status):
    answer_status, dummy, answer = emulator.api_answer(method, path, {'queue': 'REL', 'name': 'x'},
                                                       headers={} if status == 401 else AUTH)

    assert answer_status == status and answer['statusCode'] == status and answer['errorMessages']


def test_a_queue_is_answered_by_key_or_id_and_an_unknown_one_is_404(emulator):
    status, dummy, queue = emulator.api_answer('GET', '/v3/queues/REL')

    assert status == 200 and queue['key'] == 'REL' and queue['self'] == emulator.url + '/v3/queues/REL'
    assert queue['defaultType']['key'] == 'task' and queue['defaultPriority']['key'] == 'normal'
    assert emulator.api_answer('GET', '/v3/queues/%s' % queue['id'])[2] == queue
    assert emulator.api_answer('GET', '/v3/queues/rel')[0] == 404
    assert emulator.api_answer('GET', '/v3/queues/NOPE')[0] == 404
