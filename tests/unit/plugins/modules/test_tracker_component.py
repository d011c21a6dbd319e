# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_component, scenario by scenario: the exact requests sent and the result."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest
from responses import matchers

from ansible_collections.ytracker.tracker.plugins.modules.tracker_component import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    API,
    CONNECTION,
    TOKEN,
    module_runner,
    requests_sent,
)

COMPONENTS = API + '/components'
QUEUE = API + '/queues/REL'
ALICE = '1120000000016876'
BOB = '1120000000049224'
USERS = {'alice': dict(uid=int(ALICE), login='alice', display='Alice Smith', passportUid=1130000000016876),
         'bob': dict(uid=int(BOB), login='bob', display='Bob Jones', passportUid=1130000000049224)}
run = module_runner(main, queue='REL', name='backend', **CONNECTION)


def component(component_id, name='backend', number=1, queue='REL', lead=None, **fields):
    found = dict(dict(self='%s/components/%s' % (API, component_id), id=component_id, version=number,
                      queue={'self': API + '/queues/' + queue, 'id': '3', 'key': queue, 'display': queue},
                      name=name, assignAuto=False), **fields)
    if lead:
        found['lead'] = {'self': '%s/users/%s' % (API, lead), 'id': lead, 'display': 'Someone'}
    return found


def user(api, login):
    api.get(API + '/users/' + login, json=USERS[login])


def test_creates_a_missing_component_then_reads_once(api):
    api.get(COMPONENTS, json=[component(1, 'frontend'), component(2, queue='TEST')])
    api.post(COMPONENTS, status=201, json=component(3, description='d', lead=ALICE, assignAuto=True),
             match=[matchers.json_params_matcher({'queue': 'REL', 'name': 'backend', 'description': 'd',
                                                  'lead': 'alice', 'assignAuto': True})])
    api.get(COMPONENTS, json=[component(1, 'frontend'), component(2, queue='TEST'),
                              component(3, description='d', lead=ALICE, assignAuto=True)])

    result, failed = run(description='d', lead='alice', assign_auto=True, diff=True)

    assert not failed and result['changed'] is True and result['component']['id'] == 3
    assert result['diff'] == {'before': '', 'after': 'name: backend\ndescription: d\nlead: alice\nassign_auto: true\n'}
    assert requests_sent(api, query=False) == [('GET', COMPONENTS), ('POST', COMPONENTS), ('GET', COMPONENTS)]
    assert 'warnings' not in result


def test_a_right_component_costs_one_read(api):
    api.get(COMPONENTS, json=[component(2, description='d', lead=ALICE, assignAuto=True),
                              component(7, queue='TEST')])

    result, failed = run(description='d', lead=ALICE, assign_auto=True)

    assert not failed and result['changed'] is False and result['component']['id'] == 2
    assert requests_sent(api, query=False) == [('GET', COMPONENTS)]


def test_every_page_of_the_organisations_components_is_read_once(api):
    page = [component(number, 'c%d' % number, queue='TEST') for number in range(1, 51)]
    api.get(COMPONENTS, json=page, headers={'X-Total-Pages': '2'})
    api.get(COMPONENTS, json=[component(51, description='d')],
            match=[matchers.query_param_matcher({'page': '2'})])

    result, failed = run(description='d')

    assert not failed and result['changed'] is False and result['component']['id'] == 51
    assert len(api.calls) == 2


def test_fields_that_differ_are_edited_in_one_patch_naming_the_version_read(api):
    api.get(COMPONENTS, json=[component(2, number=4, description='old', lead=ALICE)])
    user(api, 'bob')
    api.patch(COMPONENTS + '/2', json=component(2, number=5, description='new', lead=BOB, assignAuto=True),
              match=[matchers.json_params_matcher({'description': 'new', 'lead': 'bob', 'assignAuto': True}),
                     matchers.query_param_matcher({'version': '4'})])

    result, failed = run(description='new', lead='bob', assign_auto=True, diff=True)

    assert not failed and result['changed'] is True and result['component']['version'] == 5
    assert requests_sent(api) == [('GET', COMPONENTS), ('GET', API + '/users/bob'),
                                  ('PATCH', COMPONENTS + '/2?version=4')]
    assert result['diff'] == {'before': 'name: backend\ndescription: old\nlead: %s\nassign_auto: false\n' % ALICE,
                              'after': 'name: backend\ndescription: new\nlead: bob\nassign_auto: true\n'}


