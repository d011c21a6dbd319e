# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_remote_link, scenario by scenario: the exact requests sent and the result."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from unittest.mock import patch

import pytest
import requests
from responses import matchers
from urllib3.exceptions import MaxRetryError, NewConnectionError

from ansible_collections.ytracker.tracker.plugins.module_utils import _tracker
from ansible_collections.ytracker.tracker.plugins.modules.tracker_remote_link import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    API,
    CONNECTION,
    LINKS,
    TOKEN,
    api_link,
    module_runner,
    requests_sent,
    run_module,
)

ONE = dict(CONNECTION, issue='TEST-1', origin='ci.example', key='build-1')
CREATE_BODY = {'relationship': 'RELATES', 'key': 'build-1', 'origin': 'ci.example'}


run = module_runner(main, **ONE)


# present

def test_creates_a_missing_link_with_a_read_a_post_and_a_read_after(api):
    api.get(LINKS, json=[api_link(1, origin='other.app', key='build-1')])
    api.post(LINKS, status=201, json=api_link(2), match=[matchers.json_params_matcher(CREATE_BODY)])
    api.get(LINKS, json=[api_link(1, origin='other.app', key='build-1'), api_link(2)])

    result, failed = run()

    assert not failed
    assert result['changed'] is True
    assert result['link']['id'] == 2
    assert result['removed'] == []
    assert requests_sent(api) == [('GET', LINKS), ('POST', LINKS), ('GET', LINKS)]


def test_twins_made_by_runs_at_the_same_moment_leave_the_lowest_id(api):
    api.get(LINKS, json=[])
    api.post(LINKS, status=201, json=api_link(12))
    # Two other runs made the same link meanwhile; one of them is already deleting its own.
    api.get(LINKS, json=[api_link(12), api_link(11, application_id='2581100012'), api_link(13)])
    api.delete(LINKS + '/12', status=204)
    api.delete(LINKS + '/13', status=404)

    result, failed = run()

    assert not failed
    assert result['changed'] is True
    assert result['link']['id'] == 11
    assert result['removed'] == []


def test_a_created_link_gone_from_the_read_after_is_the_one_posted(api):
    api.get(LINKS, json=[])
    api.post(LINKS, status=201, json=api_link(12))
    api.get(LINKS, json=[])

    result, failed = run()

    assert not failed and result['link']['id'] == 12


def test_sends_the_authentication_headers_and_user_agent(api):
    api.get(LINKS, json=[api_link(1)])

    run()

    headers = api.calls[0].request.headers
    assert headers['Authorization'] == 'OAuth ' + TOKEN
    assert headers['X-Org-ID'] == '7654321'
    assert 'X-Cloud-Org-ID' not in headers
    assert headers['User-Agent'].startswith('ytracker.tracker/%s ' % _tracker.COLLECTION_VERSION)


def test_iam_token_with_a_cloud_organization(api):
    api.get(LINKS, json=[api_link(1)])

    run(oauth_token=None, org_id=None, iam_token='t1.iam-token', cloud_org_id='bpf-cloud-org')

    headers = api.calls[0].request.headers
    assert headers['Authorization'] == 'Bearer t1.iam-token'
    assert headers['X-Cloud-Org-ID'] == 'bpf-cloud-org'
    assert 'X-Org-ID' not in headers


def test_connection_settings_come_from_the_environment(api, monkeypatch):
    monkeypatch.setenv('TRACKER_API_URL', 'http://127.0.0.1:8080/')
    monkeypatch.setenv('TRACKER_IAM_TOKEN', 'env-iam-token')
    monkeypatch.setenv('TRACKER_CLOUD_ORG_ID', 'env-cloud-org')
    api.get('http://127.0.0.1:8080/v2/issues/TEST-1/remotelinks', json=[api_link(1)])

    result, failed = run_module(main, issue='TEST-1', origin='ci.example', key='build-1', api_version='v2')

    assert not failed and not result['changed']
    headers = api.calls[0].request.headers
    assert headers['Authorization'] == 'Bearer env-iam-token'
    assert headers['X-Cloud-Org-ID'] == 'env-cloud-org'


def test_an_existing_link_changes_nothing_with_a_single_request(api):
    api.get(LINKS, json=[api_link(7)])

    result, failed = run()

    assert not failed
    assert result['changed'] is False
    assert result['link']['id'] == 7
    assert requests_sent(api) == [('GET', LINKS)]


