# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_issue, scenario by scenario: the exact requests sent and the result."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests
from responses import matchers

from ansible_collections.ytracker.tracker.plugins.modules.tracker_issue import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    API,
    CONNECTION,
    TOKEN,
    module_runner,
    requests_sent,
)

SEARCH = API + '/issues/_search'
CREATE = API + '/issues/'
ISSUE_URL = API + '/issues/REL-1'
TRANSITIONS = ISSUE_URL + '/transitions'
UNIQUE = dict(CONNECTION, unique='release-1.2', queue='REL', summary='Release 1.2')
ALICE = '1120000000016876'
CONFLICT = {'errors': {}, 'errorMessages': ['Conflict.'], 'statusCode': 409}


def status(key, status_id):
    return {'self': '%s/statuses/%s' % (API, status_id), 'id': status_id, 'key': key, 'display': key}


def issue(version=1, state='open', **fields):
    found = {'self': ISSUE_URL, 'id': '5f0c3a000000000000000001', 'key': 'REL-1', 'version': version,
             'summary': 'Release 1.2', 'unique': 'release-1.2', 'status': status(state, '1'),
             'queue': {'self': API + '/queues/REL', 'id': '3', 'key': 'REL', 'display': 'Releases'}}
    found.update(fields)
    return found


def transition(transition_id, to, status_id):
    return {'id': transition_id, 'self': '%s/%s' % (TRANSITIONS, transition_id), 'display': transition_id,
            'to': status(to, status_id)}


run = module_runner(main)


def search_for(unique='release-1.2'):
    return [matchers.json_params_matcher({'filter': {'unique': unique}}), matchers.query_param_matcher({'perPage': '50'})]


# which issue

def test_creates_the_issue_when_no_issue_has_the_unique_value(api):
    api.post(SEARCH, json=[], match=search_for())
    bug = {'self': API + '/issuetypes/1', 'id': '1', 'key': 'bug', 'display': 'Bug'}
    api.post(CREATE, status=201, json=issue(type=bug), match=[matchers.json_params_matcher(
        {'queue': 'REL', 'unique': 'release-1.2', 'summary': 'Release 1.2', 'type': 'bug'})])

    result, failed = run(type='bug', **UNIQUE)

    assert not failed
    assert result['changed'] is True and result['created'] is True
    assert result['issue']['key'] == 'REL-1'
    assert requests_sent(api) == [('POST', SEARCH + '?perPage=50'), ('POST', CREATE)]


def test_an_issue_with_the_unique_value_is_found_with_one_request(api):
    api.post(SEARCH, json=[issue()], match=search_for())

    result, failed = run(**UNIQUE)

    assert not failed and result['changed'] is False and result['created'] is False
    assert result['issue']['key'] == 'REL-1'


def test_a_search_that_matches_loosely_keeps_the_issue_whose_unique_is_equal(api):
    api.post(SEARCH, json=[issue(unique='release-1.2.1', key='REL-9'), issue()])

    result, dummy = run(**UNIQUE)

    assert result['issue']['key'] == 'REL-1'


def test_answers_that_leave_unique_out_trust_the_search(api):
    found = issue()
    del found['unique']
    api.post(SEARCH, json=[found])

    result, dummy = run(**UNIQUE)

    assert result['issue']['key'] == 'REL-1' and result['changed'] is False


def test_a_create_refused_with_409_goes_on_with_the_issue_another_run_made(api):
    api.post(SEARCH, json=[])
    api.post(CREATE, status=409, json=CONFLICT)
    api.post(SEARCH, json=[issue()])

    result, failed = run(diff=True, **UNIQUE)

    assert not failed
    assert result['changed'] is False and result['created'] is False
    assert result['diff'] == {'before': 'summary: Release 1.2\n', 'after': 'summary: Release 1.2\n'}


def test_a_create_whose_answer_is_lost_is_found_by_searching(api, sleeps):
    api.post(SEARCH, json=[])
    api.post(CREATE, body=requests.exceptions.ConnectionError('Connection reset by peer'))
    api.post(SEARCH, json=[issue()])

    result, failed = run(**UNIQUE)

    assert not failed and result['changed'] is True and result['created'] is True
    assert result['issue']['key'] == 'REL-1'
    assert sleeps.call_count == 0


def test_a_search_that_lags_behind_a_conflict_is_asked_again(api, sleeps):
    api.post(SEARCH, json=[])
    api.post(CREATE, status=409, json=CONFLICT)
    api.post(SEARCH, json=[])
    api.post(CREATE, status=409, json=CONFLICT)
    api.post(SEARCH, json=[issue()])

    result, failed = run(**UNIQUE)

    assert not failed and result['issue']['key'] == 'REL-1' and result['created'] is False
    assert sleeps.call_count == 1


