# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_checklist through ansible-playbook, against the emulator."""

import pytest

MODULE = 'ytracker.tracker.tracker_checklist'
CHECKLIST = '/v3/issues/TEST-1/checklistItems'
HOSTS = 12
RELEASE = [
    {'text': 'DB migrated', 'checked': True},
    {'text': 'Canary healthy', 'assignee': 'alice', 'deadline': '2026-12-05'},
    {'text': 'Announced'},
]


def checklist_task(**args):
    task = dict({'issue': 'TEST-1', 'items': RELEASE}, **args)
    return {MODULE: dict((name, value) for name, value in task.items() if value is not None)}


USERS = {'1120000000016876': 'alice', '1120000000049224': 'bob'}


def items(emulator, issue='TEST-1'):
    found = emulator.api('GET', '/issues/%s/checklistItems' % issue)
    # --checklist-read example answers a checklist of one item with the item alone.
    return [found] if isinstance(found, dict) else found


def summary(emulator):
    """The checklist as (text, checked, assignee login, deadline date)."""
    return [(item['text'], item['checked'], USERS.get(str((item.get('assignee') or {}).get('id'))),
             (item.get('deadline') or {}).get('date')) for item in items(emulator)]


def seed(emulator, *wanted):
    """Add items (texts, or add bodies) without a request each; their ids."""
    wanted = [{'text': one} if isinstance(one, str) else one for one in wanted]
    return emulator.call('POST', '/_emulator/checklists', {'issue': 'TEST-1', 'items': wanted})['ids']


def item_path(item_id):
    return '%s/%s' % (CHECKLIST, item_id)


def test_add_rerun_edit_purge_and_remove(playbook, emulator, execution):
    created = playbook(checklist_task(), execution=execution)
    assert created.rc == 0, created.output
    assert created.result['changed'] is True
    # One add per item, then the read that settles what runs at the same moment may have added.
    assert emulator.requests() == ['GET ' + CHECKLIST] + ['POST ' + CHECKLIST] * 3 + ['GET ' + CHECKLIST]
    assert summary(emulator) == [('DB migrated', True, None, None),
                                 ('Canary healthy', False, 'alice', '2026-12-05T00:00:00.000+0000'),
                                 ('Announced', False, None, None)]
    assert [item['text'] for item in created.result['checklist']] == ['DB migrated', 'Canary healthy', 'Announced']
    ids = [item['id'] for item in items(emulator)]
    assert [item['id'] for item in created.result['checklist']] == ids

    emulator.forget()
    again = playbook(checklist_task(), execution=execution)
    assert again.result['changed'] is False, again.output
    assert emulator.requests() == ['GET ' + CHECKLIST]
    assert [item['id'] for item in again.result['checklist']] == ids

    emulator.forget()
    ticked = [dict(RELEASE[0]), dict(RELEASE[1], checked=True, deadline='2026-12-06T12:00:00+03:00'),
              {'text': 'Announced', 'assignee': 'bob'}]
    edited = playbook(checklist_task(items=ticked), execution=execution)
    assert edited.result['changed'] is True, edited.output
    assert emulator.requests() == ['GET ' + CHECKLIST, 'PATCH ' + item_path(ids[1]), 'PATCH ' + item_path(ids[2])]
    assert summary(emulator) == [('DB migrated', True, None, None),
                                 ('Canary healthy', True, 'alice', '2026-12-06T09:00:00.000+0000'),
                                 ('Announced', False, 'bob', None)]

    emulator.forget()
    purged = playbook(checklist_task(items=[{'text': 'DB migrated'}], purge=True), execution=execution)
    assert purged.result['changed'] is True
    assert emulator.requests() == ['GET ' + CHECKLIST, 'DELETE ' + item_path(ids[1]), 'DELETE ' + item_path(ids[2])]
    assert [item['text'] for item in purged.result['removed']] == ['Canary healthy', 'Announced']
    assert [item['text'] for item in purged.result['checklist']] == ['DB migrated']

    emulator.forget()
    removed = playbook(checklist_task(items=[{'text': ' DB migrated '}], state='absent'), execution=execution)
    assert removed.result['changed'] is True and removed.result['checklist'] == []
    assert emulator.requests() == ['GET ' + CHECKLIST, 'DELETE ' + item_path(ids[0])]

    emulator.forget()
    gone = playbook(checklist_task(items=[{'text': 'DB migrated'}], state='absent'), execution=execution)
    assert gone.result['changed'] is False and gone.result['removed'] == []
    assert emulator.requests() == ['GET ' + CHECKLIST]


