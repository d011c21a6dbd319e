# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_remote_link through ansible-playbook, against the emulator."""

import pytest

from conftest import link_task

LINKS = '/v3/issues/TEST-1/remotelinks'


def keys(links):
    return sorted('%s:%s' % (link['object']['application']['id'], link['object']['key']) for link in links)


def test_create_then_rerun_then_remove(playbook, emulator, execution):
    created = playbook(link_task(), execution=execution)
    assert created.rc == 0, created.output
    assert created.result['changed'] is True
    assert created.result['link']['object']['key'] == 'build-1'
    # The read after a create is how runs that made the same link at once settle on one.
    assert emulator.requests() == ['GET ' + LINKS, 'POST ' + LINKS, 'GET ' + LINKS]
    assert keys(emulator.links()) == ['ru.yandex.teamcity:build-1']

    emulator.forget()
    again = playbook(link_task(), execution=execution)
    assert again.result['changed'] is False
    assert again.result['link']['id'] == created.result['link']['id']
    assert emulator.requests() == ['GET ' + LINKS]

    emulator.forget()
    removed = playbook(link_task(state='absent'), execution=execution)
    assert removed.result['changed'] is True
    assert removed.result['removed'][0]['id'] == created.result['link']['id']
    assert emulator.requests() == ['GET ' + LINKS, 'DELETE %s/%s' % (LINKS, created.result['link']['id'])]
    assert emulator.links() == []


def test_check_mode_writes_nothing_and_predicts_the_change(playbook, emulator, execution):
    emulator.add_link(key='build-0')
    emulator.forget()

    create = playbook(link_task(), options=['--check'], execution=execution)
    remove = playbook(link_task(key='build-0', state='absent'), options=['--check'], execution=execution)

    assert create.result['changed'] is True and create.result['link'] is None
    assert remove.result['changed'] is True
    # The create is predicted from the organisation's applications too: a real run needs a known origin.
    assert emulator.requests() == ['GET ' + LINKS, 'GET /v3/applications', 'GET ' + LINKS]
    assert keys(emulator.links()) == ['ru.yandex.teamcity:build-0']


def test_diff_shows_the_links_before_and_after(playbook, emulator, execution):
    emulator.add_link(origin='com.github', key='PR-7')

    run = playbook(link_task(), options=['--diff'], execution=execution)

    assert run.result['diff'] == {
        'before': 'com.github:PR-7 (relates)\n',
        'after': 'com.github:PR-7 (relates)\nru.yandex.teamcity:build-1 (relates)\n',
    }
    assert '\n+ru.yandex.teamcity:build-1 (relates)\n' in run.output
    assert 'WARNING' not in run.output


def test_existing_duplicates_are_kept_by_present_and_all_removed_by_absent(playbook, emulator):
    emulator.add_link()
    emulator.add_link()
    emulator.add_link(key='build-2')

    present = playbook(link_task())
    absent = playbook(link_task(state='absent'))

    assert present.result['changed'] is False
    assert len(absent.result['removed']) == 2
    assert keys(emulator.links()) == ['ru.yandex.teamcity:build-2']


def test_many_links_in_one_task_with_purge(playbook, emulator):
    emulator.add_link(key='build-old')
    emulator.add_link(origin='com.github', key='PR-1')
    emulator.forget()
    task = {'ytracker.tracker.tracker_remote_link': {'issue': 'TEST-1', 'purge': True, 'links': [
        {'origin': 'ru.yandex.teamcity', 'key': 'build-1'},
        {'origin': 'ru.yandex.teamcity', 'key': 'build-2', 'relationship': 'depends on'},
    ]}}

    first = playbook(task)
    second = playbook(task)

    assert first.result['changed'] is True
    assert keys(first.result['links']) == ['ru.yandex.teamcity:build-1', 'ru.yandex.teamcity:build-2']
    assert keys(first.result['removed']) == ['ru.yandex.teamcity:build-old']
    assert second.result['changed'] is False
    assert [entry.split(' ')[0] for entry in emulator.requests()] == ['GET', 'POST', 'POST', 'GET', 'DELETE', 'GET']
    assert keys(emulator.links()) == ['com.github:PR-1', 'ru.yandex.teamcity:build-1', 'ru.yandex.teamcity:build-2']


def test_iam_token_with_a_cloud_organization(playbook, emulator, execution):
    run = playbook(link_task(iam_token='emulator-iam-token', cloud_org_id='emulator-cloud-org'),
                   env={'TRACKER_API_URL': emulator.url}, emulator_env=False, execution=execution)

    assert run.result['changed'] is True, run.output
    assert [(entry['auth_scheme'], entry['org_header']) for entry in emulator.request_log()] == [
        ('Bearer', 'X-Cloud-Org-ID')] * 3


