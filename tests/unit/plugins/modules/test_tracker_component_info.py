# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_component_info: one read of the organisation's components, those of the queue kept."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest
from responses import matchers

from ansible_collections.ytracker.tracker.plugins.modules.tracker_component_info import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    API,
    CONNECTION,
    TOKEN,
    module_runner,
    requests_sent,
)

COMPONENTS = API + '/components'
run = module_runner(main, queue='REL', **CONNECTION)


def component(component_id, name='backend', queue='REL'):
    return dict(self='%s/components/%s' % (API, component_id), id=component_id, version=1, name=name,
                queue={'key': queue, 'id': '3', 'display': queue}, assignAuto=False)


def test_the_queues_components_in_id_order_from_every_page(api):
    first = [component(number, 'c%d' % number, queue='TEST') for number in range(10, 58)] + [
        component(9, 'frontend'), component(3, 'backend')]
    api.get(COMPONENTS, json=first, headers={'X-Total-Pages': '2'})
    api.get(COMPONENTS, json=[component(1, 'db')], match=[matchers.query_param_matcher({'page': '2'})])

    result, failed = run()

    assert not failed and result['changed'] is False
    assert [item['id'] for item in result['components']] == [1, 3, 9]
    assert len(api.calls) == 2


def test_a_name_keeps_only_the_components_of_that_name_trimmed(api):
    api.get(COMPONENTS, json=[component(9, ' backend'), component(3, 'frontend'), component(4, 'backend', 'TEST')])

    result, failed = run(name='backend ')

    assert not failed and [item['id'] for item in result['components']] == [9]
    assert requests_sent(api, query=False) == [('GET', COMPONENTS)]


def test_check_mode_reads_the_same(api):
    api.get(COMPONENTS, json=[component(3)])

    result, failed = run(check_mode=True)

    assert not failed and result['changed'] is False and result['components'] == [component(3)]


@pytest.mark.parametrize('args, message', [
    (dict(queue=''), "queue must be a queue key like REL, got ''"),
    (dict(name='  '), 'name must not be empty: it identifies the component within the queue'),
])
def test_bad_input_fails_before_any_request(api, args, message):
    result, failed = run(**args)

    assert failed and result['msg'] == message
    assert requests_sent(api) == []


def test_an_api_error_is_reported_without_the_token(api):
    api.get(COMPONENTS, status=403, json={'errorMessages': ['Access denied.'], 'statusCode': 403})

    result, failed = run()

    assert failed and '403' in result['msg'] and 'Access denied.' in result['msg'] and 'GET' in result['msg']
    assert TOKEN not in json.dumps(result)


def test_a_queue_with_no_component_is_read_to_tell_it_exists(api):
    api.get(COMPONENTS, json=[component(4, 'backend', 'TEST')])
    api.get(API + '/queues/REL', json={'key': 'REL', 'id': '3'})

    result, failed = run()

    assert not failed and result['components'] == []
    assert requests_sent(api, query=False) == [('GET', COMPONENTS), ('GET', API + '/queues/REL')]


def test_a_queue_tracker_does_not_have_fails_rather_than_listing_nothing(api):
    api.get(COMPONENTS, json=[component(4, 'backend', 'TEST')])
    api.get(API + '/queues/REL', status=404, json={'errorMessages': ['Queue does not exist.'], 'statusCode': 404})

    result, failed = run()

    assert failed and result['status'] == 404 and "check that queue 'REL' exists" in result['msg']
