# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The emulator's queues answer as the reference says: create-queue.md, get-queue.md, delete-queue.md and
restore-queue.md, with the readings it offers where no page says (an edit of a queue, how its lead is named)."""

import pytest

from conftest import AUTH

ALICE_UID = '1120000000016876'
BODY = {'key': 'DESIGN', 'name': 'Design', 'lead': 'alice', 'defaultType': 'task', 'defaultPriority': 'normal',
        'issueTypesConfig': [{'issueType': 'task', 'workflow': 'oicn', 'resolutions': ['wontFix']}]}


def new_queue(emulator, **body):
    return emulator.api_answer('POST', '/v3/queues/', dict(BODY, **body))


def test_a_new_queue_is_answered_201_as_the_example_of_create_queue(emulator):
    status, dummy, queue = new_queue(emulator)

    assert status == 201
    assert queue['key'] == 'DESIGN' and isinstance(queue['id'], str) and queue['version'] == 1
    assert queue['self'] == emulator.url + '/v3/queues/DESIGN'
    assert queue['lead'] == {'self': emulator.url + '/v3/users/' + ALICE_UID, 'id': ALICE_UID, 'display': 'Alice Smith'}
    assert (queue['defaultType']['key'], queue['defaultPriority']['key']) == ('task', 'normal')
    assert queue['assignAuto'] is False and queue['allowExternals'] is False
    assert 'issueTypesConfig' not in queue


def test_a_queue_is_read_with_what_expand_names(emulator):
    new_queue(emulator)
    emulator.api('POST', '/components/', {'queue': 'DESIGN', 'name': 'icons'})

    plain = emulator.api('GET', '/queues/DESIGN')
    config = emulator.api('GET', '/queues/DESIGN?expand=issueTypesConfig')
    every = emulator.api('GET', '/queues/DESIGN?expand=all')

    assert 'issueTypesConfig' not in plain and plain['denyVoting'] is False
    item, = config['issueTypesConfig']
    assert item['issueType']['key'] == 'task' and item['workflow']['id'] == 'oicn'
    assert [resolution['key'] for resolution in item['resolutions']] == ['wontFix']
    assert [component['display'] for component in every['components']] == ['icons']
    assert every['workflows'] == {'oicn': [config['issueTypesConfig'][0]['issueType']]}
    assert [user['id'] for user in every['teamUsers']] == [ALICE_UID]
    assert emulator.api('GET', '/queues/%s' % plain['id'])['key'] == 'DESIGN'
    assert emulator.api_answer('GET', '/v3/queues/design')[0] == 404


@pytest.mark.parametrize('body, status', [
    (dict(key=None), 422),
    (dict(issueTypesConfig=[]), 422),
    (dict(key='DESIGN-1'), 400),
    (dict(key='ADMIN'), 400),
    (dict(lead='nobody'), 400),
    (dict(defaultType='epic'), 400),
    (dict(issueTypesConfig=[{'issueType': 'task', 'workflow': 'nope'}]), 400),
    (dict(color='red'), 400),
])
def test_a_create_tracker_would_refuse_is_refused(emulator, body, status):
    assert new_queue(emulator, **body)[0] == status
    assert emulator.api_answer('GET', '/v3/queues/DESIGN')[0] == 404


def test_a_key_taken_or_of_a_deleted_queue_is_409_and_restore_brings_the_queue_and_its_issues_back(emulator):
    assert new_queue(emulator, key='TEST')[0] == 409
    assert emulator.api('GET', '/issues/TEST-1')['key'] == 'TEST-1'

    assert emulator.api_answer('DELETE', '/v3/queues/TEST')[0] == 204
    assert emulator.api_answer('GET', '/v3/queues/TEST')[0] == 404
    assert emulator.api_answer('GET', '/v3/issues/TEST-1')[0] == 404
    assert emulator.api('POST', '/issues/_search', {'queue': 'TEST'}) == []
    assert emulator.api_answer('DELETE', '/v3/queues/TEST')[0] == 404
    assert new_queue(emulator, key='TEST')[0] == 409

    status, dummy, restored = emulator.api_answer('POST', '/v3/queues/TEST/_restore')
    assert status == 200 and restored['key'] == 'TEST' and isinstance(restored['id'], int)
    assert emulator.api('GET', '/issues/TEST-1')['key'] == 'TEST-1'
    assert emulator.api_answer('POST', '/v3/queues/TEST/_restore')[0] == 404


def test_an_edit_takes_the_fields_of_a_queue_and_issue_types_only_in_that_reading(emulator, start_emulator):
    new_queue(emulator)
    status, dummy, edited = emulator.api_answer('PATCH', '/v3/queues/DESIGN?version=1',
                                                {'name': 'Product design', 'lead': 'bob', 'defaultPriority': 'minor'})
    assert status == 200 and edited['name'] == 'Product design' and edited['version'] == 2
    assert edited['lead']['display'] == 'Bob Jones' and edited['defaultPriority']['key'] == 'minor'
    assert emulator.api_answer('PATCH', '/v3/queues/DESIGN?version=1', {'name': 'x'})[0] == 409
    assert emulator.api_answer('PATCH', '/v3/queues/DESIGN', {'key': 'DSG'})[0] == 400
    types = {'issueTypesConfig': [{'issueType': 'bug', 'workflow': 'dev', 'resolutions': []}],
             'defaultType': 'bug'}
    status, dummy, refused = emulator.api_answer('PATCH', '/v3/queues/DESIGN', types)
    assert status == 400 and refused['errorMessages'] == ['Field issueTypesConfig cannot be set.']

    taking = start_emulator('--queue-edit', 'types', '--queue-lead', 'login')
    new_queue(taking)
    status, dummy, edited = taking.api_answer('PATCH', '/v3/queues/DESIGN', types)
    assert status == 200 and edited['defaultType']['key'] == 'bug' and edited['lead']['id'] == 'alice'
    config = taking.api('GET', '/queues/DESIGN?expand=issueTypesConfig')['issueTypesConfig']
    assert [item['issueType']['key'] for item in config] == ['bug']


FIELD = {'name': {'en': 'Severity', 'ru': 'Sev'}, 'id': 'severity', 'category': '000000000000000000000002',
         'type': 'ru.yandex.startrek.core.fields.StringFieldType',
         'optionsProvider': {'type': 'FixedListOptionsProvider', 'values': ['S1', 'S2']}}


def test_a_local_field_is_created_200_read_in_one_language_and_edited_as_the_pages_say(emulator):
    status, dummy, created = emulator.api_answer('POST', '/v3/queues/OPS/localFields', dict(FIELD, visible=True))
    assert status == 200 and created['type'] == 'local' and created['key'] == 'severity'
    assert created['id'].endswith('--severity') and 'queue' not in created and 'visible' not in created
    assert created['name'] == 'Sev' and created['schema'] == {'type': 'string', 'required': False}
    assert created['optionsProvider'] == {'type': 'FixedListOptionsProvider', 'needValidation': True,
                                          'values': ['S1', 'S2']}
    english = emulator.api_answer('GET', '/v3/queues/OPS/localFields/severity',
                                  headers=dict(AUTH, **{'Accept-Language': 'en'}))[2]
    assert english['name'] == 'Severity' and english['queue']['key'] == 'OPS'
    assert [item['key'] for item in emulator.api('GET', '/queues/OPS/localFields')] == ['severity']

    assert emulator.api_answer('POST', '/v3/queues/OPS/localFields', FIELD)[0] == 400
    assert emulator.api_answer('POST', '/v3/queues/OPS/localFields', dict(FIELD, id='x', category=None))[0] == 422
    assert emulator.api_answer('POST', '/v3/queues/OPS/localFields', dict(FIELD, id='y', type='Bool'))[0] == 400
    date = dict(FIELD, id='due', type='ru.yandex.startrek.core.fields.DateFieldType')
    assert emulator.api_answer('POST', '/v3/queues/OPS/localFields', date)[0] == 400  # no list of dates

    status, dummy, edited = emulator.api_answer('PATCH', '/v3/queues/OPS/localFields/severity', {
        'readonly': True, 'optionsProvider': {'type': 'FixedListOptionsProvider', 'values': ['S1']}})
    assert status == 200 and edited['readonly'] is True and edited['optionsProvider']['values'] == ['S1']
    assert edited['version'] == 2
    refused = emulator.api_answer('PATCH', '/v3/queues/OPS/localFields/severity',
                                  {'type': 'ru.yandex.startrek.core.fields.IntegerFieldType'})
    assert refused[0] == 400 and refused[2]['errorMessages'] == ['Field type cannot be set.']
    assert emulator.api_answer('GET', '/v3/queues/OPS/localFields/nope')[0] == 404
    assert emulator.api_answer('DELETE', '/v3/queues/OPS/localFields/severity')[0] == 405