def test_options_in_the_task_and_the_v2_api(playbook, emulator):
    run = playbook(link_task(api_url=emulator.url, api_version='v2', oauth_token='emulator-oauth-token',
                             org_id='emulator-org'), emulator_env=False)

    assert run.result['changed'] is True, run.output
    assert emulator.requests() == ['GET /v2/issues/TEST-1/remotelinks', 'POST /v2/issues/TEST-1/remotelinks',
                                   'GET /v2/issues/TEST-1/remotelinks']
    assert emulator.request_log()[0]['user_agent'].startswith('ytracker.tracker/')


def test_every_page_is_read(playbook, start_emulator):
    emulator = start_emulator('--page-size', '2')
    for number in range(5):
        emulator.add_link(key='build-%d' % number)
    emulator.forget()

    run = playbook(link_task(api_url=emulator.url, key='build-4'))

    assert run.result['changed'] is False, run.output
    assert emulator.requests() == ['GET ' + LINKS] * 3


# faults: whatever happens, the issue ends with exactly one link

@pytest.mark.parametrize('fault', [
    {'kind': 'rate_limit', 'retry_after': 1},
    {'kind': 'rate_limit', 'method': 'POST'},
    {'kind': 'error', 'status': 503, 'method': 'GET'},
    {'kind': 'error', 'status': 500, 'method': 'POST'},
    {'kind': 'create_then_drop', 'method': 'POST'},
    {'kind': 'create_then_500', 'method': 'POST'},
    {'kind': 'slow', 'delay': 3, 'method': 'GET'},
], ids=lambda fault: '-'.join(str(value) for value in fault.values()))
def test_faults_leave_exactly_one_link(playbook, emulator, fault):
    emulator.arm(fault)

    run = playbook(link_task(timeout=1.5))
    rerun = playbook(link_task())

    assert run.rc == 0 and not run.result.get('failed'), run.output
    assert run.result['changed'] is True
    assert rerun.result['changed'] is False
    assert keys(emulator.links()) == ['ru.yandex.teamcity:build-1']


def test_an_ambiguous_create_is_resolved_by_reading_not_by_posting_again(playbook, emulator):
    emulator.arm({'kind': 'create_then_500', 'method': 'POST'})

    run = playbook(link_task())

    assert run.result['changed'] is True
    assert emulator.requests() == ['GET ' + LINKS, 'POST ' + LINKS, 'GET ' + LINKS]


def test_check_mode_fails_as_the_real_run_does_for_an_unknown_origin(playbook, emulator, execution):
    checked = playbook(link_task(origin='org.example.ci'), options=['--check'], execution=execution)
    real = playbook(link_task(origin='org.example.ci'), execution=execution)

    assert checked.result['failed'] is True and real.result['failed'] is True
    assert checked.result['msg'].startswith("origin 'org.example.ci' is not one of the applications Tracker knows"
                                            " (com.github, ru.yandex.bitbucket, ")
    assert 'HTTP 400' in real.result['msg']
    assert emulator.links() == []


def test_a_relationship_typo_is_refused_before_any_request(playbook, emulator, execution):
    emulator.add_link()
    emulator.forget()

    run = playbook(link_task(relationship='relate'), execution=execution)

    assert run.result['failed'] is True
    assert run.result['msg'].startswith('relationship must be one of the names the Tracker reference documents')
    assert emulator.requests() == []


def test_rate_limits_that_do_not_end_fail_with_the_status(playbook, emulator):
    emulator.arm({'kind': 'rate_limit', 'retry_after': 0, 'count': 3})

    run = playbook(link_task(retries=2), ignore_errors=False)

    assert run.rc == 2
    assert 'GET /v3/issues/TEST-1/remotelinks: HTTP 429 Too Many Requests: Too many requests' in run.output
    assert len(emulator.requests()) == 3
    assert emulator.links() == []


# errors

@pytest.mark.parametrize('args, env, message', [
    ({'issue': 'NOPE-1'}, {}, "HTTP 404 Not Found: Issue does not exist. (check that issue 'NOPE-1' exists"),
    ({'issue': 'SECRET-1'}, {}, 'HTTP 403 Forbidden: You do not have permission to access this issue.'),
    ({}, {'TRACKER_OAUTH_TOKEN': 'wrong-token'}, 'HTTP 401 Unauthorized: Not authorized. (check oauth_token'),
    ({}, {'TRACKER_ORG_ID': 'other-org'}, 'HTTP 401 Unauthorized: Not authorized.'),
    ({'origin': 'no.such.app'}, {}, "HTTP 400 Bad Request: Unknown application: no.such.app; origin: Unknown"),
])
def test_api_errors_are_one_clear_line(playbook, emulator, args, env, message, execution):
    run = playbook(link_task(**args), env=env, ignore_errors=False, execution=execution)

    assert run.rc == 2
    assert message in run.output
    assert 'Traceback' not in run.output
    assert emulator.links() == []