def test_a_conflict_with_no_issue_to_find_fails_after_the_retries(api, sleeps):
    api.post(SEARCH, json=[])
    for dummy in range(2):
        api.post(CREATE, status=409, json=CONFLICT)
        api.post(SEARCH, json=[])

    result, failed = run(retries=1, **UNIQUE)

    assert failed
    assert result['msg'].endswith("and no issue with unique 'release-1.2' is found after 2 attempts")
    assert result['status'] == 409


def test_creating_needs_queue_and_summary(api):
    api.post(SEARCH, json=[])

    result, failed = run(**dict(CONNECTION, unique='release-1.2'))

    assert failed and result['msg'] == "no issue has unique 'release-1.2', and creating one needs queue and summary"


def test_a_search_answered_500_is_read_again_as_a_get_would_be(api, sleeps):
    api.post(SEARCH, status=500, json={'errors': {}, 'errorMessages': ['Internal error'], 'statusCode': 500})
    api.post(SEARCH, json=[issue()])

    result, failed = run(**UNIQUE)

    assert not failed and result['issue']['key'] == 'REL-1'
    assert sleeps.call_count == 1


# fields

def test_one_patch_with_the_version_read_and_only_the_fields_that_differ(api):
    api.get(ISSUE_URL, json=issue(version=4, priority={'id': '3', 'key': 'normal', 'display': 'Normal'}))
    api.patch(ISSUE_URL, json=issue(version=5, summary='Release 1.3'), match=[
        matchers.query_param_matcher({'version': '4'}), matchers.json_params_matcher({'summary': 'Release 1.3'})])

    result, failed = run(key='REL-1', summary='Release 1.3', priority='Normal', **CONNECTION)

    assert not failed and result['changed'] is True
    assert result['issue']['version'] == 5


def test_a_patch_refused_as_stale_is_planned_again_on_a_new_read(api):
    api.get(ISSUE_URL, json=issue(version=4))
    api.patch(ISSUE_URL, status=409, json=CONFLICT, match=[matchers.query_param_matcher({'version': '4'})])
    api.get(ISSUE_URL, json=issue(version=5, description='Edited meanwhile'))
    api.patch(ISSUE_URL, json=issue(version=6, summary='Release 1.3'), match=[
        matchers.query_param_matcher({'version': '5'}), matchers.json_params_matcher({'summary': 'Release 1.3'})])

    result, failed = run(key='REL-1', summary='Release 1.3', **CONNECTION)

    assert not failed and result['changed'] is True


def test_a_conflict_on_every_attempt_fails_saying_so(api):
    for version in (4, 5):
        api.get(ISSUE_URL, json=issue(version=version))
        api.patch(ISSUE_URL, status=409, json=CONFLICT)

    result, failed = run(key='REL-1', summary='Release 1.3', retries=1, **CONNECTION)

    assert failed and result['status'] == 409
    assert 'edited by someone else between every read and write; raise retries' in result['msg']


def test_a_conflict_resolved_meanwhile_writes_nothing_more(api):
    api.get(ISSUE_URL, json=issue(version=4))
    api.patch(ISSUE_URL, status=409, json=CONFLICT)
    api.get(ISSUE_URL, json=issue(version=5, summary='Release 1.3'))

    result, failed = run(key='REL-1', summary='Release 1.3', **CONNECTION)

    assert not failed and result['changed'] is False


def test_the_limit_of_changes_fails_in_one_line(api):
    api.get(ISSUE_URL, json=issue(version=11100))
    api.patch(ISSUE_URL, status=423, json={'errors': {}, 'errorMessages': ['Locked.'], 'statusCode': 423})

    result, failed = run(key='REL-1', summary='Release 1.3', **CONNECTION)

    assert failed and result['status'] == 423 and result['changed'] is False
    assert result['msg'] == ("PATCH /v3/issues/REL-1?version=11100: HTTP 423 Locked: Locked. (the issue has reached"
                             " Tracker's limit of changes (its version): Tracker refuses to edit it any further)")


def test_a_login_is_looked_up_once_for_assignee_and_followers(api):
    api.get(ISSUE_URL, json=issue(assignee={'id': '1120000000049224', 'display': 'Bob'},
                                  followers=[{'id': '1120000000049224', 'display': 'Bob'}]))
    api.get(API + '/users/alice', json={'uid': int(ALICE), 'login': 'alice', 'display': 'Alice'})
    api.patch(ISSUE_URL, json=issue(version=2), match=[matchers.json_params_matcher(
        {'assignee': 'alice', 'followers': {'add': ['alice']}})])

    result, failed = run(key='REL-1', assignee='alice', followers=['alice'], **CONNECTION)

    assert not failed and result['changed'] is True


