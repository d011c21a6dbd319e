# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_queue through ansible-playbook, against the emulator."""

from conftest import module_task

MODULE = 'ytracker.tracker.tracker_queue'
READ = 'GET /v3/queues/PAY'
ALICE = '1120000000016876'
HOSTS = 8
TYPES = [{'type': 'task', 'workflow': 'oicn', 'resolutions': ['fixed', 'wontFix']},
         {'type': 'bug', 'workflow': 'dev', 'resolutions': ['fixed']}]
FULL = {'key': 'pay', 'name': 'Payments', 'lead': 'alice', 'default_type': 'task', 'default_priority': 'normal',
        'issue_types': TYPES}
queue_task = module_task(MODULE, FULL)


def test_create_rerun_edit_and_the_requests_each_sends(playbook, emulator, execution):
    created = playbook(queue_task(description='The payments service'), execution=execution)
    assert created.rc == 0, created.output
    queue = created.result['queue']
    assert created.result['changed'] is True and created.result['restored'] is False
    assert queue['key'] == 'PAY' and queue['lead']['id'] == ALICE and queue['description'] == 'The payments service'
    assert [item['issueType']['key'] for item in queue['issueTypesConfig']] == ['task', 'bug']
    # create-queue.md has no description: an edit after the create gives it.
    assert emulator.requests() == [READ, 'POST /v3/queues/', READ, 'PATCH /v3/queues/PAY', READ]
    assert emulator.request_log()[0]['query'] == 'expand=issueTypesConfig'

    emulator.forget()
    again = playbook(queue_task(lead=ALICE), execution=execution)
    assert again.result['changed'] is False and again.result['queue']['id'] == queue['id']
    assert emulator.requests() == [READ]

    emulator.forget()
    by_login = playbook(queue_task(), execution=execution)
    assert by_login.result['changed'] is False
    assert emulator.requests() == [READ, 'GET /v3/users/alice']

    emulator.forget()
    edited = playbook({MODULE: {'key': 'PAY', 'name': 'Payments and refunds', 'lead': 'bob',
                                'default_priority': 'critical', 'description': ''}}, execution=execution)
    assert edited.result['changed'] is True, edited.output
    assert edited.result['queue']['name'] == 'Payments and refunds'
    assert edited.result['queue']['lead']['display'] == 'Bob Jones'
    assert edited.result['queue']['defaultPriority']['key'] == 'critical'
    assert 'description' not in edited.result['queue'] or not edited.result['queue']['description']
    assert emulator.requests() == [READ, 'GET /v3/users/bob', 'PATCH /v3/queues/PAY', READ]


def test_check_mode_and_diff_write_nothing(playbook, emulator, execution):
    run = playbook(queue_task(), options=['--check', '--diff'], execution=execution)
    assert run.result['changed'] is True and run.result['queue'] is None, run.output
    assert run.result['diff'] == {'before': '', 'after': (
        'key: PAY\nname: Payments\nlead: alice\ndefault_type: task\ndefault_priority: normal\n'
        'issue_type: task workflow=oicn resolutions=fixed,wontFix\nissue_type: bug workflow=dev resolutions=fixed\n')}
    assert emulator.requests() == [READ, 'GET /v3/users/alice']
    assert emulator.api_answer('GET', '/v3/queues/PAY')[0] == 404

    existing = playbook({MODULE: {'key': 'OPS', 'name': 'Operations'}}, options=['--check', '--diff'],
                        execution=execution)
    assert existing.result['changed'] is True
    before, after = existing.result['diff']['before'], existing.result['diff']['after']
    assert 'name: Queue OPS\n' in before and 'name: Operations\n' in after
    assert before.replace('name: Queue OPS', 'name: Operations') == after
    assert emulator.api('GET', '/queues/OPS')['name'] == 'Queue OPS'


def test_issue_types_are_edited_where_tracker_takes_them_and_named_where_it_refuses(
        playbook, emulator, start_emulator, execution):
    wanted = {MODULE: {'key': 'OPS', 'issue_types': [{'type': 'bug', 'workflow': 'support', 'resolutions': ['fixed']}]}}
    refused = playbook(wanted, execution=execution)
    assert refused.result['failed'] and refused.result['changed'] is False
    assert refused.result['msg'] == (
        'PATCH /v3/queues/OPS: HTTP 400 Bad Request: Field issueTypesConfig cannot be set.; issueTypesConfig: Read-only'
        ' field. (queue OPS: Tracker refuses'
        " to edit issue_types of an existing queue; change it in the queue's settings in Tracker)")

    taking = start_emulator('--queue-edit', 'types')
    edited = playbook(wanted, env={'TRACKER_API_URL': taking.url}, execution=execution)
    assert edited.result['changed'] is True, edited.output
    configs = dict((item['issueType']['key'], item) for item in edited.result['queue']['issueTypesConfig'])
    assert sorted(configs) == ['bug', 'release', 'task']
    assert configs['bug']['workflow']['id'] == 'support'
    assert [item['key'] for item in configs['bug']['resolutions']] == ['fixed']
    again = playbook(wanted, env={'TRACKER_API_URL': taking.url}, execution=execution)
    assert again.result['changed'] is False

    # A new type as the new default: the types go first, so that the default is one of them when sent.
    default = {MODULE: {'key': 'OPS', 'default_type': 'epic',
                        'issue_types': [{'type': 'epic', 'workflow': 'support', 'resolutions': ['fixed']}]}}
    made_default = playbook(default, env={'TRACKER_API_URL': taking.url}, execution=execution)
    assert made_default.result['changed'] is True, made_default.output
    assert made_default.result['queue']['defaultType']['key'] == 'epic'


