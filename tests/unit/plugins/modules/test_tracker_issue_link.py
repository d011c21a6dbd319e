# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_issue_link, scenario by scenario: the exact requests sent and the result."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest
import requests
from responses import matchers

from ansible_collections.ytracker.tracker.plugins.modules.tracker_issue_link import main
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

ONE = dict(CONNECTION, issue='TEST-1', linked_issue='TEST-2', relationship='depends on')
DEPENDS = dict(type_id='depends', direction='outward')
CREATE_BODY = {'relationship': 'depends on', 'issue': 'TEST-2'}


run = module_runner(main, **ONE)


# present

def test_creates_a_missing_link_with_a_read_a_post_and_a_read_after(api):
    api.get(ISSUE_LINKS, json=[issue_link(1, key='TEST-3')])
    api.post(ISSUE_LINKS, status=201, json=issue_link(2, **DEPENDS),
             match=[matchers.json_params_matcher(CREATE_BODY)])
    api.get(ISSUE_LINKS, json=[issue_link(1, key='TEST-3'), issue_link(2, **DEPENDS)])

    result, failed = run()

    assert not failed
    assert result['changed'] is True
    assert result['link']['id'] == 2
    assert result['removed'] == []
    assert requests_sent(api) == [('GET', ISSUE_LINKS), ('POST', ISSUE_LINKS), ('GET', ISSUE_LINKS)]


def test_an_existing_link_changes_nothing_with_a_single_request(api):
    api.get(ISSUE_LINKS, json=[issue_link(7, **DEPENDS)])

    result, failed = run()

    assert not failed
    assert result['changed'] is False
    assert result['link']['id'] == 7
    assert requests_sent(api) == [('GET', ISSUE_LINKS)]


def test_the_link_made_from_the_other_issue_is_found(api):
    """TEST-2 'is dependent by' TEST-1, made on TEST-2, shows on TEST-1 as depends, outward."""
    api.get(ISSUE_LINKS, json=[issue_link(7, type_id='depends', direction='outward')])

    result, dummy = run(relationship='  Depends   ON ')

    assert result['changed'] is False and result['link']['id'] == 7


def test_the_opposite_direction_is_another_link(api):
    api.get(ISSUE_LINKS, json=[issue_link(7, type_id='depends', direction='inward')])
    api.post(ISSUE_LINKS, status=201, json=issue_link(8, **DEPENDS), match=[matchers.json_params_matcher(CREATE_BODY)])
    api.get(ISSUE_LINKS, json=[issue_link(7, type_id='depends', direction='inward'), issue_link(8, **DEPENDS)])

    result, dummy = run()

    assert result['changed'] is True and result['link']['id'] == 8


def test_relates_is_the_default_and_matches_either_direction(api):
    api.get(ISSUE_LINKS, json=[issue_link(3, direction='outward')])

    result, dummy = run(relationship=None)

    assert result['changed'] is False and result['link']['id'] == 3


def test_a_key_in_lower_case_is_sent_in_upper_case_and_an_id_as_given(api):
    api.get(ISSUE_LINKS, json=[])
    api.post(ISSUE_LINKS, status=201, json=issue_link(2, **DEPENDS), match=[matchers.json_params_matcher(CREATE_BODY)])
    api.get(ISSUE_LINKS, json=[issue_link(2, **DEPENDS)])
    api.get(ISSUE_LINKS, json=[issue_link(2, **DEPENDS)])

    created, dummy = run(linked_issue='test-2')
    by_id, dummy = run(linked_issue=issue_id('TEST-2'))

    assert created['changed'] is True and created['link']['id'] == 2
    assert by_id['changed'] is False and by_id['link']['id'] == 2


