# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_issue_info: one issue, or every page of a search; scrolling past 10,000 results."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from responses import matchers

from ansible_collections.ytracker.tracker.plugins.modules.tracker_issue_info import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import API, CONNECTION, module_runner

SEARCH = API + '/issues/_search'


def issues(first, count):
    return [{'key': 'OPS-%d' % number, 'id': '%024x' % number} for number in range(first, first + count)]


run = module_runner(main, **CONNECTION)


def keys(result):
    return [issue['key'] for issue in result['issues']]


def test_one_issue_by_key_and_a_failure_when_it_does_not_exist(api):
    # As every module does for an issue a task names; a search (keys) answers what it finds.
    api.get(API + '/issues/OPS-1', json=issues(1, 1)[0])
    api.get(API + '/issues/OPS-9', status=404, json={'errors': {}, 'errorMessages': ['No.'], 'statusCode': 404})

    found, failed = run(key='OPS-1')
    missing, missing_failed = run(key='ops-9')

    assert not failed and keys(found) == ['OPS-1'] and found['changed'] is False
    assert missing_failed and missing['status'] == 404
    assert missing['msg'] == ("GET /v3/issues/OPS-9: HTTP 404 Not Found: No. (check that issue 'OPS-9' exists and"
                              " that the token can see it)")


def test_every_page_by_link_or_by_number(api):
    api.post(SEARCH, json=issues(1, 2), headers={'Link': '<%s?page=2&perPage=2>; rel="next"' % SEARCH},
             match=[matchers.json_params_matcher({'queue': 'OPS'})])
    api.post(SEARCH, json=issues(3, 2), headers={'X-Total-Pages': '3'},
             match=[matchers.json_params_matcher({'queue': 'OPS'}),
                    matchers.query_param_matcher({'page': '2', 'perPage': '2'})])
    api.post(SEARCH, json=issues(5, 1), match=[matchers.query_param_matcher({'page': '3', 'perPage': '50'})])

    result, failed = run(queue='OPS')

    assert not failed and keys(result) == ['OPS-%d' % number for number in range(1, 6)]


def test_a_limit_reads_no_more_pages_than_needed(api):
    api.post(SEARCH, json=issues(1, 3), headers={'X-Total-Pages': '9', 'X-Total-Count': '27'},
             match=[matchers.query_param_matcher({'perPage': '3'}),
                    matchers.json_params_matcher({'filter': {'queue': 'OPS'}, 'order': '-updated'})])

    result, dummy = run(filter={'queue': 'OPS'}, order='-updated', limit=3)

    assert keys(result) == ['OPS-1', 'OPS-2', 'OPS-3']


def test_past_10000_results_a_filter_search_scrolls(api):
    body = [matchers.json_params_matcher({'query': 'Queue: OPS'})]
    next_scroll = [matchers.query_param_matcher({'scrollId': 'abc', 'scrollTTLMillis': '60000'})]
    api.post(SEARCH, json=issues(1, 50), headers={'X-Total-Count': '10002', 'X-Total-Pages': '201'}, match=body)
    api.post(SEARCH, json=issues(1, 1000), headers={'X-Total-Count': '10002', 'X-Scroll-Id': 'abc'},
             match=body + [matchers.query_param_matcher({'scrollType': 'sorted', 'perScroll': '1000',
                                                         'scrollTTLMillis': '60000'})])
    for first in range(1001, 10001, 1000):
        api.post(SEARCH, json=issues(first, 1000), headers={'X-Scroll-Id': 'abc'}, match=next_scroll)
    api.post(SEARCH, json=issues(10001, 2), match=next_scroll)

    result, failed = run(query='Queue: OPS')

    assert not failed and len(result['issues']) == 10002 and keys(result)[-1] == 'OPS-10002'


def test_past_10000_results_a_queue_search_fails_saying_why(api):
    api.post(SEARCH, json=issues(1, 50), headers={'X-Total-Count': '12000', 'X-Total-Pages': '240'})

    result, failed = run(queue='OPS')

    assert failed
    assert result['msg'] == ('POST /v3/issues/_search?perPage=50: 12000 issues match, more than the 10000 that'
                             ' Tracker pages through, and it scrolls only a search by filter or query: search by one'
                             ' of them, or set a limit')


@pytest.mark.parametrize('args, message', [
    (dict(queue='OPS', order='-updated'), 'order works with filter only'),
    (dict(queue='OPS', limit=0), 'limit must be 1 or more'),
    (dict(keys=[' ']), 'keys must name at least one issue'),
    (dict(filter={}), 'filter must name at least one field'),
    (dict(key='OPS 1'), 'key must be an issue key'),
    (dict(queue='OPS', query='Queue: OPS'), 'parameters are mutually exclusive'),
    (dict(), 'one of the following is required'),
])
def test_bad_input_fails_before_any_request(no_api, args, message):
    result, failed = run(**args)

    assert failed and message in result['msg']