def test_relationship_is_compared_ignoring_case(api):
    api.get(LINKS, json=[api_link(7, relationship='relates')])

    result, dummy = run(relationship='RELATES')

    assert result['changed'] is False


def test_another_relationship_is_another_link(api):
    api.get(LINKS, json=[api_link(7, relationship='relates')])
    api.post(LINKS, status=201, json=api_link(8, relationship='depends'),
             match=[matchers.json_params_matcher(dict(CREATE_BODY, relationship='DEPENDS ON'))])
    api.get(LINKS, json=[api_link(7, relationship='relates'), api_link(8, relationship='depends')])

    result, dummy = run(relationship='Depends  On')

    assert result['changed'] is True
    assert result['link']['id'] == 8


def test_existing_duplicates_are_left_alone(api):
    api.get(LINKS, json=[api_link(7), api_link(8)])

    result, dummy = run()

    assert result['changed'] is False
    assert result['link']['id'] == 7


def test_backlink_is_asked_for_only_when_set(api):
    api.get(LINKS, json=[])
    api.post(LINKS, status=201, json=api_link(2), match=[matchers.query_param_matcher({'backlink': 'true'})])
    api.get(LINKS, json=[api_link(2)])

    result, dummy = run(backlink=True)

    assert result['changed'] is True
    assert api.calls[1].request.url == LINKS + '?backlink=true'


APPLICATIONS = API + '/applications'


def api_application(origin):
    return {'self': APPLICATIONS + '/' + origin, 'id': origin, 'type': 'app', 'name': origin.title()}


def test_check_mode_reads_and_predicts_a_create(api):
    api.get(LINKS, json=[])
    api.get(APPLICATIONS, json=[api_application('vcs.example'), api_application('ci.example')])

    result, failed = run(check_mode=True)

    assert not failed
    assert result['changed'] is True
    assert result['link'] is None
    assert requests_sent(api) == [('GET', LINKS), ('GET', APPLICATIONS)]


def test_check_mode_fails_as_the_real_run_would_for_an_unknown_origin(api):
    api.get(LINKS, json=[])
    api.get(APPLICATIONS, json=[api_application('vcs.example')])

    result, failed = run(check_mode=True)

    assert failed
    assert result['msg'] == ("origin 'ci.example' is not one of the applications Tracker knows (vcs.example):"
                             " a real run could not create the link to build-1")
    assert requests_sent(api) == [('GET', LINKS), ('GET', APPLICATIONS)]


def test_check_mode_without_the_right_to_list_applications_predicts_the_create(api):
    api.get(LINKS, json=[])
    api.get(APPLICATIONS, status=403, json={'errors': {}, 'errorMessages': ['No rights'], 'statusCode': 403})

    result, failed = run(check_mode=True)

    assert not failed and result['changed'] is True


def test_check_mode_with_nothing_to_create_reads_only_the_links(api):
    api.get(LINKS, json=[api_link(1)])

    result, failed = run(check_mode=True)

    assert not failed and result['changed'] is False
    assert requests_sent(api) == [('GET', LINKS)]


def test_diff_shows_the_issue_links_before_and_after(api):
    api.get(LINKS, json=[api_link(1, origin='vcs.example', key='PR-9')])
    api.post(LINKS, status=201, json=api_link(2))
    api.get(LINKS, json=[api_link(1, origin='vcs.example', key='PR-9'), api_link(2)])

    result, dummy = run(diff=True)

    assert result['diff'] == {
        'before': 'vcs.example:PR-9 (relates)\n',
        'after': 'ci.example:build-1 (relates)\nvcs.example:PR-9 (relates)\n',
    }


def test_diff_in_check_mode_tells_what_would_change(api):
    api.get(LINKS, json=[api_link(1)])

    result, dummy = run(check_mode=True, diff=True, state='absent')

    assert result['diff'] == {'before': 'ci.example:build-1 (relates)\n', 'after': ''}
    assert result['changed'] is True


def test_paginated_links_are_all_read(api):
    api.get(LINKS, json=[api_link(1, key='build-0')],
            headers={'Link': '<%s?page=2&perPage=1>; rel="next"' % LINKS, 'X-Total-Pages': '2'})
    api.get(LINKS + '?page=2&perPage=1', json=[api_link(2)],
            match=[matchers.query_param_matcher({'page': '2', 'perPage': '1'})])

    result, dummy = run()

    assert result['changed'] is False
    assert result['link']['id'] == 2
    assert len(api.calls) == 2