def test_a_login_the_users_api_does_not_know_fails_in_one_line(api):
    api.get(ISSUE_URL, json=issue(assignee={'id': '1120000000049224', 'display': 'Bob'}))
    api.get(API + '/users/nobody', status=404, json={'errors': {}, 'errorMessages': ['No user.'], 'statusCode': 404})

    result, failed = run(key='REL-1', assignee='nobody', **CONNECTION)

    assert failed
    assert result['msg'].endswith("(no user 'nobody' in the organisation: name users by login or uid)")


def test_a_users_answer_inside_a_list_is_read_too(api):
    api.get(ISSUE_URL, json=issue(assignee={'id': '1130000000016876', 'display': 'Alice'}))
    api.get(API + '/users/alice', json=[{'uid': int(ALICE), 'passportUid': 1130000000016876, 'login': 'alice'}])

    result, failed = run(key='REL-1', assignee='alice', **CONNECTION)

    assert not failed and result['changed'] is False


# status

def test_the_transition_that_leads_to_the_status_runs_then_the_issue_is_read(api):
    api.get(ISSUE_URL, json=issue())
    api.get(TRANSITIONS, json=[transition('start_progress', 'inProgress', '2'), transition('resolve', 'resolved', '3')])
    api.post(TRANSITIONS + '/resolve/_execute', json=[transition('reopen', 'open', '1')],
             match=[matchers.json_params_matcher({'resolution': 'fixed', 'comment': 'Done'})])
    api.get(ISSUE_URL, json=issue(version=2, state='resolved'))

    result, failed = run(key='REL-1', status='Resolved', resolution='fixed', transition_fields={'comment': 'Done'},
                         diff=True, **CONNECTION)

    assert not failed and result['changed'] is True
    assert result['issue']['status']['key'] == 'resolved'
    assert result['diff'] == {'before': 'status: open\n', 'after': 'status: resolved\n'}


def test_fields_are_written_before_the_status_and_an_unreachable_status_writes_nothing(api):
    api.get(ISSUE_URL, json=issue(state='resolved'))
    api.get(TRANSITIONS, json=[transition('reopen', 'open', '1'), transition('close', 'closed', '4')])
    # No transition leads there: read again, in case another run moved the issue meanwhile.
    api.get(ISSUE_URL, json=issue(state='resolved'))

    result, failed = run(key='REL-1', summary='Release 1.3', status='inProgress', **CONNECTION)

    assert failed and result['changed'] is False
    assert result['msg'] == ("REL-1 is in status 'resolved' and no transition leads from there to 'inProgress';"
                             " reachable from 'resolved': closed, open")


def test_an_issue_another_run_moved_to_the_status_meanwhile_is_success_without_a_change(api):
    # Read in resolved; closed by another host before its transitions are read: those of closed.
    api.get(ISSUE_URL, json=issue(state='resolved'))
    api.get(TRANSITIONS, json=[transition('reopen', 'open', '1')])
    api.get(ISSUE_URL, json=issue(version=2, state='closed'))

    result, failed = run(key='REL-1', status='closed', **CONNECTION)

    assert not failed, result
    assert result['changed'] is False and result['issue']['status']['key'] == 'closed'
    assert requests_sent(api) == [('GET', ISSUE_URL), ('GET', TRANSITIONS), ('GET', ISSUE_URL)]


def test_an_issue_moved_elsewhere_meanwhile_is_planned_again_from_where_it_is(api):
    api.get(ISSUE_URL, json=issue(state='resolved'))
    api.get(TRANSITIONS, json=[transition('reopen', 'open', '1')])  # those of closed: it was closed meanwhile
    api.get(ISSUE_URL, json=issue(version=3, state='open'))  # and reopened since
    api.get(ISSUE_URL, json=issue(version=3, state='open'))
    api.get(TRANSITIONS, json=[transition('start_progress', 'inProgress', '2')])
    api.post(TRANSITIONS + '/start_progress/_execute', json=[])
    api.get(ISSUE_URL, json=issue(version=4, state='inProgress'))

    result, failed = run(key='REL-1', status='inProgress', **CONNECTION)

    assert not failed, result
    assert result['changed'] is True and result['issue']['status']['key'] == 'inProgress'


