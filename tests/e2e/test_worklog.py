# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_worklog through ansible-playbook, against the emulator."""

import pytest

MODULE = 'ytracker.tracker.tracker_worklog'
WORKLOG = '/v3/issues/TEST-1/worklog'
MYSELF = 'GET /v3/myself'
START = '2026-12-03T22:00:00+03:00'
START_UTC = '2026-12-03T19:00:00.000+0000'
HOSTS = 12


def worklog_task(**args):
    task = dict({'issue': 'TEST-1', 'start': START, 'duration': '1h30m', 'comment': 'Maintenance window'}, **args)
    return {MODULE: dict((name, value) for name, value in task.items() if value is not None)}


def records(emulator):
    return [(record['start'], record['duration'], record['comment'], record['createdBy']['id'])
            for record in emulator.api('GET', '/issues/TEST-1/worklog')]


def seed(emulator, *wanted):
    return emulator.call('POST', '/_emulator/worklogs', {'issue': 'TEST-1', 'records': list(wanted)})['ids']


def test_add_rerun_edit_then_remove(playbook, emulator, execution):
    added = playbook(worklog_task(), execution=execution)
    assert added.rc == 0, added.output
    assert added.result['changed'] is True
    assert added.result['worklog']['duration'] == 'PT1H30M' and added.result['worklog']['start'] == START_UTC
    # Nothing of that start yet: no need to ask who the token's user is before adding.
    assert emulator.requests() == ['GET ' + WORKLOG, 'POST ' + WORKLOG, 'GET ' + WORKLOG, MYSELF]
    record_id = added.result['worklog']['id']

    emulator.forget()
    again = playbook(worklog_task(duration='PT90M', start='2026-12-03T19:00:00Z'), execution=execution)
    assert again.result['changed'] is False, again.output
    assert again.result['worklog']['id'] == record_id
    assert emulator.requests() == ['GET ' + WORKLOG, MYSELF]

    emulator.forget()
    edited = playbook(worklog_task(duration='2h', comment=None), execution=execution)
    assert edited.result['changed'] is True
    assert emulator.requests() == ['GET ' + WORKLOG, MYSELF, 'PATCH %s/%d' % (WORKLOG, record_id)]
    assert records(emulator) == [(START_UTC, 'PT2H', 'Maintenance window', 'robot-emulator')]

    emulator.forget()
    removed = playbook(worklog_task(state='absent', duration=None), execution=execution)
    assert removed.result['changed'] is True and removed.result['worklog'] is None
    assert [record['id'] for record in removed.result['removed']] == [record_id]
    assert emulator.requests() == ['GET ' + WORKLOG, MYSELF, 'DELETE %s/%d' % (WORKLOG, record_id)]

    emulator.forget()
    gone = playbook(worklog_task(state='absent', duration=None), execution=execution)
    assert gone.result['changed'] is False and gone.result['removed'] == []
    assert emulator.requests() == ['GET ' + WORKLOG]


@pytest.mark.parametrize('sent, answered', [
    ('P5D', 'P1W'),
    ('PT520M', 'P1DT40M'),
    ('1w 2d', 'P1W2D'),
    ('PT2400M', 'P1W'),
])
def test_a_duration_that_only_looks_different_is_never_edited(playbook, emulator, sent, answered, execution):
    run = playbook(worklog_task(duration=sent), worklog_task(duration=sent), execution=execution)

    first, second = run.results
    assert first['changed'] is True and first['worklog']['duration'] == answered, run.output
    assert second['changed'] is False
    assert [method for method in emulator.requests() if not method.startswith('GET')] == ['POST ' + WORKLOG]


@pytest.mark.parametrize('shape', ['login', 'uid'])
def test_another_users_record_of_the_same_start_is_left_alone(playbook, start_emulator, shape, execution):
    emulator = start_emulator('--worklog-author', shape)
    seed(emulator, {'start': '2026-12-03T19:00:00.000+0000', 'duration': 'PT3H', 'comment': 'Bob on call',
                    'author': 'bob'})
    emulator.forget()

    run = playbook(worklog_task(api_url=emulator.url), worklog_task(api_url=emulator.url),
                   worklog_task(api_url=emulator.url, state='absent', duration=None), execution=execution)

    added, again, removed = run.results
    assert added['changed'] is True and again['changed'] is False and removed['changed'] is True, run.output
    bob = 'bob' if shape == 'login' else '1120000000049224'
    assert records(emulator) == [(START_UTC, 'PT3H', 'Bob on call', bob)]