def test_without_a_link_header_the_pages_are_asked_for_by_number(api):
    api.get(LINKS, json=[api_link(1, key='build-0')], headers={'X-Total-Pages': '3', 'X-Total-Count': '3'},
            match=[matchers.query_param_matcher({})])
    api.get(LINKS, json=[api_link(2, key='build-2')], headers={'X-Total-Pages': '3'},
            match=[matchers.query_param_matcher({'page': '2'})])
    api.get(LINKS, json=[api_link(3)], headers={'X-Total-Pages': '3'},
            match=[matchers.query_param_matcher({'page': '3'})])

    result, dummy = run()

    assert result['changed'] is False
    assert result['link']['id'] == 3


def test_when_the_link_header_stops_the_pages_go_on_by_number_from_the_first_request(api):
    api.get(LINKS, json=[api_link(1, key='build-0')], headers={'Link': '<%s?page=2>; rel="next"' % LINKS,
                                                               'X-Total-Pages': '3'},
            match=[matchers.query_param_matcher({})])
    api.get(LINKS, json=[api_link(2, key='build-2')], headers={'X-Total-Pages': '3'},
            match=[matchers.query_param_matcher({'page': '2'})])
    api.get(LINKS, json=[api_link(3)], headers={'X-Total-Pages': '3'},
            match=[matchers.query_param_matcher({'page': '3'})])

    result, dummy = run()

    assert result['changed'] is False
    assert result['link']['id'] == 3


def test_too_many_pages_fail_clearly(api, monkeypatch):
    monkeypatch.setattr(_tracker, 'MAX_PAGES', 2)
    for dummy in range(2):
        api.get(LINKS, json=[api_link(1, key='build-0')], headers={'X-Total-Pages': '9'})

    result, failed = run()

    assert failed
    assert result['msg'] == 'GET /v3/issues/TEST-1/remotelinks: more than 2 pages, giving up'


def test_a_link_shaped_as_the_reference_example_is_found(api):
    """application.id is numeric there; the origin shows only in object.self."""
    api.get(LINKS, json=[api_link(1, application_id='2581100012')])

    result, dummy = run(diff=True)

    assert result['changed'] is False
    assert result['link']['id'] == 1
    assert result['diff']['before'] == 'ci.example:build-1 (relates)\n'


def test_a_next_page_on_another_host_is_not_followed(api):
    api.get(LINKS, json=[], headers={'Link': '<https://evil.example/steal?page=2>; rel="next"'})

    result, failed = run()

    assert failed
    assert 'another host (evil.example)' in result['msg']
    assert len(api.calls) == 1


def test_links_form_reads_once_and_creates_only_the_missing(api):
    api.get(LINKS, json=[api_link(1, key='build-1'), api_link(5, origin='vcs.example', key='PR-1')])
    api.post(LINKS, status=201, json=api_link(2, key='build-2'),
             match=[matchers.json_params_matcher(dict(CREATE_BODY, key='build-2'))])
    api.post(LINKS, status=201, json=api_link(3, key='build-3', relationship='depends'),
             match=[matchers.json_params_matcher(dict(CREATE_BODY, key='build-3', relationship='DEPENDS ON'))])
    api.get(LINKS, json=[api_link(1, key='build-1'), api_link(5, origin='vcs.example', key='PR-1'),
                         api_link(2, key='build-2'), api_link(3, key='build-3', relationship='depends')])

    result, failed = run(origin=None, key=None, links=[
        dict(origin='ci.example', key='build-1'),
        dict(origin='ci.example', key='build-2'),
        dict(origin='ci.example', key='build-3', relationship='depends on'),
        dict(origin='ci.example', key='build-2'),
    ])

    assert not failed
    assert result['changed'] is True
    assert [link['id'] for link in result['links']] == [1, 2, 3]
    assert 'link' not in result


def test_links_form_with_nothing_to_change_sends_one_request(api):
    api.get(LINKS, json=[api_link(1, key='build-1'), api_link(2, key='build-2')])

    result, dummy = run(origin=None, key=None, links=[dict(origin='ci.example', key='build-2'),
                                                      dict(origin='ci.example', key='build-1')])

    assert result['changed'] is False
    assert len(api.calls) == 1