def test_an_unreachable_status_names_the_status_the_transitions_were_read_from(api):
    api.get(ISSUE_URL, json=issue(state='open'))
    api.get(TRANSITIONS, json=[transition('reopen', 'open', '1')])  # those of closed
    api.get(ISSUE_URL, json=issue(version=2, state='closed'))
    api.get(ISSUE_URL, json=issue(version=2, state='closed'))
    api.get(TRANSITIONS, json=[transition('reopen', 'open', '1')])
    api.get(ISSUE_URL, json=issue(version=2, state='closed'))

    result, failed = run(key='REL-1', status='inProgress', **CONNECTION)

    assert failed and result['changed'] is False
    assert result['msg'] == ("REL-1 is in status 'closed' and no transition leads from there to 'inProgress';"
                             " reachable from 'closed': open")


def test_a_refused_transition_is_one_line_unless_another_run_took_the_issue_there(api):
    api.get(ISSUE_URL, json=issue())
    api.get(TRANSITIONS, json=[transition('resolve', 'resolved', '3')])
    api.post(TRANSITIONS + '/resolve/_execute', status=422,
             json={'errors': {'resolution': 'Required field.'}, 'errorMessages': [], 'statusCode': 422})
    api.get(ISSUE_URL, json=issue())

    result, failed = run(key='REL-1', status='resolved', **CONNECTION)

    assert failed and result['status'] == 422
    assert result['msg'] == (
        "REL-1: transition 'resolve' to 'resolved' refused: POST /v3/issues/REL-1/transitions/resolve/_execute:"
        " HTTP 422 Unprocessable Entity: resolution: Required field. (the transition may need fields of its own:"
        " give resolution or transition_fields)")


def test_a_transition_run_by_another_run_meanwhile_is_no_failure(api):
    api.get(ISSUE_URL, json=issue())
    api.get(TRANSITIONS, json=[transition('start_progress', 'inProgress', '2')])
    api.post(TRANSITIONS + '/start_progress/_execute', status=409, json=CONFLICT)
    api.get(ISSUE_URL, json=issue(version=2, state='inProgress'))

    result, failed = run(key='REL-1', status='inProgress', **CONNECTION)

    assert not failed and result['changed'] is False


def test_a_transition_whose_answer_is_lost_is_settled_by_reading(api):
    api.get(ISSUE_URL, json=issue())
    api.get(TRANSITIONS, json=[transition('start_progress', 'inProgress', '2')])
    api.post(TRANSITIONS + '/start_progress/_execute', status=503, json={})
    api.get(ISSUE_URL, json=issue(version=2, state='inProgress'))

    result, failed = run(key='REL-1', status='inProgress', **CONNECTION)

    assert not failed and result['changed'] is True


def test_already_in_the_status_nothing_runs(api):
    api.get(ISSUE_URL, json=issue(state='inProgress'))

    result, failed = run(key='REL-1', status='INPROGRESS', resolution='fixed', **CONNECTION)

    assert not failed and result['changed'] is False


# check mode, bad input, secrets

def test_check_mode_reads_and_never_writes(api):
    api.post(SEARCH, json=[])
    api.get(ISSUE_URL, json=issue())
    api.get(TRANSITIONS, json=[transition('start_progress', 'inProgress', '2')])

    created, dummy = run(check_mode=True, diff=True, **UNIQUE)
    moved, dummy = run(check_mode=True, key='REL-1', summary='New', status='inProgress', **CONNECTION)

    assert created['changed'] is True and created['created'] is True and created['issue'] is None
    assert created['diff'] == {'before': '', 'after': 'summary: Release 1.2\n'}
    assert moved['changed'] is True and moved['issue']['version'] == 1
    assert [method for method, dummy in requests_sent(api)] == ['POST', 'GET', 'GET']


@pytest.mark.parametrize('args, message', [
    (dict(summary='x'), 'one of the following is required: key, unique'),
    (dict(key='REL-1', unique='x'), 'parameters are mutually exclusive: key|unique'),
    (dict(key='REL-1', queue='REL'), 'parameters are mutually exclusive: key|queue'),
    (dict(key='REL-1', status=''), 'status must not be empty'),
    (dict(key='REL 1'), "key must be an issue key like QUEUE-123 or an issue id, got 'REL 1'"),
    (dict(key='../x'), 'key must be an issue key'),
])
def test_bad_input_fails_before_any_request(no_api, args, message):
    result, failed = run(**dict(CONNECTION, **args))

    assert failed and message in result['msg'] and '\n' not in result['msg']


def test_the_token_never_shows(api):
    api.get(ISSUE_URL, status=401, json={'errors': {}, 'errorMessages': ['Bad token %s' % TOKEN], 'statusCode': 401})

    result, failed = run(key='REL-1', **CONNECTION)

    assert failed and TOKEN not in str(result)