def test_an_unreachable_api_is_a_clear_failure(playbook, emulator):
    run = playbook(link_task(api_url='http://127.0.0.1:9', retries=1), ignore_errors=False)

    assert run.rc == 2
    assert 'GET /v3/issues/TEST-1/remotelinks: cannot connect to 127.0.0.1:9: ' in run.output
    assert '(after 2 attempts; check api_url)' in run.output
    assert 'Traceback' not in run.output


@pytest.mark.parametrize('args, env, message', [
    ({'issue': ''}, {}, 'issue must not be empty'),
    ({'key': ' '}, {}, 'key must not be empty'),
    ({'origin': ''}, {}, 'origin must not be empty'),
    ({'relationship': ''}, {}, 'relationship must be one of the names the Tracker reference documents'),
    ({'iam_token': 'emulator-iam-token'}, {}, 'parameters are mutually exclusive: oauth_token|iam_token'),
    ({'oauth_token': ''}, {}, 'oauth_token must not be empty'),
    # An empty variable counts as not set.
    ({}, {'TRACKER_OAUTH_TOKEN': ''}, 'one of oauth_token and iam_token is required (or the environment variable'),
    ({'cloud_org_id': 'emulator-cloud-org'}, {}, 'parameters are mutually exclusive: org_id|cloud_org_id'),
    ({'org_id': ' '}, {}, 'org_id must not be empty'),
    ({}, {'TRACKER_ORG_ID': ''}, 'one of org_id and cloud_org_id is required (or the environment variable'),
    ({}, {'TRACKER_API_URL': 'api.tracker.example'}, 'api_url must be an http:// or https:// URL'),
    ({'timeout': 0}, {}, 'timeout must be greater than 0 seconds'),
    ({'retries': -1}, {}, 'retries must be 0 or more'),
])
def test_bad_input_fails_before_any_request(playbook, emulator, args, env, message, execution):
    run = playbook(link_task(**args), env=env, execution=execution)

    assert run.result['failed'] is True
    assert message in run.result['msg']
    assert 'Traceback' not in run.output
    assert emulator.request_log() == []


def test_the_token_never_shows_even_at_the_highest_verbosity(playbook, emulator, execution):
    emulator.arm({'kind': 'rate_limit', 'retry_after': 0}, {'kind': 'error', 'status': 500, 'method': 'POST'})

    ok = playbook(link_task(), options=['-vvvv', '--diff'], execution=execution)
    failed = playbook(link_task(issue='NOPE-1'), options=['-vvvv'], execution=execution)

    assert ok.result['changed'] is True and failed.result['failed'] is True
    for run in (ok, failed):
        assert 'emulator-oauth-token' not in run.output
        assert 'emulator-oauth-token' not in str(run.results)


# the info module and the action group

def test_info_lists_every_page_and_filters(playbook, start_emulator):
    emulator = start_emulator('--page-size', '2')
    for key in ('build-1', 'build-2', 'build-3'):
        emulator.add_link(key=key)
    emulator.add_link(origin='com.github', key='PR-1')
    emulator.forget()
    info = 'ytracker.tracker.tracker_remote_link_info'

    run = playbook({info: {'issue': 'TEST-1', 'api_url': emulator.url}},
                   {info: {'issue': 'TEST-1', 'api_url': emulator.url, 'origin': 'ru.yandex.teamcity'}},
                   options=['--check'])

    everything, teamcity = run.results
    assert emulator.requests() == ['GET ' + LINKS] * 4
    assert everything['changed'] is False
    assert everything['links'] == emulator.links()
    assert keys(teamcity['links']) == ['ru.yandex.teamcity:build-1', 'ru.yandex.teamcity:build-2',
                                       'ru.yandex.teamcity:build-3']


def test_module_defaults_group_sets_the_connection_once(playbook, emulator, execution):
    group = {'group/ytracker.tracker.tracker': {
        'api_url': emulator.url, 'iam_token': 'emulator-iam-token', 'cloud_org_id': 'emulator-cloud-org'}}

    run = playbook(link_task(), {'ytracker.tracker.tracker_remote_link_info': {'issue': 'TEST-1'}},
                   emulator_env=False, play={'module_defaults': group}, execution=execution)

    created, listed = run.results
    assert created['changed'] is True, run.output
    assert listed['links'] == [created['link']]
    assert {entry['auth_scheme'] for entry in emulator.request_log()} == {'Bearer'}
