# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_issue_link_info: reads every page, names each link as seen from the issue, filters, never writes."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.modules.tracker_issue_link_info import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.issue_link_helpers import (
    ISSUE_LINKS,
    issue_id,
    issue_link,
)
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    API,
    CONNECTION,
    TOKEN,
    module_runner,
    requests_sent,
)

# TEST-1's links, as Tracker answers them on TEST-1: each with the name the diff of tracker_issue_link
# gives it, as seen from TEST-1. Made on TEST-1 or on the other issue, a link shows the same here.
CURRENT = [
    (issue_link(11, key='OPS-3', type_id='depends', direction='outward'), 'depends on'),
    (issue_link(12, key='OPS-4', type_id='depends', direction='inward'), 'is dependent by'),
    (issue_link(13, key='REL-40', type_id='subtask', direction='inward'), 'is subtask for'),
    (issue_link(14, key='REL-41', type_id='subtask', direction='outward'), 'is parent task for'),
    (issue_link(15, key='OPS-3', type_id='relates', direction='inward'), 'relates'),
    (issue_link(16, key='DOC-7', type_id='relates', direction='outward'), 'relates'),
    (issue_link(17, key='OPS-5', type_id='Duplicates', direction='Outward'), 'duplicates'),
    (issue_link(18, key='OPS-6', type_id='duplicates', direction='inward'), 'is duplicated by'),
    (issue_link(19, key='EPIC-1', type_id='epic', direction='inward'), 'has epic'),
    (issue_link(20, key='TEST-9', type_id='epic', direction='outward'), 'is epic of'),
    (issue_link(21, key='OPS-7', type_id='clones', direction='outward'), 'clones'),
]
LINKS = [link for link, dummy in CURRENT]


run = module_runner(main, **dict(CONNECTION, issue='TEST-1'))


def test_each_link_comes_as_the_api_answers_it_with_its_relationship_as_seen_from_the_issue(api):
    api.get(ISSUE_LINKS, json=LINKS)

    result, failed = run()

    assert not failed
    assert result['changed'] is False
    assert [(link['id'], link['relationship']) for link in result['links']] == [
        (link['id'], name) for link, name in CURRENT]
    for found, (link, dummy) in zip(result['links'], CURRENT):
        assert dict((name, value) for name, value in found.items() if name != 'relationship') == link
    assert requests_sent(api) == [('GET', ISSUE_LINKS)]


def test_an_issue_without_links_has_an_empty_list(api):
    api.get(ISSUE_LINKS, json=[])

    result, failed = run()

    assert not failed and result == dict(result, changed=False, links=[])


def test_every_page_is_read_by_link_header(api):
    api.get(ISSUE_LINKS, json=LINKS[:4], headers={'Link': '<%s?page=2&perPage=4>; rel="next"' % ISSUE_LINKS})
    api.get(ISSUE_LINKS + '?page=2&perPage=4', json=LINKS[4:8],
            headers={'Link': '<%s?page=3&perPage=4>; rel="next"' % ISSUE_LINKS})
    api.get(ISSUE_LINKS + '?page=3&perPage=4', json=LINKS[8:])

    result, failed = run()

    assert not failed
    assert [link['id'] for link in result['links']] == [link['id'] for link in LINKS]
    assert requests_sent(api) == [('GET', ISSUE_LINKS), ('GET', ISSUE_LINKS + '?page=2&perPage=4'),
                                  ('GET', ISSUE_LINKS + '?page=3&perPage=4')]


def test_every_page_is_read_by_number_without_link_header(api):
    api.get(ISSUE_LINKS, json=LINKS[:6], headers={'X-Total-Pages': '2'})
    api.get(ISSUE_LINKS + '?page=2', json=LINKS[6:], headers={'X-Total-Pages': '2'})

    result, failed = run(relationship='has epic')

    assert not failed
    assert [link['id'] for link in result['links']] == [19]
    assert requests_sent(api) == [('GET', ISSUE_LINKS), ('GET', ISSUE_LINKS + '?page=2')]