def test_purge_deletes_other_links_of_the_named_applications_only(api):
    api.get(LINKS, json=[api_link(1, key='build-1'), api_link(2, key='build-old'),
                         api_link(3, origin='vcs.example', key='PR-1')])
    api.delete(LINKS + '/2', status=204)

    result, dummy = run(purge=True)

    assert result['changed'] is True
    assert [link['id'] for link in result['removed']] == [2]
    assert result['link']['id'] == 1


# absent

def test_absent_deletes_every_matching_link_duplicates_included(api):
    api.get(LINKS, json=[api_link(1), api_link(2, origin='vcs.example'), api_link(3)])
    api.delete(LINKS + '/1', status=204)
    api.delete(LINKS + '/3', status=204)

    result, failed = run(state='absent')

    assert not failed
    assert result['changed'] is True
    assert [link['id'] for link in result['removed']] == [1, 3]
    assert result['link']['id'] == 1


def test_absent_without_the_link_changes_nothing(api):
    api.get(LINKS, json=[api_link(2, origin='vcs.example')])

    result, dummy = run(state='absent')

    assert result['changed'] is False
    assert result['link'] is None
    assert result['removed'] == []


def test_absent_in_check_mode_only_reads(api):
    api.get(LINKS, json=[api_link(1)])

    result, dummy = run(state='absent', check_mode=True)

    assert result['changed'] is True
    assert [link['id'] for link in result['removed']] == [1]
    assert requests_sent(api) == [('GET', LINKS)]


def test_a_link_deleted_meanwhile_counts_as_gone(api):
    api.get(LINKS, json=[api_link(1)])
    api.delete(LINKS + '/1', status=404, json={'errors': {}, 'errorMessages': ['Not found'], 'statusCode': 404})

    result, failed = run(state='absent')

    assert not failed
    assert result['changed'] is False
    assert result['removed'] == []


# retries and ambiguous writes

def test_429_is_retried_after_the_retry_after_seconds(api, sleeps):
    api.get(LINKS, status=429, headers={'Retry-After': '3'}, json={'errorMessages': ['Too many requests']})
    api.get(LINKS, json=[])
    api.post(LINKS, status=429)
    api.post(LINKS, status=201, json=api_link(2))
    api.get(LINKS, json=[api_link(2)])

    result, failed = run()

    assert not failed and result['changed']
    assert [call.args[0] for call in sleeps.call_args_list[:1]] == [3.0]
    assert sleeps.call_count == 2
    assert len(api.calls) == 5


def test_waits_are_reported_in_one_warning(api, sleeps):
    api.get(LINKS, status=429, headers={'Retry-After': '3'})
    api.get(LINKS, status=503)
    api.get(LINKS, status=429, headers={'Retry-After': '2'})
    api.get(LINKS, json=[api_link(1)])

    result, failed = run()

    assert not failed
    assert result['warnings'] == ['Tracker requests were retried 3 times (HTTP 429 x2, HTTP 503 x1),'
                                  ' waiting %.1f s in all' % (5 + sleeps.call_args_list[1].args[0])]


def test_a_task_that_did_not_wait_has_no_warning(api, sleeps):
    api.get(LINKS, json=[api_link(1)])

    result, failed = run()

    assert not failed and 'warnings' not in result
    assert sleeps.call_count == 0


def test_a_failed_task_reports_its_waits_too(api, sleeps):
    for dummy in range(2):
        api.get(LINKS, status=429, headers={'Retry-After': '1'})

    result, failed = run(retries=1)

    assert failed and result['status'] == 429
    assert result['warnings'] == ['Tracker requests were retried 1 times (HTTP 429 x1), waiting 1.0 s in all']


def refused(host):
    """What requests raises when nothing listens at ``host`` (or the name does not resolve)."""
    reason = NewConnectionError(object(), 'Failed to establish a new connection: [Errno 111] Connection refused')
    return requests.exceptions.ConnectionError(MaxRetryError(None, 'http://%s/' % host, reason))