def test_the_lead_is_looked_up_once_and_compared_by_uid(api):
    api.get(COMPONENTS, json=[component(2, lead=ALICE)])
    user(api, 'alice')

    result, failed = run(lead='alice', diff=True)

    assert not failed and result['changed'] is False
    assert requests_sent(api, query=False) == [('GET', COMPONENTS), ('GET', API + '/users/alice')]
    assert result['diff']['before'] == result['diff']['after'] == 'name: backend\nlead: alice\nassign_auto: false\n'


def test_a_lead_cleared_is_sent_as_null(api):
    api.get(COMPONENTS, json=[component(2, lead=ALICE)])
    api.patch(COMPONENTS + '/2', json=component(2, number=2), match=[matchers.json_params_matcher({'lead': None})])

    result, failed = run(lead='')

    assert not failed and result['changed'] is True and 'lead' not in result['component']
    assert json.loads(api.calls[1].request.body) == {'lead': None}


def test_a_stale_edit_is_read_and_planned_again(api):
    api.get(COMPONENTS, json=[component(2, number=4, description='old')])
    api.patch(COMPONENTS + '/2', status=409, json={'errorMessages': ['changed'], 'statusCode': 409},
              match=[matchers.query_param_matcher({'version': '4'})])
    api.get(COMPONENTS, json=[component(2, number=5, description='old', assignAuto=True)])
    api.patch(COMPONENTS + '/2', json=component(2, number=6, description='new', assignAuto=True),
              match=[matchers.query_param_matcher({'version': '5'}),
                     matchers.json_params_matcher({'description': 'new'})])

    result, failed = run(description='new')

    assert not failed and result['changed'] is True and result['component']['version'] == 6
    assert requests_sent(api, query=False) == [('GET', COMPONENTS), ('PATCH', COMPONENTS + '/2'),
                                               ('GET', COMPONENTS), ('PATCH', COMPONENTS + '/2')]


def test_check_mode_sends_only_reads_and_predicts(api):
    api.get(COMPONENTS, json=[component(2, description='old', lead=ALICE)])
    user(api, 'bob')

    result, failed = run(check_mode=True, diff=True, description='new', lead='bob')

    assert not failed and result['changed'] is True
    assert result['diff']['after'] == 'name: backend\ndescription: new\nlead: bob\nassign_auto: false\n'
    assert [method for method, dummy in requests_sent(api)] == ['GET', 'GET']


@pytest.mark.parametrize('components', [[], [component(2)]])
def test_check_mode_fails_as_the_real_run_would_on_a_lead_tracker_does_not_know(api, components):
    # A new component, or one without a lead: comparing needs no lookup, but a real run would send
    # the login and be refused, so check mode looks it up.
    api.get(COMPONENTS, json=components)
    if not components:
        api.get(QUEUE, json={'key': 'REL'})
    api.get(API + '/users/nobody', status=404, json={'errorMessages': ['User not found.'], 'statusCode': 404})

    result, failed = run(check_mode=True, lead='nobody')

    assert failed and "no user 'nobody' in the organisation" in result['msg'] and result['changed'] is False
    assert [url for dummy, url in requests_sent(api, query=False)][-1] == API + '/users/nobody'


def test_check_mode_of_a_missing_component_reports_none(api):
    api.get(COMPONENTS, json=[])
    api.get(QUEUE, json={'key': 'REL'})

    result, failed = run(check_mode=True, diff=True)

    assert not failed and result['changed'] is True and result['component'] is None
    assert result['diff'] == {'before': '', 'after': 'name: backend\nassign_auto: false\n'}
    # The list is the organisation's: check mode reads the queue a real run would create in.
    assert requests_sent(api, query=False) == [('GET', COMPONENTS), ('GET', QUEUE)]


def test_check_mode_fails_on_a_queue_tracker_does_not_have(api):
    api.get(COMPONENTS, json=[component(1, queue='TEST')])
    api.get(QUEUE, status=404, json={'errorMessages': ['Queue does not exist.'], 'statusCode': 404})

    result, failed = run(check_mode=True)

    assert failed and 'HTTP 404' in result['msg'] and "check that queue 'REL' exists" in result['msg']


