# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The lookup ytracker.tracker.issues: tracker_issue_info's search, every page, limit and fields."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from responses import matchers

from ansible.errors import AnsibleLookupError
from ansible.plugins.loader import lookup_loader

from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import API, CONNECTION

SEARCH = API + '/issues/_search'


@pytest.fixture
def lookup():
    plugin = lookup_loader.get('ytracker.tracker.issues')
    assert plugin is not None
    return plugin


def issues(first, count):
    return [{'key': 'OPS-%d' % number, 'summary': 'Issue %d' % number, 'status': {'key': 'open'}}
            for number in range(first, first + count)]


def test_every_page_in_the_order_of_the_search(lookup, api):
    query = 'Queue: OPS "Sort by": Key DESC'
    api.post(SEARCH, json=issues(1, 2), headers={'X-Total-Pages': '2'},
             match=[matchers.json_params_matcher({'query': query}),
                    matchers.query_param_matcher({'perPage': '50'})])
    api.post(SEARCH, json=issues(3, 1), match=[matchers.query_param_matcher({'page': '2', 'perPage': '50'})])

    found = lookup.run([], variables={}, query=query, **CONNECTION)

    assert [item['key'] for item in found] == ['OPS-1', 'OPS-2', 'OPS-3']


def test_a_filter_with_order_a_limit_and_fields(lookup, api):
    api.post(SEARCH, json=issues(1, 2), headers={'X-Total-Pages': '5', 'X-Total-Count': '10'},
             match=[matchers.json_params_matcher({'filter': {'queue': 'OPS', 'tags': ['a']}, 'order': '-updated'}),
                    matchers.query_param_matcher({'perPage': '2'})])

    found = lookup.run([], variables={}, filter={'queue': 'OPS', 'tags': ['a']}, order='-updated', limit=2,
                       fields=['key', 'status', 'absent'], **CONNECTION)

    assert found == [{'key': 'OPS-1', 'status': {'key': 'open'}}, {'key': 'OPS-2', 'status': {'key': 'open'}}]


def test_a_queue(lookup, api):
    api.post(SEARCH, json=[], match=[matchers.json_params_matcher({'queue': 'OPS'})])

    assert lookup.run([], variables={}, queue='OPS', **CONNECTION) == []


@pytest.mark.parametrize('options, message', [
    ({}, 'exactly one of query, filter, queue is required, got none'),
    (dict(query='Queue: OPS', queue='OPS'), 'exactly one of query, filter, queue is required, got query, queue'),
    (dict(queue='OPS', order='key'), 'order works with filter only: with query, sort inside it ("Sort by")'),
    (dict(query=' '), 'query must not be empty'),
    (dict(filter={}), 'filter must name at least one field'),
    (dict(queue='OPS', limit=0), 'limit must be 1 or more'),
])
def test_what_the_search_cannot_take_fails_before_any_request(lookup, no_api, options, message):
    with pytest.raises(AnsibleLookupError) as failed:
        lookup.run([], variables={}, **dict(CONNECTION, **options))

    assert str(failed.value) == message


def test_terms_are_refused(lookup, no_api):
    with pytest.raises(AnsibleLookupError) as failed:
        lookup.run(['Queue: OPS'], variables={}, **CONNECTION)

    assert str(failed.value) == 'takes no terms: give query=, filter= or queue='


def test_a_failed_search_is_one_line(lookup, api):
    api.post(SEARCH, status=400, json={'errorMessages': ['Bad query.'], 'statusCode': 400})

    with pytest.raises(AnsibleLookupError) as failed:
        lookup.run([], variables={}, query='Queue:', **CONNECTION)

    assert str(failed.value).startswith('POST /v3/issues/_search')
    assert 'HTTP 400' in str(failed.value) and 'Bad query.' in str(failed.value) and '\n' not in str(failed.value)
