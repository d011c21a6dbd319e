# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_version_info: one read of every page, filtered by name and status, nothing written."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.modules.tracker_version_info import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    API,
    CONNECTION,
    TOKEN,
    module_runner,
    requests_sent,
)

LIST = API + '/queues/REL/versions'
run = module_runner(main, queue='REL', **CONNECTION)


def version(version_id, name, released=False, archived=False):
    return dict(self='%s/versions/%s' % (API, version_id), id=version_id, version=1, queue={'key': 'REL'},
                name=name, released=released, archived=archived)


QUEUE = [version(7, '2.0'), version(3, '1.1', released=True, archived=True), version(5, '1.2', released=True),
         version(9, ' 2.0 ')]


def test_every_page_is_read_once_and_listed_oldest_first(api):
    api.get(LIST, json=QUEUE[:2], headers={'X-Total-Pages': '2'})
    api.get(LIST, json=QUEUE[2:], headers={'X-Total-Pages': '2'})

    result, failed = run()

    assert not failed and result['changed'] is False
    assert [item['id'] for item in result['versions']] == [3, 5, 7, 9]
    assert [method for method, dummy in requests_sent(api)] == ['GET', 'GET']
    assert TOKEN not in repr(result)


@pytest.mark.parametrize('filters, ids', [
    (dict(name='2.0'), [7, 9]),
    (dict(name=' 1.2'), [5]),
    (dict(name='3.0'), []),
    (dict(released=True), [3, 5]),
    (dict(released=False), [7, 9]),
    (dict(released=True, archived=False), [5]),
    (dict(archived=True), [3]),
])
def test_versions_are_filtered_by_name_and_status(api, filters, ids):
    api.get(LIST, json=QUEUE)

    result, failed = run(**filters)

    assert not failed and [item['id'] for item in result['versions']] == ids


def test_check_mode_reads_the_same(api):
    api.get(LIST, json=QUEUE)

    result, failed = run(check_mode=True, name='1.1')

    assert not failed and [item['id'] for item in result['versions']] == [3]


def test_a_missing_queue_fails_with_the_status_and_a_hint(api):
    api.get(LIST, status=404, json={'errorMessages': ['Queue does not exist.'], 'statusCode': 404})

    result, failed = run()

    assert failed and 'HTTP 404' in result['msg'] and 'Queue does not exist.' in result['msg']
    assert "check that queue 'REL' exists" in result['msg']


@pytest.mark.parametrize('arguments, message', [
    (dict(queue=' '), "queue must be a queue key like REL, got ''"),
    (dict(queue='REL-1'), "queue must be a queue key like REL, got 'REL-1'"),
    (dict(name='  '), 'name must not be empty: it identifies the version within the queue'),
])
def test_bad_input_fails_before_any_request(no_api, arguments, message):
    result, failed = run(**arguments)

    assert failed and result['msg'] == message
