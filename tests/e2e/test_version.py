# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_version through ansible-playbook, against the emulator."""

import pytest

from conftest import module_task

MODULE = 'ytracker.tracker.tracker_version'
LIST = '/v3/queues/REL/versions'
version_task = module_task(MODULE, {'queue': 'REL', 'name': '2.0'})


def test_create_rerun_edit_release_archive(playbook, emulator, execution):
    created = playbook(version_task(description='Summer', due_date='2026-07-01'), execution=execution)
    assert created.rc == 0, created.output
    assert created.result['changed'] is True and created.result['version']['dueDate'] == '2026-07-01'
    assert emulator.requests() == ['GET ' + LIST, 'POST /v3/versions/', 'GET ' + LIST]
    version_id = created.result['version']['id']

    emulator.forget()
    again = playbook(version_task(description='Summer', due_date='2026-07-01'), execution=execution)
    assert again.result['changed'] is False and again.result['version']['id'] == version_id
    assert emulator.requests() == ['GET ' + LIST]

    emulator.forget()
    edited = playbook(version_task(description='Autumn', released=True, archived=True), execution=execution)
    assert edited.result['changed'] is True, edited.output
    assert edited.result['version']['description'] == 'Autumn'
    assert edited.result['version']['released'] is True and edited.result['version']['archived'] is True
    where = '/v3/versions/%d' % version_id
    assert emulator.requests() == ['GET ' + LIST, 'PATCH ' + where, 'POST %s/_release' % where,
                                   'POST %s/_archive' % where]

    emulator.forget()
    back = playbook(version_task(released=False), execution=execution)
    assert back.result['failed'] and 'no way to undo' in back.result['msg']
    assert emulator.requests() == ['GET ' + LIST]


def test_check_mode_and_diff_write_nothing(playbook, emulator, execution):
    run = playbook(version_task(name='1.2', description='Planned'), options=['--check', '--diff'],
                   execution=execution)
    assert run.result['changed'] is True, run.output
    assert run.result['diff']['after'] == 'name: 1.2\ndescription: Planned\nreleased: false\narchived: false\n'
    assert emulator.requests() == ['GET ' + LIST]


def test_bad_input_fails_before_any_request(playbook, emulator, execution):
    run = playbook(version_task(start_date='2026-02-30'), execution=execution)
    assert run.result['failed'] and run.result['msg'] == (
        "start_date must be a date as YYYY-MM-DD, like 2026-07-01, got '2026-02-30'")
    absent = playbook(version_task(state='absent'), execution=execution)
    assert absent.result['failed'] and 'archive it instead' in absent.result['msg']
    assert emulator.requests() == []


@pytest.mark.parametrize('reading, release', [
    ('action', 'POST /v3/versions/%d/_release'),
    ('patch', 'PATCH /v3/versions/%d'),
])
def test_a_release_is_taken_whichever_way_tracker_offers(playbook, start_emulator, execution, reading, release):
    emulator = start_emulator('--version-release', reading)
    task = version_task(name='1.2', released=True, api_url=emulator.url)

    released, again = playbook(task, task, execution=execution).results

    assert released['changed'] is True and released['version']['released'] is True, released
    assert again['changed'] is False
    version_id = released['version']['id']
    sent = emulator.requests()
    assert (release % version_id) in sent
    assert emulator.api('GET', '/versions/%d' % version_id)['released'] is True
    if reading == 'patch':  # the action was tried first and refused
        assert sent.index('POST /v3/versions/%d/_release' % version_id) < sent.index(release % version_id)


def test_a_release_tracker_takes_no_way_fails_in_one_line_saying_why(playbook, start_emulator, execution):
    emulator = start_emulator('--version-release', 'none')

    run = playbook(version_task(name='1.2', released=True, api_url=emulator.url), execution=execution)

    assert run.result['failed'] and run.result['changed'] is False
    message = run.result['msg']
    assert message.startswith('cannot set released on version 1.2 (id ') and 'Tracker took neither' in message
    assert 'HTTP 404' in message and 'HTTP 400' in message and '\n' not in message
    assert emulator.api('GET', '/queues/REL/versions')[1]['released'] is False


def test_a_new_version_answered_as_the_reference_example_prints_it(playbook, start_emulator, execution):
    emulator = start_emulator('--version-shape', 'example')
    task = version_task(name='3.0', due_date='2026-09-01', archived=True, api_url=emulator.url)

    created, again = playbook(task, task, execution=execution).results

    assert created['changed'] is True and created['version']['name'] == '3.0', created
    assert created['version']['archived'] is True and again['changed'] is False
    assert [item['name'] for item in emulator.api('GET', '/queues/REL/versions')].count('3.0') == 1


@pytest.mark.parametrize('duplicates', ['refuse', 'allow'])
def test_twelve_hosts_at_once_agree_on_one_version(playbook, start_emulator, tmp_path, execution, duplicates):
    """A release play on twelve hosts without run_once. Where Tracker takes two versions of a name,
    the twins stay (versions cannot be deleted): every host keeps to the lowest id and says so."""
    emulator = start_emulator('--duplicate-names', duplicates)
    inventory = tmp_path / 'hosts.ini'
    inventory.write_text('[deploy]\n' + ''.join('host-%02d ansible_connection=local\n' % number for number in range(12)))

    run = playbook(version_task(name='4.0', description='Autumn', api_url=emulator.url), play={'hosts': 'deploy'},
                   options=['-i', str(inventory), '--forks', '12'], execution=execution)

    assert run.rc == 0, run.output
    made = [item for item in emulator.api('GET', '/queues/REL/versions') if item['name'] == '4.0']
    lowest = min(item['id'] for item in made)
    assert run.result['version']['id'] == lowest, run.result
    recap = [line for line in run.output.splitlines() if line.startswith('host-')]
    assert len(recap) == 12 and all('failed=0' in line for line in recap), recap
    if duplicates == 'refuse':
        assert len(made) == 1
    elif len(made) > 1:
        assert 'more than one version named 4.0; this task manages the one with the lowest id (%d)' % lowest in run.output


def test_info_lists_the_queue_versions_by_name_and_status(playbook, emulator, execution):
    info = module_task('ytracker.tracker.tracker_version_info', {'queue': 'REL'})

    every, released, named, missing = playbook(info(), info(released=True), info(name=' 1.2 '), info(name='9.9'),
                                               execution=execution).results

    assert [item['name'] for item in every['versions']] == ['1.1', '1.2'], every
    assert [item['name'] for item in released['versions']] == ['1.1']
    assert [item['name'] for item in named['versions']] == ['1.2'] and missing['versions'] == []
    assert every['changed'] is False and emulator.requests() == ['GET /v3/queues/REL/versions'] * 4


def test_a_queue_key_in_lower_case_is_the_queue(playbook, emulator, execution):
    created, again = playbook(version_task(queue='rel', name='5.0'), version_task(queue='rel', name='5.0'),
                              execution=execution).results

    assert created['changed'] is True and created['version']['queue']['key'] == 'REL', created
    assert again['changed'] is False and emulator.requests()[-1] == 'GET ' + LIST
