# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_component and tracker_component_info through ansible-playbook, against the emulator."""

from conftest import module_task

MODULE = 'ytracker.tracker.tracker_component'
INFO = 'ytracker.tracker.tracker_component_info'
LIST = 'GET /v3/components'
ALICE = '1120000000016876'
HOSTS = 12
component_task = module_task(MODULE, {'queue': 'REL', 'name': 'api'})


def test_create_rerun_edit_and_clear_the_lead(playbook, emulator, execution):
    created = playbook(component_task(description='The API', lead='alice', assign_auto=True), execution=execution)
    assert created.rc == 0, created.output
    component = created.result['component']
    assert created.result['changed'] is True and component['lead']['id'] == ALICE and component['assignAuto'] is True
    assert emulator.requests() == [LIST, 'POST /v3/components', LIST]
    where = '/v3/components/%d' % component['id']

    emulator.forget()
    again = playbook(component_task(description='The API', lead=ALICE, assign_auto=True), execution=execution)
    assert again.result['changed'] is False and again.result['component']['id'] == component['id']
    assert emulator.requests() == [LIST]

    emulator.forget()
    by_login = playbook(component_task(lead='alice'), execution=execution)
    assert by_login.result['changed'] is False
    assert emulator.requests() == [LIST, 'GET /v3/users/alice']

    emulator.forget()
    edited = playbook(component_task(description='The public API', lead='bob', assign_auto=False), execution=execution)
    assert edited.result['changed'] is True, edited.output
    assert edited.result['component']['description'] == 'The public API'
    assert edited.result['component']['lead']['display'] == 'Bob Jones'
    assert edited.result['component']['assignAuto'] is False
    assert emulator.requests() == [LIST, 'GET /v3/users/bob', 'PATCH ' + where]
    assert emulator.request_log()[-1]['query'] == 'version=%d' % component['version']

    emulator.forget()
    cleared = playbook(component_task(lead=''), execution=execution)
    assert cleared.result['changed'] is True and 'lead' not in cleared.result['component']
    assert emulator.requests() == [LIST, 'PATCH ' + where]


def test_check_mode_and_diff_write_nothing(playbook, emulator, execution):
    run = playbook(component_task(name='backend', description='Services', lead='carol'), options=['--check', '--diff'],
                   execution=execution)
    assert run.result['changed'] is True, run.output
    assert run.result['diff'] == {'before': 'name: backend\nassign_auto: false\n',
                                  'after': 'name: backend\ndescription: Services\nlead: carol\nassign_auto: false\n'}
    # The lead a real run would send is looked up: Tracker refuses a login it does not know.
    assert emulator.requests() == [LIST, 'GET /v3/users/carol']
    assert [item['name'] for item in emulator.api('GET', '/components') if item['queue']['key'] == 'REL'] == [
        'backend', 'frontend']


def test_bad_input_and_absent_fail_before_any_request(playbook, emulator, execution):
    run = playbook(component_task(name='two\nlines'), execution=execution)
    assert run.result['failed'] and run.result['msg'] == 'name must be one line'
    absent = playbook(component_task(state='absent'), execution=execution)
    assert absent.result['failed'] and absent.result['msg'] == (
        'state=absent: Tracker offers no way to delete a component through its API; remove it in Tracker itself')
    queue = playbook(component_task(queue='rel-1'), execution=execution)
    assert queue.result['failed'] and queue.result['msg'] == "queue must be a queue key like REL, got 'rel-1'"
    assert emulator.requests() == []


def test_info_lists_the_queues_components_by_name(playbook, emulator, execution):
    every = playbook({INFO: {'queue': 'REL'}}, execution=execution)
    assert every.rc == 0, every.output
    assert [item['name'] for item in every.result['components']] == ['backend', 'frontend']
    assert all(item['queue']['key'] == 'REL' for item in every.result['components'])
    one = playbook({INFO: {'queue': 'TEST', 'name': ' frontend '}}, execution=execution)
    assert [(item['name'], item['queue']['key']) for item in one.result['components']] == [('frontend', 'TEST')]
    assert one.result['changed'] is False
    assert emulator.requests() == [LIST, LIST]


def many_hosts(playbook, tmp_path, execution, env=None):
    inventory = tmp_path / 'hosts.ini'
    hosts = ''.join('host-%02d ansible_connection=local\n' % number for number in range(HOSTS))
    inventory.write_text('[deploy]\n' + hosts)
    return playbook(component_task(name='release-7', lead='alice'), play={'hosts': 'deploy'}, env=env,
                    options=['-i', str(inventory), '--forks', str(HOSTS)], execution=execution)


def test_many_hosts_where_tracker_refuses_twins_leave_exactly_one(playbook, emulator, tmp_path, execution):
    run = many_hosts(playbook, tmp_path, execution)

    assert run.rc == 0, run.output
    made = [item for item in emulator.api('GET', '/components') if item['name'] == 'release-7']
    assert len(made) == 1
    assert len(run.by_host) == HOSTS
    assert set(results[0]['component']['id'] for results in run.by_host.values()) == set([made[0]['id']])
    assert not any(results[0].get('warnings') for results in run.by_host.values())


def test_many_hosts_where_tracker_takes_twins_agree_on_the_lowest_id(playbook, start_emulator, tmp_path, execution):
    allowing = start_emulator('--duplicate-names', 'allow')

    run = many_hosts(playbook, tmp_path, execution, env={'TRACKER_API_URL': allowing.url})

    assert run.rc == 0, run.output
    made = sorted(item['id'] for item in allowing.api('GET', '/components') if item['name'] == 'release-7')
    assert made
    assert len(run.by_host) == HOSTS
    assert set(results[0]['component']['id'] for results in run.by_host.values()) == set([made[0]])
    # Each host that saw twins names those it saw; the one that made the last sees them all.
    warned = [results[0].get('warnings', []) for results in run.by_host.values()]
    named = []
    for warnings in warned:
        assert len(warnings) <= 1, warnings
        for warning in warnings:
            assert warning.startswith('queue REL has more than one component named release-7; this task manages the'
                                      ' one with the lowest id (%d) and leaves the others (' % made[0]), warning
            assert warning.endswith(') as they are: components cannot be deleted through the API, rename the others'
                                    ' or remove them in Tracker itself'), warning
            named.append(warning.split('leaves the others (', 1)[1].split(')', 1)[0])
    assert all(set(others.split(', ')) <= set(str(number) for number in made[1:]) for others in named)
    if len(made) > 1:
        assert ', '.join(str(number) for number in made[1:]) in named
    else:
        assert not named


def test_a_queue_key_in_lower_case_is_the_queue_and_a_rerun_finds_its_component(playbook, emulator, execution):
    task = component_task(queue='rel', name='db')

    created, again, listed = playbook(task, task, module_task(INFO, {'queue': 'rel', 'name': 'db'})(),
                                      execution=execution).results

    assert created['changed'] is True and created['component']['queue']['key'] == 'REL', created
    assert again['changed'] is False and again['component']['id'] == created['component']['id']
    assert [item['id'] for item in listed['components']] == [created['component']['id']]
    assert emulator.requests().count('POST /v3/components') == 1
