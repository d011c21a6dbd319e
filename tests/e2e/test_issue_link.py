# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_issue_link through ansible-playbook, against the emulator."""

import pytest

from conftest import module_task

MODULE = 'ytracker.tracker.tracker_issue_link'
LINKS = '/v3/issues/TEST-1/links'
DEPENDS = {'issue': 'TEST-1', 'linked_issue': 'TEST-2', 'relationship': 'depends on'}

# Each documented name and the name of the same link seen from the other issue.
SEEN_FROM_THE_OTHER_ISSUE = {
    'relates': 'relates',
    'depends on': 'is dependent by',
    'is dependent by': 'depends on',
    'is subtask for': 'is parent task for',
    'is parent task for': 'is subtask for',
    'duplicates': 'is duplicated by',
    'is duplicated by': 'duplicates',
    'is epic of': 'has epic',
    'has epic': 'is epic of',
}


link_task = module_task(MODULE, DEPENDS)


def issue_links(emulator, issue='TEST-1'):
    return emulator.api('GET', '/issues/%s/links?perPage=1000' % issue)


def link_issues(emulator, issue, linked_issue, relationship='relates'):
    """Link two issues through the API, as another tool or a person would."""
    return emulator.api('POST', '/issues/%s/links' % issue, {'relationship': relationship, 'issue': linked_issue})


def seen(links):
    """Each link as (type.id, direction, the other issue), sorted."""
    return sorted((link['type']['id'], link['direction'], link['object']['key']) for link in links)


def test_create_then_rerun_then_remove(playbook, emulator, execution):
    created = playbook(link_task(), execution=execution)
    assert created.rc == 0, created.output
    assert created.result['changed'] is True
    assert created.result['link']['object']['key'] == 'TEST-2'
    assert emulator.requests() == ['GET ' + LINKS, 'POST ' + LINKS, 'GET ' + LINKS]
    assert seen(issue_links(emulator, 'TEST-1')) == [('depends', 'outward', 'TEST-2')]
    assert seen(issue_links(emulator, 'TEST-2')) == [('depends', 'inward', 'TEST-1')]

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
    assert issue_links(emulator, 'TEST-1') == [] and issue_links(emulator, 'TEST-2') == []


def test_the_link_made_from_the_other_issue_is_found_and_nothing_is_created(playbook, emulator, execution):
    made = link_issues(emulator, 'TEST-2', 'TEST-1', 'is dependent by')
    emulator.forget()

    run = playbook(link_task(), link_task(state='absent'), options=['--check'], execution=execution)

    found, would_remove = run.results
    assert found['changed'] is False, run.output
    assert found['link']['id'] == made['id']
    assert would_remove['changed'] is True and [link['id'] for link in would_remove['removed']] == [made['id']]
    assert emulator.requests() == ['GET ' + LINKS] * 2
    assert seen(issue_links(emulator, 'TEST-2')) == [('depends', 'inward', 'TEST-1')]


@pytest.mark.parametrize('relationship', sorted(SEEN_FROM_THE_OTHER_ISSUE))
def test_each_documented_relationship_is_one_link_seen_from_both_issues(playbook, emulator, relationship):
    opposite = SEEN_FROM_THE_OTHER_ISSUE[relationship]

    run = playbook({MODULE: {'issue': 'DEMO-1', 'linked_issue': 'DEMO-2', 'relationship': relationship.upper()}},
                   {MODULE: {'issue': 'DEMO-2', 'linked_issue': 'demo-1', 'relationship': opposite}},
                   {MODULE: {'issue': 'DEMO-1', 'linked_issue': 'DEMO-2', 'relationship': relationship}},
                   options=['--diff'])

    created, from_the_other_issue, again = run.results
    assert created['changed'] is True, run.output
    assert created['diff'] == {'before': '', 'after': '%s: DEMO-2\n' % relationship}
    assert from_the_other_issue['changed'] is False and again['changed'] is False
    assert from_the_other_issue['link']['id'] == created['link']['id'] == again['link']['id']
    assert from_the_other_issue['diff']['before'] == '%s: DEMO-1\n' % opposite
    assert len(issue_links(emulator, 'DEMO-1')) == 1


