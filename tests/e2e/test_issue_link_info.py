# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_issue_link_info through ansible-playbook, against the emulator."""

import pytest

from conftest import module_task

MODULE = 'ytracker.tracker.tracker_issue_link_info'
LINKS = '/v3/issues/TEST-1/links'


info_task = module_task(MODULE, {'issue': 'TEST-1'})


def link_issues(emulator, issue, linked_issue, relationship='relates'):
    """Link two issues through the API, as another tool or a person would."""
    return emulator.api('POST', '/issues/%s/links' % issue, {'relationship': relationship, 'issue': linked_issue})


def named(links):
    """Each link as 'relationship: KEY', the way tracker_issue_link's diff shows it, sorted."""
    return sorted('%s: %s' % (link['relationship'], link['object']['key']) for link in links)


def seed(emulator):
    """TEST-1's links, made on TEST-1 or on the other issue."""
    link_issues(emulator, 'TEST-1', 'TEST-2', 'depends on')
    link_issues(emulator, 'DEMO-1', 'TEST-1', 'depends on')
    link_issues(emulator, 'TEST-3', 'TEST-1', 'is subtask for')
    link_issues(emulator, 'TEST-1', 'DEMO-2')
    link_issues(emulator, 'DEMO-3', 'TEST-1')
    link_issues(emulator, 'DEMO-2', 'TEST-3')


def test_every_link_with_its_relationship_as_seen_from_the_issue_in_one_read(playbook, emulator, execution):
    seed(emulator)
    emulator.forget()

    run = playbook(info_task(), options=['--diff'], execution=execution)

    assert run.rc == 0, run.output
    assert run.result['changed'] is False
    assert named(run.result['links']) == ['depends on: TEST-2', 'is dependent by: DEMO-1',
                                          'is parent task for: TEST-3', 'relates: DEMO-2', 'relates: DEMO-3']
    assert emulator.requests() == ['GET ' + LINKS]
    # Each link as the API answers it on TEST-1, the relationship added.
    answered = emulator.api('GET', '/issues/TEST-1/links')
    assert [dict((name, value) for name, value in link.items() if name != 'relationship')
            for link in run.result['links']] == answered


def test_the_names_are_those_of_tracker_issue_link(playbook, emulator, execution):
    """What the info module lists is what tracker_issue_link's diff shows, and finds."""
    seed(emulator)

    run = playbook(info_task(),
                   {'ytracker.tracker.tracker_issue_link': {'issue': 'TEST-1', 'linked_issue': 'TEST-2'}},
                   options=['--diff', '--check'], execution=execution)

    listed, diff = run.results
    assert diff['diff']['before'] == ''.join(line + '\n' for line in named(listed['links'])), run.output
    emulator.forget()
    again = playbook(*[{'ytracker.tracker.tracker_issue_link': {
        'issue': 'TEST-1', 'linked_issue': link['object']['key'], 'relationship': link['relationship']}}
        for link in listed['links']], options=['--check'], execution=execution)
    assert [result['changed'] for result in again.results] == [False] * len(listed['links']), again.output
    assert [result['link']['id'] for result in again.results] == [link['id'] for link in listed['links']]


@pytest.mark.parametrize('args, expected', [
    ({'relationship': 'depends on'}, ['depends on: TEST-2']),
    ({'relationship': 'IS  dependent by'}, ['is dependent by: DEMO-1']),
    ({'relationship': 'relates'}, ['relates: DEMO-2', 'relates: DEMO-3']),
    ({'relationship': 'has epic'}, []),
    ({'linked_issue': 'test-3'}, ['is parent task for: TEST-3']),
    ({'linked_issue': 'DEMO-2', 'relationship': 'relates'}, ['relates: DEMO-2']),
    ({'linked_issue': 'DEMO-2', 'relationship': 'depends on'}, []),
])
def test_filters(playbook, emulator, args, expected):
    seed(emulator)
    emulator.forget()

    run = playbook(info_task(**args), options=['--check'])

    assert named(run.result['links']) == expected, run.output
    assert emulator.requests() == ['GET ' + LINKS]


def test_the_linked_issue_by_its_id(playbook, emulator, execution):
    seed(emulator)
    other = [link for link in emulator.api('GET', '/issues/TEST-1/links') if link['object']['key'] == 'DEMO-1'][0]

    run = playbook(info_task(linked_issue=other['object']['id']), execution=execution)

    assert [link['id'] for link in run.result['links']] == [other['id']], run.output


@pytest.mark.parametrize('paging', ['link-header', 'total-pages'])
def test_every_page_is_read(playbook, start_emulator, paging, execution):
    arguments = ['--page-size', '2'] + (['--no-link-header'] if paging == 'total-pages' else [])
    emulator = start_emulator(*arguments)
    seed(emulator)
    emulator.forget()

    run = playbook(info_task(api_url=emulator.url), info_task(api_url=emulator.url, linked_issue='DEMO-3'),
                   execution=execution)

    everything, last = run.results
    assert len(everything['links']) == 5, run.output
    assert named(last['links']) == ['relates: DEMO-3']
    assert emulator.requests() == ['GET ' + LINKS] * 6


def test_an_unknown_issue_fails_with_the_api_message(playbook, emulator, execution):
    run = playbook(info_task(issue='NOPE-1'), execution=execution)

    assert run.result['failed'] is True
    assert run.result['msg'].startswith('GET /v3/issues/NOPE-1/links: HTTP 404 Not Found:'), run.result['msg']
    assert run.result['status'] == 404
    assert 'emulator-oauth-token' not in run.output


@pytest.mark.parametrize('args, message', [
    ({'relationship': 'blocks'}, 'relationship must be one of the names the Tracker reference documents'),
    ({'linked_issue': 'TEST-2/links'}, 'linked_issue must be an issue key like QUEUE-123 or an issue id'),
    ({'linked_issue': 'test-1'}, 'linked_issue must be another issue than issue TEST-1'),
    ({'issue': ' '}, 'issue must not be empty'),
])
def test_bad_input_fails_before_any_request(playbook, emulator, args, message, execution):
    run = playbook(info_task(**args), execution=execution)

    assert run.result['failed'] is True
    assert message in run.result['msg']
    assert '\n' not in run.result['msg']
    assert 'Traceback' not in run.output
    assert emulator.request_log() == []


def test_the_action_group_sets_the_connection_once(playbook, emulator, execution):
    link_issues(emulator, 'TEST-1', 'TEST-2')
    emulator.forget()
    group = {'group/ytracker.tracker.tracker': {
        'api_url': emulator.url, 'iam_token': 'emulator-iam-token', 'cloud_org_id': 'emulator-cloud-org'}}

    run = playbook(info_task(), emulator_env=False, play={'module_defaults': group}, execution=execution)

    assert named(run.result['links']) == ['relates: TEST-2'], run.output
    assert [(entry['auth_scheme'], entry['org_header']) for entry in emulator.request_log()] == [
        ('Bearer', 'X-Cloud-Org-ID')]