@pytest.mark.parametrize('method', ['GET', 'POST'])
def test_a_refused_connection_fails_after_one_quick_retry(api, sleeps, method):
    if method == 'POST':
        api.get(LINKS, json=[])
    for dummy in range(2):
        api.add(method, LINKS, body=refused('api.tracker.yandex.net'))

    result, failed = run()

    assert failed
    assert result['msg'] == ('%s /v3/issues/TEST-1/remotelinks: cannot connect to api.tracker.yandex.net:'
                             ' Failed to establish a new connection: [Errno 111] Connection refused'
                             ' (after 2 attempts; check api_url)' % method)
    # Nothing reached Tracker, so even a POST is safe to repeat, once and quickly.
    assert [call.args[0] for call in sleeps.call_args_list] == [_tracker.UNREACHABLE_WAIT]


def test_a_refused_connection_is_not_retried_with_retries_zero(api, sleeps):
    api.get(LINKS, body=refused('api.tracker.yandex.net'))

    result, failed = run(retries=0)

    assert failed and '(after 1 attempts; check api_url)' in result['msg']
    assert sleeps.call_count == 0


def test_429_without_retry_after_backs_off_exponentially(api, sleeps):
    for dummy in range(3):
        api.get(LINKS, status=429)
    api.get(LINKS, json=[api_link(1)])

    result, failed = run()

    assert not failed
    waits = [call.args[0] for call in sleeps.call_args_list]
    assert len(waits) == 3
    for attempt, wait in enumerate(waits):
        assert 0.5 * 2 ** attempt <= wait <= 2 ** attempt


def test_server_errors_and_dropped_connections_on_reads_are_retried(api, sleeps):
    api.get(LINKS, status=503, body='<html>Service Unavailable</html>')
    api.get(LINKS, body=requests.exceptions.ConnectionError('connection reset'))
    api.get(LINKS, body=requests.exceptions.ReadTimeout('read timed out'))
    api.get(LINKS, json=[api_link(1)])

    result, failed = run()

    assert not failed and not result['changed']
    assert sleeps.call_count == 3


def test_retries_run_out_with_the_status_and_the_api_message(api, sleeps):
    for dummy in range(3):
        api.get(LINKS, status=500, json={'errors': {}, 'errorMessages': ['Internal error'], 'statusCode': 500})

    result, failed = run(retries=2)

    assert failed
    assert result['msg'] == ('GET /v3/issues/TEST-1/remotelinks: HTTP 500 Internal Server Error:'
                             ' Internal error (after 3 attempts)')
    assert result['status'] == 500
    assert sleeps.call_count == 2


def test_no_retry_when_retries_is_zero(api, sleeps):
    api.get(LINKS, status=429)

    result, failed = run(retries=0)

    assert failed and 'HTTP 429' in result['msg'] and 'retries' in result['msg']
    assert sleeps.call_count == 0


def test_a_post_answered_500_that_created_the_link_is_not_sent_again(api, sleeps):
    api.get(LINKS, json=[])
    api.post(LINKS, status=500, json={'errorMessages': ['Internal error']})
    api.get(LINKS, json=[api_link(9)])

    result, failed = run()

    assert not failed
    assert result['changed'] is True
    assert result['link']['id'] == 9
    # One read after the POST both finds the link it made and settles twins.
    assert [method for method, dummy in requests_sent(api)] == ['GET', 'POST', 'GET']


def test_a_post_that_dropped_the_connection_is_resolved_by_reading(api, sleeps):
    api.get(LINKS, json=[])
    api.post(LINKS, body=requests.exceptions.ConnectionError('Connection aborted'))
    api.get(LINKS, json=[api_link(9)])

    result, failed = run()

    assert not failed and result['link']['id'] == 9
    assert [method for method, dummy in requests_sent(api)] == ['GET', 'POST', 'GET']


def test_a_post_that_timed_out_without_creating_is_sent_again_after_reading(api, sleeps):
    api.get(LINKS, json=[])
    api.post(LINKS, body=requests.exceptions.ReadTimeout('read timed out'))
    api.get(LINKS, json=[])
    api.post(LINKS, status=201, json=api_link(9))
    api.get(LINKS, json=[api_link(9)])

    result, failed = run()

    assert not failed and result['link']['id'] == 9
    assert [method for method, dummy in requests_sent(api)] == ['GET', 'POST', 'GET', 'POST', 'GET']
    assert sleeps.call_count == 1