@pytest.mark.parametrize('fault', ['create_then_500', 'create_then_drop'])
def test_an_add_whose_answer_is_lost_is_resolved_by_reading(playbook, emulator, fault, execution):
    emulator.arm({'kind': fault, 'method': 'POST', 'path': '/worklog'})

    run = playbook(worklog_task(), execution=execution)

    assert run.result['changed'] is True, run.output
    assert run.result['worklog']['duration'] == 'PT1H30M'
    assert emulator.requests() == ['GET ' + WORKLOG, 'POST ' + WORKLOG, 'GET ' + WORKLOG, MYSELF]
    assert len(records(emulator)) == 1


def test_many_hosts_at_once_leave_one_record(playbook, emulator, tmp_path, execution):
    inventory = tmp_path / 'hosts.ini'
    inventory.write_text('[web]\n' + ''.join('web-%02d ansible_connection=local\n' % number
                                             for number in range(HOSTS)))

    run = playbook(worklog_task(), play={'hosts': 'web'}, options=['-i', str(inventory), '--forks', str(HOSTS)],
                   execution=execution)

    assert run.rc == 0, run.output
    left = emulator.api('GET', '/issues/TEST-1/worklog')
    assert len(left) == 1
    assert set(results[0]['worklog']['id'] for results in run.by_host.values()) == set([left[0]['id']])


def test_check_mode_reads_only_and_diff_shows_the_record(playbook, emulator, execution):
    seed(emulator, {'start': '2026-12-03T22:00:00.000+0300', 'duration': 'PT1H', 'comment': 'Maintenance window'})
    emulator.forget()

    run = playbook(worklog_task(), worklog_task(start='2026-12-04T10:00:00Z'), options=['--check', '--diff'],
                   execution=execution)

    edit, add = run.results
    assert edit['changed'] is True and edit['worklog']['duration'] == 'PT1H30M', run.output
    assert edit['diff'] == {'before': '2026-12-03T19:00:00Z PT1H: Maintenance window\n',
                            'after': '2026-12-03T19:00:00Z PT1H30M: Maintenance window\n'}
    assert add['changed'] is True and 'id' not in add['worklog']
    assert add['diff'] == {'before': '', 'after': '2026-12-04T10:00:00Z PT1H30M: Maintenance window\n'}
    assert emulator.requests() == ['GET ' + WORKLOG, MYSELF, 'GET ' + WORKLOG]
    assert records(emulator) == [(START_UTC, 'PT1H', 'Maintenance window', 'robot-emulator')]


def test_the_token_never_shows_even_at_the_highest_verbosity(playbook, emulator, execution):
    ok = playbook(worklog_task(), options=['-vvvv', '--diff'], execution=execution)
    failed = playbook(worklog_task(issue='NOPE-1'), options=['-vvvv'], execution=execution)

    assert ok.result['changed'] is True and failed.result['failed'] is True
    assert "HTTP 404 Not Found: Issue does not exist. (check that issue 'NOPE-1' exists" in failed.result['msg']
    for run in (ok, failed):
        assert 'emulator-oauth-token' not in run.output
        assert 'emulator-oauth-token' not in str(run.results)


@pytest.mark.parametrize('args, message', [
    ({'duration': None}, 'duration is required with state=present'),
    ({'duration': 'an hour'}, 'duration must be a duration such as PT1H30M'),
    ({'duration': 'P1M'}, 'durations in years or months have no length in business time'),
    ({'duration': '0m'}, 'duration must be longer than nothing'),
    ({'start': 'tonight'}, 'start must be a date or a moment'),
    ({'start': ' '}, 'start must not be empty'),
    ({'start': None}, 'missing required arguments: start'),
    ({'issue': ''}, 'issue must not be empty'),
])
def test_bad_input_fails_before_any_request(playbook, emulator, args, message, execution):
    run = playbook(worklog_task(**args), execution=execution)

    assert run.result['failed'] is True
    assert message in run.result['msg'], run.result['msg']
    assert '\n' not in run.result['msg']
    assert 'Traceback' not in run.output
    assert emulator.request_log() == []
