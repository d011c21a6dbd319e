# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The pure plan of a queue's components, and what components and versions share."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._components import (
    WantedComponent,
    create_body,
    describe,
    describe_wanted,
    edits,
    lead_to_resolve,
    plan_component,
    wanted_component,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import check_queue, of_name, twins_warning

ALICE = '1120000000016876'
ALICE_IDS = {'alice': set([ALICE, 'alice'])}


def params(**overrides):
    return dict(dict(queue='REL', name='backend', description=None, lead=None, assign_auto=None, state='present'),
                **overrides)


def component(component_id, name='backend', lead=None, **fields):
    found = dict(dict(id=component_id, version=1, name=name, queue={'key': 'REL'}, assignAuto=False), **fields)
    if lead:
        found['lead'] = {'self': 'https://api.tracker.yandex.net/v3/users/%s' % lead, 'id': lead, 'display': 'Someone'}
    return found


def test_the_wanted_component_is_trimmed_and_holds_only_the_fields_given():
    assert wanted_component(params(name=' backend ', assign_auto=False, lead=' alice ')) == WantedComponent(
        'backend', {'assignAuto': False}, 'alice')
    assert wanted_component(params(lead='')).lead == ''
    assert wanted_component(params()).lead is None


@pytest.mark.parametrize('overrides, message', [
    (dict(state='absent'), 'state=absent: Tracker offers no way to delete a component through its API;'
                           ' remove it in Tracker itself'),
    (dict(name='  '), 'name must not be empty: it identifies the component within the queue'),
    (dict(name='back\nend'), 'name must be one line'),
    (dict(lead='alice bob'), "lead must be a login or a uid, got 'alice bob'"),
])
def test_bad_input_is_refused_in_one_line(overrides, message):
    with pytest.raises(ValueError) as info:
        wanted_component(params(**overrides))
    assert str(info.value) == message


@pytest.mark.parametrize('queue', ['', 'REL/1', 'rel 2', None])
def test_a_bad_queue_is_refused(queue):
    with pytest.raises(ValueError, match='queue must be a queue key'):
        check_queue(queue)


def test_a_missing_component_is_created_with_its_lead_by_name():
    wanted = wanted_component(params(lead='alice', assign_auto=True))
    assert plan_component(wanted, [component(1, 'frontend')], {}).to_create == [wanted]
    assert create_body('REL', wanted) == {'queue': 'REL', 'name': 'backend', 'lead': 'alice', 'assignAuto': True}
    assert create_body('REL', wanted_component(params(lead=''))) == {'queue': 'REL', 'name': 'backend'}


def test_a_right_component_is_kept_and_twins_go_to_the_lowest_id():
    plan = plan_component(wanted_component(params(description='d')), [component(9, description='x'),
                                                                      component(3, description='d')], {})
    assert plan.kept == [component(3, description='d')] and not plan.to_update and not plan.to_create


def test_fields_that_differ_are_updated_as_the_whole_component():
    current = component(3, description='old', lead=ALICE)
    plan = plan_component(wanted_component(params(description='new', assign_auto=True)), [current], {})
    [(found, after)] = plan.to_update
    assert found is current
    assert edits(current, after, {}) == {'description': 'new', 'assignAuto': True}
    assert after == WantedComponent('backend', {'description': 'new', 'assignAuto': True}, ALICE)


def test_the_lead_is_compared_by_the_ids_of_the_user():
    current = component(3, lead=ALICE)
    assert edits(current, wanted_component(params(lead='alice')), ALICE_IDS) == {}
    assert edits(current, wanted_component(params(lead=ALICE)), {}) == {}
    assert edits(current, wanted_component(params(lead='bob')), {'bob': set(['1120000000049224'])}) == {'lead': 'bob'}
    assert edits(current, wanted_component(params(lead='')), {}) == {'lead': None}
    assert edits(component(3), wanted_component(params(lead='')), {}) == {}
    assert edits(component(3), wanted_component(params(lead='alice')), {}) == {'lead': 'alice'}


def test_a_login_is_looked_up_only_when_the_lead_shown_is_not_named_by_it():
    shown = [component(3, lead=ALICE)]
    assert lead_to_resolve(wanted_component(params(lead='alice')), shown) == 'alice'
    assert lead_to_resolve(wanted_component(params(lead=ALICE)), shown) is None
    assert lead_to_resolve(wanted_component(params(lead='alice')), [component(3)]) is None
    assert lead_to_resolve(wanted_component(params(lead='alice')), []) is None
    assert lead_to_resolve(wanted_component(params(lead='')), shown) is None
    assert lead_to_resolve(wanted_component(params()), shown) is None


def test_the_diff_names_the_lead_as_the_task_does_when_that_is_who_it_is():
    current = component(3, description='d', lead=ALICE, assignAuto=True)
    assert describe(current, 'alice', ALICE_IDS) == 'name: backend\ndescription: d\nlead: alice\nassign_auto: true'
    assert describe(current, 'bob', ALICE_IDS) == 'name: backend\ndescription: d\nlead: %s\nassign_auto: true' % ALICE
    assert describe(component(3), None, {}) == 'name: backend\nassign_auto: false'
    assert describe_wanted(wanted_component(params(lead='bob'))) == 'name: backend\nlead: bob\nassign_auto: false'


def test_the_info_filter_is_by_trimmed_name_and_in_id_order():
    found = [component(9, 'backend'), component(2, ' backend '), component(5, 'frontend')]
    assert [item['id'] for item in of_name(found, None)] == [2, 5, 9]
    assert [item['id'] for item in of_name(found, 'backend')] == [2, 9]
    assert of_name(found, 'db') == []


def test_the_twin_warning_names_the_others_in_id_order_once():
    kept = component(3)
    assert twins_warning('REL', 'component', 'backend', kept, [kept], 'rename them') is None
    assert twins_warning('REL', 'component', 'backend', kept, [component(12), component(4), component(12)],
                         'rename them') == (
        'queue REL has more than one component named backend; this task manages the one with the lowest id (3) and'
        ' leaves the others (4, 12) as they are: components cannot be deleted through the API, rename them')