def test_absent_without_the_link_changes_nothing(playbook, emulator):
    link_issues(emulator, 'TEST-1', 'TEST-2', 'is dependent by')
    emulator.forget()

    run = playbook(link_task(state='absent'))

    assert run.result['changed'] is False and run.result['link'] is None
    assert emulator.requests() == ['GET ' + LINKS]
    assert len(issue_links(emulator)) == 1


def test_purge_deletes_other_links_of_the_named_types_only(playbook, emulator):
    link_issues(emulator, 'TEST-1', 'TEST-2', 'depends on')
    link_issues(emulator, 'TEST-1', 'TEST-3', 'depends on')
    link_issues(emulator, 'DEMO-1', 'TEST-1', 'depends on')
    link_issues(emulator, 'TEST-1', 'DEMO-2', 'relates')
    link_issues(emulator, 'DEMO-3', 'TEST-1', 'is subtask for')

    run = playbook(link_task(purge=True), options=['--diff'])

    assert run.result['changed'] is True, run.output
    assert seen(run.result['removed']) == [('depends', 'inward', 'DEMO-1'), ('depends', 'outward', 'TEST-3')]
    assert seen(issue_links(emulator)) == [('depends', 'outward', 'TEST-2'), ('relates', 'inward', 'DEMO-2'),
                                           ('subtask', 'outward', 'DEMO-3')]
    assert issue_links(emulator, 'TEST-3') == [] and issue_links(emulator, 'DEMO-1') == []
    assert run.result['diff']['after'] == 'depends on: TEST-2\nis parent task for: DEMO-3\nrelates: DEMO-2\n'


def test_many_links_in_one_task_read_once(playbook, emulator):
    link_issues(emulator, 'TEST-3', 'TEST-1', 'is parent task for')
    emulator.forget()
    task = {MODULE: {'issue': 'TEST-1', 'links': [
        {'linked_issue': 'TEST-2', 'relationship': 'depends on'},
        {'linked_issue': 'TEST-3', 'relationship': 'is subtask for'},
        {'linked_issue': 'DEMO-1'},
    ]}}

    first = playbook(task)
    second = playbook(task)

    assert first.result['changed'] is True, first.output
    assert seen(first.result['links']) == [('depends', 'outward', 'TEST-2'), ('relates', 'inward', 'DEMO-1'),
                                           ('subtask', 'inward', 'TEST-3')]
    assert second.result['changed'] is False
    assert [entry.split(' ')[0] for entry in emulator.requests()] == ['GET', 'POST', 'POST', 'GET', 'GET']
    assert len(issue_links(emulator)) == 3


def test_check_mode_writes_nothing_and_predicts_the_change(playbook, emulator, execution):
    link_issues(emulator, 'TEST-1', 'TEST-3')
    emulator.forget()

    create = playbook(link_task(), options=['--check'], execution=execution)
    remove = playbook(link_task(linked_issue='TEST-3', relationship='relates', state='absent'), options=['--check'],
                      execution=execution)

    assert create.result['changed'] is True and create.result['link'] is None
    assert remove.result['changed'] is True and remove.result['removed'][0]['object']['key'] == 'TEST-3'
    # The create is predicted from a read of the linked issue too: a real run could not link a missing one.
    assert emulator.requests() == ['GET ' + LINKS, 'GET /v3/issues/TEST-2', 'GET ' + LINKS]
    assert seen(issue_links(emulator)) == [('relates', 'inward', 'TEST-3')]


def test_diff_shows_the_links_before_and_after(playbook, emulator, execution):
    link_issues(emulator, 'DEMO-1', 'TEST-1', 'is subtask for')

    run = playbook(link_task(), options=['--diff'], execution=execution)

    assert run.result['diff'] == {
        'before': 'is parent task for: DEMO-1\n',
        'after': 'depends on: TEST-2\nis parent task for: DEMO-1\n',
    }
    assert '\n+depends on: TEST-2\n' in run.output
    assert 'WARNING' not in run.output