def test_a_post_that_never_succeeds_fails_after_the_retries(api, sleeps):
    api.get(LINKS, json=[])
    for dummy in range(2):
        api.post(LINKS, status=502, body='Bad Gateway')
        api.get(LINKS, json=[])

    result, failed = run(retries=1)

    assert failed
    assert result['msg'] == ('POST /v3/issues/TEST-1/remotelinks: HTTP 502 Bad Gateway: Bad Gateway;'
                             ' the link is not on the issue after 2 attempts')


def test_a_delete_answered_503_is_retried(api, sleeps):
    api.get(LINKS, json=[api_link(1)])
    api.delete(LINKS + '/1', status=503)
    api.delete(LINKS + '/1', status=204)

    result, failed = run(state='absent')

    assert not failed and result['changed']
    assert sleeps.call_count == 1


# errors

def test_an_unknown_issue_names_the_issue_and_the_api_message(api):
    api.get(API + '/issues/NOPE-1/remotelinks', status=404,
            json={'errors': {}, 'errorMessages': ['Issue does not exist.'], 'statusCode': 404})

    result, failed = run(issue='NOPE-1')

    assert failed
    assert result['msg'] == ("GET /v3/issues/NOPE-1/remotelinks: HTTP 404 Not Found: Issue does not exist."
                             " (check that issue 'NOPE-1' exists and that the token can see it)")
    assert '\n' not in result['msg']


def test_401_hints_at_the_token_and_the_organization(api):
    api.get(LINKS, status=401, json={'errors': {}, 'errorMessages': ['Not authorized.'], 'statusCode': 401})

    result, failed = run()

    assert failed
    assert 'HTTP 401' in result['msg'] and 'Not authorized.' in result['msg']
    assert 'oauth_token' in result['msg'] and 'org_id' in result['msg']


def test_an_error_body_that_is_not_json_is_shown_as_text(api):
    api.get(LINKS, json=[])
    api.post(LINKS, status=422, body='field  "key"\nis   required')

    result, failed = run()

    assert failed
    assert result['msg'] == 'POST /v3/issues/TEST-1/remotelinks: HTTP 422 Unprocessable Entity: field "key" is required'


def test_a_create_answered_without_json_is_settled_by_reading(api):
    # 201 says the link exists; its body does not say which it is: a read does.
    api.get(LINKS, json=[])
    api.post(LINKS, status=201, body='<html>Created</html>')
    api.get(LINKS, json=[api_link(4)])

    result, failed = run()

    assert not failed
    assert result['changed'] is True and result['link']['id'] == 4
    assert requests_sent(api) == [('GET', LINKS), ('POST', LINKS), ('GET', LINKS)]


@pytest.mark.parametrize('body', ['', '<html>Created</html>'])
def test_a_create_answered_without_json_and_not_read_back_is_sent_again(api, body):
    api.get(LINKS, json=[])
    api.post(LINKS, status=201, body=body)
    api.get(LINKS, json=[])
    api.post(LINKS, status=201, json=api_link(5))
    api.get(LINKS, json=[api_link(5)])

    result, failed = run()

    assert not failed
    assert result['changed'] is True and result['link']['id'] == 5


def test_a_list_that_is_not_a_list_is_a_clear_failure(api):
    api.get(LINKS, json={'links': []})

    result, failed = run()

    assert failed
    assert result['msg'] == 'GET /v3/issues/TEST-1/remotelinks: expected a JSON list, got dict'


def test_an_unknown_application_is_a_400_with_a_hint(api):
    api.get(LINKS, json=[])
    api.post(LINKS, status=400, json={'errors': {'origin': 'unknown application'}, 'errorMessages': [],
                                      'statusCode': 400})

    result, failed = run()

    assert failed
    assert "HTTP 400 Bad Request: origin: unknown application" in result['msg']
    assert "'ci.example'" in result['msg']


def test_the_token_never_appears_in_a_message(api, sleeps):
    api.get(LINKS, status=401, body='bad header Authorization: OAuth %s' % TOKEN)

    result, failed = run()

    assert failed
    assert TOKEN not in json.dumps(result)


