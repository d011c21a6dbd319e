# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_queue_field through ansible-playbook, against the emulator."""

from conftest import module_task

MODULE = 'ytracker.tracker.tracker_queue_field'
CATEGORY = '000000000000000000000002'
READ = 'GET /v3/queues/OPS/localFields/severity'
field_task = module_task(MODULE, {'queue': 'ops', 'key': 'severity', 'name': {'en': 'Severity', 'ru': 'Sev'},
                                  'category': CATEGORY, 'type': 'select', 'options': ['S1', 'S2', 'S3']})


def test_create_rerun_edit_options_and_set_it_on_an_issue(playbook, emulator, execution):
    created = playbook(field_task(description='How bad it is'), execution=execution)
    assert created.rc == 0, created.output
    field = created.result['field']
    assert created.result['changed'] is True
    assert field['key'] == 'severity' and field['id'].endswith('--severity') and field['queue']['key'] == 'OPS'
    assert field['optionsProvider']['values'] == ['S1', 'S2', 'S3'] and field['schema']['type'] == 'string'
    assert emulator.requests() == [READ, 'GET /v3/queues/OPS', 'POST /v3/queues/OPS/localFields', READ, READ]

    emulator.forget()
    again = playbook(field_task(), execution=execution)
    assert again.result['changed'] is False and again.result['field']['version'] == field['version']
    assert emulator.requests() == [READ, READ]  # the name in English, then in Russian

    emulator.forget()
    added = playbook(field_task(name={'en': 'Severity'}, options=['S4'], readonly=True), execution=execution)
    assert added.result['changed'] is True, added.output
    assert added.result['field']['optionsProvider']['values'] == ['S1', 'S2', 'S3', 'S4']
    assert added.result['field']['readonly'] is True
    assert emulator.requests() == [READ, 'PATCH /v3/queues/OPS/localFields/severity', READ]
    purged = playbook(field_task(name={'ru': 'Серьёзность'}, options=['S2', 'S1'], purge_options=True),
                      execution=execution)
    assert purged.result['field']['optionsProvider']['values'] == ['S2', 'S1']
    assert purged.result['field']['name'] == u'Серьёзность'

    issue_task = {'queue': 'OPS', 'summary': 'Disk full', 'unique': 'disk-1', 'fields': {'severity': 'S2'}}
    issue = playbook({'ytracker.tracker.tracker_issue': issue_task}, execution=execution)
    assert issue.result['changed'] is True and issue.result['issue']['severity'] == 'S2', issue.output


def test_check_mode_and_diff_write_nothing(playbook, emulator, execution):
    run = playbook(field_task(name={'en': 'Severity'}), options=['--check', '--diff'], execution=execution)
    assert run.result['changed'] is True and run.result['field'] is None, run.output
    assert run.result['diff'] == {'before': '', 'after': (
        'key: severity\nname.en: Severity\ntype: select\ncategory: %s\noptions: S1, S2, S3\n' % CATEGORY)}
    assert emulator.requests() == ['GET /v3/queues/OPS/localFields/severity', 'GET /v3/queues/OPS']
    assert emulator.api('GET', '/queues/OPS/localFields') == []


def test_a_type_change_a_missing_queue_and_bad_input_fail_in_one_line(playbook, emulator, execution):
    emulator.api('POST', '/queues/OPS/localFields', {'id': 'customer', 'name': {'en': 'Customer'}, 'category': CATEGORY,
                                                     'type': 'ru.yandex.startrek.core.fields.IntegerFieldType'})
    # The emulator answers schema.type integer here; Tracker's reference shows "string" for every
    # field of one value, which tells no type apart (see test_queue_fields.py).
    typed = playbook({MODULE: {'queue': 'OPS', 'key': 'customer', 'type': 'date'}}, execution=execution)
    assert typed.result['failed'] and typed.result['msg'] == (
        "local field customer holds values of type integer (its schema.type), and a field's type cannot be changed:"
        " type=date would need a new field with another key")
    queue = playbook(field_task(queue='NOPE'), execution=execution)
    assert queue.result['failed'] and queue.result['msg'] == (
        "GET /v3/queues/NOPE: HTTP 404 Not Found: Queue does not exist: NOPE (check that queue 'NOPE' exists and that"
        " the token can see it)")
    missing = playbook({MODULE: {'queue': 'OPS', 'key': 'env', 'name': {'en': 'Environment'}}}, execution=execution)
    assert missing.result['failed'] and missing.result['msg'] == (
        'queue OPS has no local field env, and creating it needs category, type')

    emulator.forget()
    select = playbook(field_task(options=None), execution=execution)
    assert select.result['failed'] and select.result['msg'] == 'type=select needs options: the values the field offers'
    absent = playbook(field_task(state='absent'), execution=execution)
    assert absent.result['failed'] and absent.result['msg'].startswith('state=absent: Tracker offers no way')
    assert emulator.requests() == []