def test_twins_made_by_runs_at_the_same_moment_leave_the_lowest_id(api):
    api.get(ISSUE_LINKS, json=[])
    api.post(ISSUE_LINKS, status=201, json=issue_link(12, **DEPENDS))
    api.get(ISSUE_LINKS, json=[issue_link(12, **DEPENDS), issue_link(11, **DEPENDS), issue_link(13, **DEPENDS)])
    api.delete(ISSUE_LINKS + '/12', status=204)
    api.delete(ISSUE_LINKS + '/13', status=404)

    result, failed = run()

    assert not failed
    assert result['changed'] is True
    assert result['link']['id'] == 11
    assert result['removed'] == []


def test_check_mode_reads_and_predicts_a_create(api):
    api.get(ISSUE_LINKS, json=[])
    api.get(API + '/issues/TEST-2', json={'id': issue_id('TEST-2'), 'key': 'TEST-2'})

    result, failed = run(check_mode=True)

    assert not failed
    assert result['changed'] is True and result['link'] is None
    # The linked issue is read: a real run could not link an issue that is not there.
    assert requests_sent(api) == [('GET', ISSUE_LINKS), ('GET', API + '/issues/TEST-2')]


def test_check_mode_fails_as_the_real_run_would_for_a_missing_linked_issue(api):
    api.get(ISSUE_LINKS, json=[])
    api.get(API + '/issues/NOPE-2', status=404,
            json={'errors': {}, 'errorMessages': ['Issue does not exist.'], 'statusCode': 404})

    result, failed = run(check_mode=True, linked_issue='NOPE-2')

    assert failed and result['changed'] is False
    assert result['msg'] == ("GET /v3/issues/NOPE-2: HTTP 404 Not Found: Issue does not exist."
                             " (check that issue 'NOPE-2' exists and that the token can see it)")


def test_check_mode_with_nothing_to_create_reads_only_the_links(api):
    api.get(ISSUE_LINKS, json=[issue_link(1, **DEPENDS)])

    result, failed = run(check_mode=True)

    assert not failed and result['changed'] is False
    assert requests_sent(api) == [('GET', ISSUE_LINKS)]


def test_diff_shows_the_issue_links_before_and_after(api):
    api.get(ISSUE_LINKS, json=[issue_link(1, key='TEST-3')])
    api.post(ISSUE_LINKS, status=201, json=issue_link(2, **DEPENDS))
    api.get(ISSUE_LINKS, json=[issue_link(1, key='TEST-3'), issue_link(2, **DEPENDS)])

    result, dummy = run(diff=True)

    assert result['diff'] == {'before': 'relates: TEST-3\n', 'after': 'depends on: TEST-2\nrelates: TEST-3\n'}


def test_diff_in_check_mode_tells_what_would_be_removed(api):
    api.get(ISSUE_LINKS, json=[issue_link(1, **DEPENDS)])

    result, dummy = run(check_mode=True, diff=True, state='absent')

    assert result['diff'] == {'before': 'depends on: TEST-2\n', 'after': ''}
    assert result['changed'] is True and [link['id'] for link in result['removed']] == [1]


def test_every_page_is_read(api):
    api.get(ISSUE_LINKS, json=[issue_link(1, key='TEST-3')], headers={'X-Total-Pages': '2'},
            match=[matchers.query_param_matcher({})])
    api.get(ISSUE_LINKS, json=[issue_link(2, **DEPENDS)], headers={'X-Total-Pages': '2'},
            match=[matchers.query_param_matcher({'page': '2'})])

    result, dummy = run()

    assert result['changed'] is False and result['link']['id'] == 2