@pytest.mark.parametrize('token', [TOKEN + '\n', TOKEN + '\r\n', TOKEN + ' ', ' ' + TOKEN + '\t'])
def test_whitespace_around_a_token_is_dropped(api, token):
    api.get(LINKS, json=[api_link(1)])
    api.get(LINKS, status=401, body='bad header %r and %s' % ('OAuth ' + token, json.dumps(token)))

    result, failed = run(oauth_token=token)
    again, failed_again = run(oauth_token=token)

    assert not failed and failed_again
    assert api.calls[0].request.headers['Authorization'] == 'OAuth ' + TOKEN
    assert TOKEN not in json.dumps(again) and TOKEN not in repr(again)
    assert again['msg'].startswith('GET /v3/issues/TEST-1/remotelinks: HTTP 401 Unauthorized: bad header')
    assert again['msg'].count('********') == 2 and '\\' not in again['msg']


def test_a_token_refused_as_a_header_is_never_shown(no_api):
    token = u'y0_\u0442\u043e\u043a\u0435\u043d-secret \n'

    result, failed = run(oauth_token=token)

    assert failed
    assert result['msg'].startswith('oauth_token must hold only visible Latin-1 characters')
    for form in (token, token.strip(), json.dumps(token), repr(token), 'secret'):
        assert form not in json.dumps(result, ensure_ascii=False) and form not in repr(result)


def test_a_tls_failure_is_one_line_and_not_retried(api, sleeps):
    api.get(LINKS, body=requests.exceptions.SSLError('certificate verify failed'))

    result, failed = run()

    assert failed
    assert result['msg'].startswith('GET /v3/issues/TEST-1/remotelinks: TLS error: certificate verify failed')
    assert 'set ca_path to a bundle with the CA that signed the API certificate' in result['msg']
    assert sleeps.call_count == 0


def test_tls_settings_go_with_every_request_so_the_environment_cannot_override_them(api, monkeypatch, tmp_path):
    monkeypatch.setenv('REQUESTS_CA_BUNDLE', str(tmp_path / 'other-bundle.pem'))
    monkeypatch.setenv('CURL_CA_BUNDLE', str(tmp_path / 'other-bundle.pem'))
    sent = []
    original = requests.Session.request

    def request(session, method, url, **options):
        sent.append(options.get('verify'))
        return original(session, method, url, **options)

    monkeypatch.setattr(requests.Session, 'request', request)
    for answer in range(2):
        api.get(LINKS, json=[api_link(1)])

    run(validate_certs=False)
    run(ca_path=str(tmp_path / 'ca.pem'))

    assert sent == [False, str(tmp_path / 'ca.pem')]


def test_a_request_that_cannot_be_sent_is_one_line_and_not_retried(api, sleeps):
    api.get(LINKS, body=requests.exceptions.InvalidHeader('Invalid leading whitespace in header value'))

    result, failed = run()

    assert failed
    assert result['msg'] == ('GET /v3/issues/TEST-1/remotelinks: InvalidHeader:'
                             ' Invalid leading whitespace in header value')
    assert sleeps.call_count == 0


def test_an_issue_that_is_no_key_or_id_never_reaches_a_url(no_api):
    result, failed = run(issue='../../applications?x=1')

    assert failed
    assert result['msg'] == "issue must be an issue key like QUEUE-123 or an issue id, got '../../applications?x=1'"


def test_an_issue_id_is_one_path_segment(api):
    api.get(API + '/issues/593cd211ef7e8a332414f2a7/remotelinks', json=[api_link(1)])

    result, failed = run(issue=' 593cd211ef7e8a332414f2a7 ')

    assert not failed
    assert api.calls[0].request.path_url == '/v3/issues/593cd211ef7e8a332414f2a7/remotelinks'


def test_without_requests_the_module_says_which_library_is_missing(no_api):
    with patch.object(_tracker, 'HAS_REQUESTS', False):
        result, failed = run()

    assert failed
    assert 'requests' in result['msg'] and 'Failed to import the required Python library' in result['msg']


# bad input: a clear message and no request at all