def test_delete_needs_force_and_a_deleted_queue_is_restored_only_when_asked(playbook, emulator, execution):
    refused = playbook({MODULE: {'key': 'INC', 'state': 'absent'}}, execution=execution)
    assert refused.result['failed'] and refused.result['msg'] == (
        'state=absent deletes queue INC and every issue in it: set force=true to confirm')
    assert emulator.requests() == []
    emulator.api('POST', '/issues/', {'queue': 'INC', 'summary': 'An incident'})

    deleted, gone = playbook({MODULE: {'key': 'INC', 'state': 'absent', 'force': True}},
                             {MODULE: {'key': 'INC', 'state': 'absent', 'force': True}}, execution=execution).results
    assert deleted['changed'] is True and gone['changed'] is False, deleted
    assert emulator.api_answer('GET', '/v3/issues/INC-1')[0] == 404

    wanted = {MODULE: dict(FULL, key='INC', name='Incidents')}
    emulator.forget()
    not_asked = playbook(wanted, execution=execution)
    assert not_asked.result['failed'] and not_asked.result['changed'] is False
    assert not_asked.result['msg'].startswith('POST /v3/queues/: HTTP 409 Conflict: The key INC was used by a deleted'
                                              ' queue.')
    assert not_asked.result['msg'].endswith('queue INC cannot be read: its key is that of a deleted queue (or one'
                                            ' Tracker keeps); restore=true brings a deleted queue back, with its'
                                            ' issues')
    restored = playbook({MODULE: dict(FULL, key='INC', name='Incidents', restore=True,
                                      issue_types=[TYPES[0], {'type': 'release', 'workflow': 'oicn',
                                                              'resolutions': ['fixed']}])}, execution=execution)
    assert restored.result['changed'] is True and restored.result['restored'] is True, restored.output
    assert restored.result['queue']['name'] == 'Incidents' and restored.result['queue']['lead']['id'] == ALICE
    assert emulator.api('GET', '/issues/INC-1')['summary'] == 'An incident'


def test_restore_with_the_key_alone_brings_a_deleted_queue_back_and_fails_for_one_never_made(
        playbook, emulator, execution):
    emulator.api('POST', '/queues/', {'key': 'OLD', 'name': 'Old', 'lead': 'alice', 'defaultType': 'task',
                                      'defaultPriority': 'normal', 'issueTypesConfig': [
                                          {'issueType': 'task', 'workflow': 'oicn', 'resolutions': ['fixed']}]})
    emulator.api('DELETE', '/queues/OLD')
    emulator.forget()

    restored, again, never = playbook({MODULE: {'key': 'OLD', 'restore': True}},
                                      {MODULE: {'key': 'OLD', 'restore': True}},
                                      {MODULE: {'key': 'NEVER', 'restore': True}}, execution=execution).results

    assert restored['changed'] is True and restored['restored'] is True and restored['queue']['key'] == 'OLD', restored
    assert again['changed'] is False and again['restored'] is False
    assert never['failed'] and never['msg'] == (
        'POST /v3/queues/NEVER/_restore: HTTP 404 Not Found: Queue does not exist: NEVER (queue NEVER is not among'
        ' the deleted queues, and creating it needs name, lead, default_type, default_priority, issue_types)')
    assert emulator.requests() == ['GET /v3/queues/OLD', 'POST /v3/queues/OLD/_restore', 'GET /v3/queues/OLD',
                                   'GET /v3/queues/OLD', 'GET /v3/queues/NEVER', 'POST /v3/queues/NEVER/_restore']


def test_bad_input_fails_before_any_request_and_a_missing_option_before_any_write(playbook, emulator, execution):
    key = playbook({MODULE: {'key': 'PAY-1'}}, execution=execution)
    assert key.result['failed'] and key.result['msg'] == "key must be a queue key of Latin letters like OPS, got 'PAY-1'"
    default = playbook(queue_task(default_type='epic'), execution=execution)
    assert default.result['failed'] and default.result['msg'] == (
        'default_type epic must be one of the types issue_types lists')
    typo = playbook({MODULE: dict(FULL, issue_types=[{'kind': 'task', 'workflow': 'oicn'}])}, execution=execution)
    assert typo.result['failed'] and typo.result['msg'] == 'missing required arguments: type found in issue_types'
    assert emulator.requests() == []

    missing = playbook({MODULE: {'key': 'PAY', 'name': 'Payments'}}, execution=execution)
    assert missing.result['failed'] and missing.result['msg'] == (
        'queue PAY does not exist, and creating it needs lead, default_type, default_priority, issue_types'
        ' (restore=true brings back a deleted queue of that key)')
    assert emulator.requests() == [READ]


def test_many_hosts_create_one_queue(playbook, emulator, tmp_path, execution):
    inventory = tmp_path / 'hosts.ini'
    hosts = ''.join('host-%02d ansible_connection=local\n' % number for number in range(HOSTS))
    inventory.write_text('[deploy]\n' + hosts)
    run = playbook(queue_task(), play={'hosts': 'deploy'}, options=['-i', str(inventory), '--forks', str(HOSTS)],
                   execution=execution)
    assert run.rc == 0, run.output
    assert len(run.by_host) == HOSTS
    assert set(results[0]['queue']['id'] for results in run.by_host.values()) == set(
        [emulator.api('GET', '/queues/PAY')['id']])
    assert emulator.requests().count('POST /v3/queues/') >= 1