def test_links_form_reads_once_and_creates_only_the_missing(api):
    api.get(ISSUE_LINKS, json=[issue_link(1, key='TEST-2', **DEPENDS)])
    api.post(ISSUE_LINKS, status=201, json=issue_link(2, key='TEST-3', type_id='subtask'),
             match=[matchers.json_params_matcher({'relationship': 'is subtask for', 'issue': 'TEST-3'})])
    api.post(ISSUE_LINKS, status=201, json=issue_link(3, key='DEMO-1'),
             match=[matchers.json_params_matcher({'relationship': 'relates', 'issue': 'DEMO-1'})])
    api.get(ISSUE_LINKS, json=[issue_link(1, key='TEST-2', **DEPENDS), issue_link(2, key='TEST-3', type_id='subtask'),
                               issue_link(3, key='DEMO-1')])

    result, failed = run(linked_issue=None, relationship='relates', links=[
        dict(linked_issue='TEST-2', relationship='depends on'),
        dict(linked_issue='TEST-3', relationship='Is Subtask For'),
        dict(linked_issue='DEMO-1'),
        dict(linked_issue='TEST-2', relationship='depends on'),
    ])

    assert not failed
    assert result['changed'] is True
    assert [link['id'] for link in result['links']] == [1, 2, 3]
    assert 'link' not in result


def test_purge_deletes_other_links_of_the_named_types_only(api):
    api.get(ISSUE_LINKS, json=[
        issue_link(1, **DEPENDS),
        issue_link(2, key='TEST-3', **DEPENDS),
        issue_link(3, key='DEMO-1', type_id='depends', direction='inward'),
        issue_link(4, key='DEMO-2'),
    ])
    api.delete(ISSUE_LINKS + '/2', status=204)
    api.delete(ISSUE_LINKS + '/3', status=204)

    result, dummy = run(purge=True)

    assert result['changed'] is True
    assert [link['id'] for link in result['removed']] == [2, 3]
    assert result['link']['id'] == 1


# absent

def test_absent_deletes_the_link(api):
    api.get(ISSUE_LINKS, json=[issue_link(1, key='TEST-3'), issue_link(2, **DEPENDS)])
    api.delete(ISSUE_LINKS + '/2', status=204)

    result, failed = run(state='absent')

    assert not failed
    assert result['changed'] is True
    assert result['link']['id'] == 2 and [link['id'] for link in result['removed']] == [2]


def test_absent_without_the_link_changes_nothing(api):
    api.get(ISSUE_LINKS, json=[issue_link(1, key='TEST-3')])

    result, dummy = run(state='absent')

    assert result['changed'] is False and result['link'] is None and result['removed'] == []


def test_a_link_deleted_meanwhile_counts_as_gone(api):
    api.get(ISSUE_LINKS, json=[issue_link(1, **DEPENDS)])
    api.delete(ISSUE_LINKS + '/1', status=404, json={'errors': {}, 'errorMessages': ['Not found'], 'statusCode': 404})

    result, failed = run(state='absent')

    assert not failed and result['changed'] is False and result['removed'] == []


# what the client does for the module

def test_a_post_answered_500_that_created_the_link_is_not_sent_again(api, sleeps):
    api.get(ISSUE_LINKS, json=[])
    api.post(ISSUE_LINKS, status=500, json={'errorMessages': ['Internal error']})
    api.get(ISSUE_LINKS, json=[issue_link(9, **DEPENDS)])

    result, failed = run()

    assert not failed and result['changed'] is True and result['link']['id'] == 9
    assert [method for method, dummy in requests_sent(api)] == ['GET', 'POST', 'GET']


def test_a_dropped_read_is_retried(api, sleeps):
    api.get(ISSUE_LINKS, body=requests.exceptions.ConnectionError('connection reset'))
    api.get(ISSUE_LINKS, json=[issue_link(1, **DEPENDS)])

    result, failed = run()

    assert not failed and result['changed'] is False
    assert sleeps.call_count == 1


def test_an_unknown_linked_issue_names_both_issues(api):
    api.get(ISSUE_LINKS, json=[])
    api.post(ISSUE_LINKS, status=404, json={'errors': {}, 'errorMessages': ['Issue does not exist.'],
                                            'statusCode': 404})

    result, failed = run(linked_issue='NOPE-1')

    assert failed
    assert result['msg'] == ("POST /v3/issues/TEST-1/links: HTTP 404 Not Found: Issue does not exist."
                             " (check that issues 'TEST-1' and 'NOPE-1' exist and that the token can see them)")