def test_twins_are_kept_the_lowest_id_managed_with_a_warning(api, capsys):
    api.get(COMPONENTS, json=[])
    api.post(COMPONENTS, status=201, json=component(7))
    api.get(COMPONENTS, json=[component(5), component(7)])

    result, failed = run()

    assert not failed and result['component']['id'] == 5
    assert requests_sent(api, query=False) == [('GET', COMPONENTS), ('POST', COMPONENTS), ('GET', COMPONENTS)]
    # In the result, or (when an earlier test of this process has printed Ansible's warnings) on stderr.
    warned = result.get('warnings', []) + [capsys.readouterr().err]
    assert any('queue REL has more than one component named backend; this task manages the one with the lowest id'
               ' (5) and leaves the others (7)' in warning for warning in warned)


def test_a_create_refused_as_a_twin_finds_the_other_runs_component(api):
    api.get(COMPONENTS, json=[])
    api.post(COMPONENTS, status=409, json={'errorMessages': ['The queue REL has a component named backend already.']})
    api.get(COMPONENTS, json=[component(5)])

    result, failed = run()

    assert not failed and result['changed'] is True and result['component']['id'] == 5
    assert requests_sent(api, query=False) == [('GET', COMPONENTS), ('POST', COMPONENTS), ('GET', COMPONENTS)]


@pytest.mark.parametrize('args, message', [
    (dict(state='absent'), 'state=absent: Tracker offers no way to delete a component through its API;'
                           ' remove it in Tracker itself'),
    (dict(name=' '), 'name must not be empty: it identifies the component within the queue'),
    (dict(name='back\nend'), 'name must be one line'),
    (dict(queue=' '), "queue must be a queue key like REL, got ''"),
    (dict(queue='REL/2'), "queue must be a queue key like REL, got 'REL/2'"),
])
def test_bad_input_fails_in_one_line_before_any_request(api, args, message):
    result, failed = run(**args)

    assert failed and result['msg'] == message
    assert requests_sent(api) == []


def test_an_api_error_keeps_its_status_request_and_message_and_never_the_token(api):
    api.get(COMPONENTS, json=[])
    api.post(COMPONENTS, status=422, json={'errorMessages': ['Validation failed.'], 'errors': {'lead': 'Unknown user.'},
                                           'statusCode': 422})

    result, failed = run(lead='nobody')

    assert failed and result['changed'] is False
    assert 'POST' in result['msg'] and '/components' in result['msg'] and '422' in result['msg']
    assert 'Unknown user.' in result['msg']
    assert TOKEN not in json.dumps(result)


def test_a_lead_that_is_no_user_fails_with_the_hint(api):
    api.get(COMPONENTS, json=[component(2, lead=ALICE)])
    api.get(API + '/users/nobody', status=404, json={'errorMessages': ['User not found.'], 'statusCode': 404})

    result, failed = run(lead='nobody')

    assert failed and "no user 'nobody' in the organisation" in result['msg']
    assert requests_sent(api, query=False) == [('GET', COMPONENTS), ('GET', API + '/users/nobody')]


def test_a_plan_made_again_after_a_conflict_looks_the_lead_up_no_more(api):
    api.get(COMPONENTS, json=[component(2, number=1, lead=ALICE)])
    user(api, 'alice')
    api.patch(COMPONENTS + '/2', status=409, json={'errorMessages': ['changed'], 'statusCode': 409})
    api.get(COMPONENTS, json=[component(2, number=2, lead=ALICE)])
    api.patch(COMPONENTS + '/2', json=component(2, number=3, lead=ALICE, description='new'),
              match=[matchers.json_params_matcher({'description': 'new'}), matchers.query_param_matcher({'version': '2'})])

    result, failed = run(lead='alice', description='new')

    assert not failed and result['component']['version'] == 3
    assert requests_sent(api, query=False) == [('GET', COMPONENTS), ('GET', API + '/users/alice'),
                                               ('PATCH', COMPONENTS + '/2'), ('GET', COMPONENTS),
                                               ('PATCH', COMPONENTS + '/2')]