@pytest.mark.parametrize('overrides, message', [
    (dict(issue=' '), 'issue must not be empty'),
    (dict(issue='..'), 'issue must be an issue key like QUEUE-123 or an issue id'),
    (dict(origin=''), 'origin must not be empty'),
    (dict(key=''), 'key must not be empty'),
    (dict(relationship=''), "relationship must be one of the names the Tracker reference documents"),
    (dict(relationship='relate'), "relationship must be one of the names the Tracker reference documents (depends on,"
                                  " duplicates, has epic, is dependent by, is duplicated by, is epic of, is parent task"
                                  " for, is subtask for, relates), got 'relate'"),
    (dict(api_url='https://api.tracker.yandex.net/v3'), 'api_url must not end in an API version (/v3): drop it'),
    (dict(api_url='http://tracker.example/v2/'), 'api_url must not end in an API version (/v2): drop it'),
    (dict(origin=None, key=None, links=[dict(origin='ci.example', key='')]), 'links[1].key must not be empty'),
    (dict(origin=None, key=None, links=[]), 'links must name at least one link'),
    (dict(key=None), 'parameters are required together: origin, key'),
    (dict(origin=None, key=None), 'one of the following is required: links, origin'),
    (dict(links=[dict(origin='a', key='b')]), 'parameters are mutually exclusive: links|origin'),
    (dict(iam_token='t1.iam'), 'parameters are mutually exclusive: oauth_token|iam_token'),
    (dict(oauth_token=None), 'one of oauth_token and iam_token is required (or the environment variable TRACKER_OAUTH_TOKEN or TRACKER_IAM_TOKEN)'),
    (dict(cloud_org_id='cloud'), 'parameters are mutually exclusive: org_id|cloud_org_id'),
    (dict(org_id=None), 'one of org_id and cloud_org_id is required (or the environment variable TRACKER_ORG_ID or TRACKER_CLOUD_ORG_ID)'),
    (dict(oauth_token=''), 'oauth_token must not be empty'),
    (dict(api_url='ftp://tracker.example'), 'api_url must be an http:// or https:// URL'),
    (dict(api_url='tracker.example'), 'api_url must be an http:// or https:// URL'),
    (dict(api_url='https://tracker.example/?token=1'), 'api_url must be an http:// or https:// URL'),
    (dict(api_url='https://tracker.example:port'), 'api_url must be an http:// or https:// URL'),
    (dict(api_url='http://[::1'), 'api_url must be an http:// or https:// URL'),
    (dict(oauth_token='y0_two words'), 'oauth_token must hold only visible Latin-1 characters'),
    (dict(oauth_token=u'y0_\u0442\u043e\u043a\u0435\u043d'), 'oauth_token must hold only visible Latin-1 characters'),
    (dict(oauth_token='y0_\x07bell'), 'oauth_token must hold only visible Latin-1 characters'),
    (dict(org_id='76 54'), 'org_id must hold only visible Latin-1 characters'),
    (dict(oauth_token=None, org_id=None, iam_token='t1.\ttab', cloud_org_id='c'),
     'iam_token must hold only visible Latin-1 characters'),
    (dict(timeout=0), 'timeout must be greater than 0 seconds'),
    (dict(retries=-1), 'retries must be 0 or more'),
    (dict(api_version='v4'), 'value of api_version must be one of: v2, v3'),
])
def test_bad_input_fails_before_any_request(no_api, overrides, message):
    result, failed = run(**overrides)

    assert failed
    assert message in result['msg']
    assert '\n' not in result['msg']
    assert TOKEN not in json.dumps(result)


def test_a_failure_after_a_write_still_reports_the_change(api):
    api.get(LINKS, json=[])
    api.post(LINKS, status=201, json=api_link(2))
    api.post(LINKS, status=403, json={'errors': {}, 'errorMessages': ['No rights'], 'statusCode': 403})

    both = [dict(origin='ci.example', key='build-1'), dict(origin='ci.example', key='build-2')]

    result, failed = run(origin=None, key=None, links=both)

    assert failed
    assert result['changed'] is True
    assert 'HTTP 403 Forbidden: No rights' in result['msg']


def test_empty_environment_variables_count_as_not_set(api, monkeypatch):
    """As a platform leaves them when it injects every variable of a credential, filled in or not."""
    monkeypatch.setenv('TRACKER_IAM_TOKEN', '')
    monkeypatch.setenv('TRACKER_CLOUD_ORG_ID', '')
    api.get(LINKS, json=[api_link(1)])

    result, failed = run()

    assert not failed and result['changed'] is False


def test_an_issue_key_in_lower_case_is_sent_in_upper_case(api):
    """As Tracker shows keys, and as tracker_issue sends them: every module finds rel-1 as REL-1."""
    api.get(LINKS, json=[api_link(1)])

    result, failed = run(issue=' test-1 ')

    assert not failed and result['changed'] is False
    assert requests_sent(api) == [('GET', LINKS)]
