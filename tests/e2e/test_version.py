# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_version through ansible-playbook, against the emulator."""

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