def test_an_ambiguous_create_is_resolved_by_reading_not_by_posting_again(playbook, emulator):
    emulator.arm({'kind': 'create_then_500', 'method': 'POST', 'path': '/links'})

    run = playbook(link_task())

    assert run.result['changed'] is True, run.output
    # One read after the POST finds the link it made and would find twins.
    assert emulator.requests() == ['GET ' + LINKS, 'POST ' + LINKS, 'GET ' + LINKS]
    assert seen(issue_links(emulator)) == [('depends', 'outward', 'TEST-2')]


def test_check_mode_fails_as_the_real_run_does_for_a_missing_linked_issue(playbook, emulator, execution):
    checked = playbook(link_task(linked_issue='NOPE-2'), options=['--check'], execution=execution)
    real = playbook(link_task(linked_issue='NOPE-2'), execution=execution)

    assert checked.result['failed'] is True and real.result['failed'] is True
    assert checked.result['msg'] == ("GET /v3/issues/NOPE-2: HTTP 404 Not Found: Issue does not exist."
                                     " (check that issue 'NOPE-2' exists and that the token can see it)")
    assert 'HTTP 404' in real.result['msg']
    assert emulator.requests()[:2] == ['GET ' + LINKS, 'GET /v3/issues/NOPE-2']


def test_keys_lose_surrounding_whitespace(playbook, emulator, execution):
    run = playbook(link_task(issue=' TEST-1 ', linked_issue='TEST-2\n'), execution=execution)

    assert run.result['changed'] is True, run.output
    assert seen(issue_links(emulator)) == [('depends', 'outward', 'TEST-2')]


def test_the_action_group_sets_the_connection_once(playbook, emulator, execution):
    group = {'group/ytracker.tracker.tracker': {
        'api_url': emulator.url, 'iam_token': 'emulator-iam-token', 'cloud_org_id': 'emulator-cloud-org'}}

    run = playbook(link_task(), emulator_env=False, play={'module_defaults': group}, execution=execution)

    assert run.result['changed'] is True, run.output
    assert [(entry['auth_scheme'], entry['org_header']) for entry in emulator.request_log()] == [
        ('Bearer', 'X-Cloud-Org-ID')] * 3


def test_the_token_never_shows_even_at_the_highest_verbosity(playbook, emulator, execution):
    ok = playbook(link_task(), options=['-vvvv', '--diff'], execution=execution)
    failed = playbook(link_task(linked_issue='NOPE-1'), options=['-vvvv'], execution=execution)

    assert ok.result['changed'] is True and failed.result['failed'] is True
    assert "HTTP 404 Not Found: Issue does not exist: NOPE-1 (check that issues 'TEST-1' and 'NOPE-1'" in (
        failed.result['msg'])
    for run in (ok, failed):
        assert 'emulator-oauth-token' not in run.output
        assert 'emulator-oauth-token' not in str(run.results)


@pytest.mark.parametrize('args, message', [
    ({'linked_issue': ''}, 'linked_issue must not be empty'),
    ({'linked_issue': 'TEST-2/links'}, 'linked_issue must be an issue key like QUEUE-123 or an issue id'),
    ({'linked_issue': 'test-1'}, 'linked_issue must be another issue than issue TEST-1'),
    ({'relationship': 'blocks'}, 'relationship must be one of the names the Tracker reference documents'),
    ({'linked_issue': None, 'links': [{'linked_issue': 'TEST-2', 'relationship': 'depends'}]},
     'links[1].relationship must be one of the names the Tracker reference documents'),
    ({'issue': ' '}, 'issue must not be empty'),
])
def test_bad_input_fails_before_any_request(playbook, emulator, args, message, execution):
    task = link_task(**args)
    task[MODULE] = dict((name, value) for name, value in task[MODULE].items() if value is not None)

    run = playbook(task, execution=execution)

    assert run.result['failed'] is True
    assert message in run.result['msg']
    assert '\n' not in run.result['msg']
    assert 'Traceback' not in run.output
    assert emulator.request_log() == []