def test_a_refused_epic_link_hints_at_the_issue_type(api):
    api.get(ISSUE_LINKS, json=[])
    api.post(ISSUE_LINKS, status=400, json={'errors': {}, 'errorMessages': ['Wrong issue type.'], 'statusCode': 400})

    result, failed = run(relationship='has epic')

    assert failed
    assert "HTTP 400 Bad Request: Wrong issue type. (check that Tracker allows 'has epic'" in result['msg']
    assert 'Epic-type issue' in result['msg']


def test_an_unknown_issue_is_one_line(api):
    api.get(API + '/issues/NOPE-1/links', status=404,
            json={'errors': {}, 'errorMessages': ['Issue does not exist.'], 'statusCode': 404})

    result, failed = run(issue='NOPE-1')

    assert failed
    assert result['msg'] == ("GET /v3/issues/NOPE-1/links: HTTP 404 Not Found: Issue does not exist."
                             " (check that issue 'NOPE-1' exists and that the token can see it)")


def test_the_token_never_appears_in_a_message(api, sleeps):
    api.get(ISSUE_LINKS, status=401, body='bad header Authorization: OAuth %s' % TOKEN)

    result, failed = run()

    assert failed and TOKEN not in json.dumps(result)


def test_a_failure_after_a_write_still_reports_the_change(api):
    api.get(ISSUE_LINKS, json=[])
    api.post(ISSUE_LINKS, status=201, json=issue_link(2, **DEPENDS))
    api.post(ISSUE_LINKS, status=403, json={'errors': {}, 'errorMessages': ['No rights'], 'statusCode': 403})

    result, failed = run(linked_issue=None, links=[dict(linked_issue='TEST-2'), dict(linked_issue='TEST-3')])

    assert failed
    assert result['changed'] is True
    assert 'HTTP 403 Forbidden: No rights' in result['msg']


# bad input: a clear message and no request at all

@pytest.mark.parametrize('overrides, message', [
    (dict(issue=' '), 'issue must not be empty'),
    (dict(linked_issue=''), 'linked_issue must not be empty'),
    (dict(linked_issue='TEST 2'), "linked_issue must be an issue key like QUEUE-123 or an issue id, got 'TEST 2'"),
    (dict(linked_issue='TEST-2/links'), 'linked_issue must be an issue key like QUEUE-123 or an issue id'),
    (dict(linked_issue='..'), 'linked_issue must be an issue key like QUEUE-123 or an issue id'),
    (dict(linked_issue='test-1'), 'linked_issue must be another issue than issue TEST-1'),
    (dict(linked_issue=' TEST-1 '), 'linked_issue must be another issue than issue TEST-1'),
    (dict(relationship='blocks'), "relationship must be one of the names the Tracker reference documents"
                                  " (depends on, duplicates, has epic, is dependent by, is duplicated by, is epic of,"
                                  " is parent task for, is subtask for, relates), got 'blocks'"),
    (dict(relationship=''), 'relationship must be one of the names the Tracker reference documents'),
    (dict(linked_issue=None, links=[dict(linked_issue='TEST-2'), dict(linked_issue='TEST-3', relationship='depends')]),
     'links[2].relationship must be one of the names the Tracker reference documents'),
    (dict(linked_issue=None, links=[dict(linked_issue='TEST 3')]), 'links[1].linked_issue must be an issue key'),
    (dict(linked_issue=None, links=[]), 'links must name at least one link'),
    (dict(linked_issue=None), 'one of the following is required: links, linked_issue'),
    (dict(links=[dict(linked_issue='TEST-3')]), 'parameters are mutually exclusive: links|linked_issue'),
    (dict(state='gone'), 'value of state must be one of: present, absent'),
    (dict(oauth_token=''), 'oauth_token must not be empty'),
])
def test_bad_input_fails_before_any_request(no_api, overrides, message):
    result, failed = run(**overrides)

    assert failed
    assert message in result['msg']
    assert '\n' not in result['msg']
    assert TOKEN not in json.dumps(result)