def test_the_whole_checklist_goes_in_one_request(playbook, emulator, execution):
    seed(emulator, 'one', 'two', 'three')
    emulator.forget()

    run = playbook(checklist_task(items=None, state='absent'), checklist_task(items=None, state='absent'),
                   execution=execution)

    cleared, again = run.results
    assert cleared['changed'] is True and len(cleared['removed']) == 3, run.output
    assert again['changed'] is False
    assert emulator.requests() == ['GET ' + CHECKLIST, 'DELETE ' + CHECKLIST, 'GET ' + CHECKLIST]
    assert items(emulator) == []


@pytest.mark.parametrize('form, refusals', [('either', []), ('array', []), ('object', [400]), ('whole', [405, 405])])
def test_each_reading_of_the_edit_page_is_taken(playbook, start_emulator, form, refusals, execution):
    emulator = start_emulator('--checklist-edit', form)
    ids = seed(emulator, 'DB migrated', 'Canary healthy', 'Announced')
    emulator.forget()

    run = playbook(checklist_task(api_url=emulator.url, items=[{'text': 'DB migrated', 'checked': True},
                                                               {'text': 'Announced', 'checked': True}]),
                   execution=execution)

    assert run.result['changed'] is True, run.output
    assert [(text, checked) for text, checked, dummy, dummy in summary(emulator)] == [
        ('DB migrated', True), ('Canary healthy', False), ('Announced', True)]
    # The forms refused come first, for the first edit only: the form taken is kept for the second.
    taken = [CHECKLIST] * 2 if form == 'whole' else [item_path(ids[0]), item_path(ids[2])]
    edits = [(entry['path'], entry['status']) for entry in emulator.request_log() if entry['method'] == 'PATCH']
    assert edits == [(item_path(ids[0]), status) for status in refusals] + [(path, 200) for path in taken]
    assert [item['checked'] for item in run.result['checklist']] == [True, False, True]


@pytest.mark.parametrize('arguments', [['--checklist-read', 'example'], ['--checklist-assignee', 'short']])
def test_the_other_answer_shapes_are_read(playbook, start_emulator, arguments, execution):
    emulator = start_emulator(*arguments)
    task = checklist_task(api_url=emulator.url, items=[RELEASE[1]])

    run = playbook(task, task, execution=execution)

    created, again = run.results
    assert created['changed'] is True and again['changed'] is False, run.output
    sent = emulator.requests()
    if arguments[0] == '--checklist-assignee':
        # The answer does not show the login: it is looked up, once per task, to compare.
        assert sent[-2:] == ['GET ' + CHECKLIST, 'GET /v3/users/alice'] and sent.count('GET /v3/users/alice') == 2
    else:
        assert sent[-1:] == ['GET ' + CHECKLIST]
    assert summary(emulator) == [('Canary healthy', False, 'alice', '2026-12-05T00:00:00.000+0000')]


@pytest.mark.parametrize('fault', ['create_then_500', 'create_then_drop'])
def test_an_add_whose_answer_is_lost_is_resolved_by_reading(playbook, emulator, fault, execution):
    emulator.arm({'kind': fault, 'method': 'POST', 'path': '/checklistItems'})

    run = playbook(checklist_task(items=[{'text': 'DB migrated'}]), execution=execution)

    assert run.result['changed'] is True, run.output
    assert emulator.requests() == ['GET ' + CHECKLIST, 'POST ' + CHECKLIST, 'GET ' + CHECKLIST]
    assert [item['text'] for item in items(emulator)] == ['DB migrated']
    assert [item['text'] for item in run.result['checklist']] == ['DB migrated']


def test_many_hosts_at_once_leave_each_item_once(playbook, emulator, tmp_path, execution):
    inventory = tmp_path / 'hosts.ini'
    inventory.write_text('[web]\n' + ''.join('web-%02d ansible_connection=local\n' % number
                                             for number in range(HOSTS)))

    run = playbook(checklist_task(), play={'hosts': 'web'}, options=['-i', str(inventory), '--forks', str(HOSTS)],
                   execution=execution)

    assert run.rc == 0, run.output
    left = items(emulator)
    assert sorted(item['text'] for item in left) == sorted(one['text'] for one in RELEASE)
    # Every host keeps to the same item of each text, the one with the lowest id; a host that
    # read twins another run added, and deleted after, still shows them.
    kept = dict((item['text'], item['id']) for item in left)
    for results in run.by_host.values():
        assert lowest_of_each_text(results[0]['checklist']) == kept