@pytest.mark.parametrize('relationship, expected', [
    ('depends on', [11]),
    ('is dependent by', [12]),
    ('is subtask for', [13]),
    ('is parent task for', [14]),
    ('relates', [15, 16]),
    ('duplicates', [17]),
    ('is duplicated by', [18]),
    ('has epic', [19]),
    ('is epic of', [20]),
    ('  Depends   ON ', [11]),
])
def test_the_relationship_filter_is_seen_from_the_issue(api, relationship, expected):
    api.get(ISSUE_LINKS, json=LINKS)

    result, failed = run(relationship=relationship)

    assert not failed
    assert [link['id'] for link in result['links']] == expected
    assert requests_sent(api) == [('GET', ISSUE_LINKS)]


@pytest.mark.parametrize('linked_issue, expected', [
    ('OPS-3', [11, 15]),
    ('ops-3', [11, 15]),
    (' OPS-3\n', [11, 15]),
    (issue_id('OPS-3'), [11, 15]),
    ('OPS-99', []),
])
def test_the_linked_issue_filter_takes_a_key_in_any_case_or_an_id(api, linked_issue, expected):
    api.get(ISSUE_LINKS, json=LINKS)

    result, failed = run(linked_issue=linked_issue)

    assert not failed
    assert [link['id'] for link in result['links']] == expected


def test_both_filters_together(api):
    api.get(ISSUE_LINKS, json=LINKS)
    api.get(ISSUE_LINKS, json=LINKS)

    depends, dummy = run(linked_issue='OPS-3', relationship='depends on')
    blocks, dummy = run(linked_issue='OPS-3', relationship='is dependent by')

    assert [(link['id'], link['relationship']) for link in depends['links']] == [(11, 'depends on')]
    assert blocks['links'] == []


def test_check_mode_reads_the_same(api):
    api.get(ISSUE_LINKS, json=LINKS)

    result, failed = run(check_mode=True)

    assert not failed and len(result['links']) == len(LINKS)
    assert requests_sent(api) == [('GET', ISSUE_LINKS)]


def test_the_issue_loses_surrounding_whitespace(api):
    api.get(ISSUE_LINKS, json=LINKS[:1])

    result, failed = run(issue=' TEST-1\n')

    assert not failed and [link['id'] for link in result['links']] == [11]


def test_an_unknown_issue_fails_with_the_api_message(api):
    api.get(API + '/issues/NOPE-1/links', status=404,
            json={'errors': {}, 'errorMessages': ['Issue does not exist.'], 'statusCode': 404})

    result, failed = run(issue='NOPE-1')

    assert failed
    assert result['msg'] == ("GET /v3/issues/NOPE-1/links: HTTP 404 Not Found: Issue does not exist."
                             " (check that issue 'NOPE-1' exists and that the token can see it)")
    assert result['status'] == 404
    assert TOKEN not in str(result)


def test_a_rate_limit_is_waited_out_and_said(api, sleeps):
    api.get(ISSUE_LINKS, status=429, headers={'Retry-After': '2'}, json={})
    api.get(ISSUE_LINKS, json=LINKS[:1])

    result, failed = run()

    assert not failed and len(result['links']) == 1
    assert [call.args for call in sleeps.call_args_list] == [(2.0,)]
    assert result['warnings'] == ['Tracker requests were retried 1 times (HTTP 429 x1), waiting 2.0 s in all']


@pytest.mark.parametrize('args, message', [
    ({'relationship': 'blocks'}, "relationship must be one of the names the Tracker reference documents"),
    ({'relationship': 'depends'}, "relationship must be one of the names the Tracker reference documents"),
    ({'relationship': ' '}, "relationship must be one of the names the Tracker reference documents"),
    ({'linked_issue': ''}, 'linked_issue must not be empty'),
    ({'linked_issue': 'TEST-2/links'}, 'linked_issue must be an issue key like QUEUE-123 or an issue id'),
    ({'linked_issue': 'test-1'}, 'linked_issue must be another issue than issue TEST-1'),
    ({'issue': ' '}, 'issue must not be empty'),
    ({'issue': '..'}, 'issue must be an issue key like QUEUE-123 or an issue id'),
    ({'oauth_token': None}, 'one of oauth_token and iam_token is required'),
])
def test_bad_input_fails_before_any_request(no_api, args, message):
    result, failed = run(**args)

    assert failed
    assert message in result['msg']
    assert '\n' not in result['msg']