def lowest_of_each_text(found):
    lowest = {}
    for item in found:
        lowest[item['text']] = min(lowest.get(item['text'], item['id']), item['id'])
    return lowest


def test_check_mode_reads_only_and_predicts_each_change(playbook, emulator, execution):
    seed(emulator, {'text': 'DB migrated'}, 'Old step')
    emulator.forget()

    run = playbook(checklist_task(purge=True), checklist_task(items=None, state='absent'),
                   options=['--check', '--diff'], execution=execution)

    present, absent = run.results
    assert present['changed'] is True, run.output
    assert [item['text'] for item in present['checklist']] == ['DB migrated', 'Canary healthy', 'Announced']
    assert [item['text'] for item in present['removed']] == ['Old step']
    assert present['diff'] == {
        'before': '[ ] DB migrated\n[ ] Old step\n',
        'after': '[x] DB migrated\n[ ] Canary healthy (assignee alice, deadline 2026-12-05 date)\n[ ] Announced\n'}
    assert absent['changed'] is True and absent['checklist'] == [] and len(absent['removed']) == 2
    assert absent['diff']['after'] == ''
    # The assignee of an item to add is looked up: a real run would be refused for one not there.
    assert emulator.requests() == ['GET ' + CHECKLIST, 'GET /v3/users/alice', 'GET ' + CHECKLIST]
    assert [item['text'] for item in items(emulator)] == ['DB migrated', 'Old step']


def test_an_unknown_assignee_fails_with_the_api_words(playbook, emulator, execution):
    task = checklist_task(items=[{'text': 'Canary healthy', 'assignee': 'nobody'}])

    run = playbook(task, dict(task, check_mode=True), execution=execution)

    real, check = run.results
    assert real['failed'] is True and real['changed'] is False, run.output
    assert 'POST %s: HTTP 400' % CHECKLIST in real['msg'] and 'User does not exist: nobody' in real['msg']
    assert check['failed'] is True
    assert "no user 'nobody' in the organisation" in check['msg']
    assert items(emulator) == []


def test_the_token_never_shows_even_at_the_highest_verbosity(playbook, emulator, execution):
    ok = playbook(checklist_task(), options=['-vvvv', '--diff'], execution=execution)
    failed = playbook(checklist_task(issue='NOPE-1'), options=['-vvvv'], execution=execution)

    assert ok.result['changed'] is True and failed.result['failed'] is True
    assert "HTTP 404 Not Found: Issue does not exist. (check that issue 'NOPE-1' exists" in failed.result['msg']
    for run in (ok, failed):
        assert 'emulator-oauth-token' not in run.output
        assert 'emulator-oauth-token' not in str(run.results)


@pytest.mark.parametrize('args, message', [
    ({'items': [{'text': ' '}]}, 'items[1]: text must not be empty'),
    ({'items': [{'text': 'a'}, {'text': 'a '}]}, "items[2]: the item 'a' is listed twice"),
    ({'items': [{'text': 'a', 'deadline': 'tomorrow'}]}, 'items[1]: deadline must be a date or a moment'),
    ({'items': [{'text': 'a', 'deadline': '2026-02-30'}]}, 'items[1]: deadline is no real date or time'),
    ({'items': [{'text': 'a', 'deadline_type': 'date'}]}, 'items[1]: deadline_type goes with a deadline'),
    ({'items': [{'text': 'a', 'assignee': ''}]}, 'items[1]: assignee must be a login or a uid'),
    ({'items': [{'text': 'a\nb'}]}, 'items[1]: text must be one line'),
    ({'purge': True, 'state': 'absent'}, 'purge goes with state=present'),
    ({'items': [{'checked': True}]}, 'missing required arguments: text'),
    ({'issue': ''}, 'issue must not be empty'),
])
def test_bad_input_fails_before_any_request(playbook, emulator, args, message, execution):
    run = playbook(checklist_task(**args), execution=execution)

    assert run.result['failed'] is True
    assert message in run.result['msg'], run.result['msg']
    assert '\n' not in run.result['msg']
    assert 'Traceback' not in run.output
    assert emulator.request_log() == []
