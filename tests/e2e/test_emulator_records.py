# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The emulator's checklists and records of time spent answer as the reference's pages say,
whatever the collection does."""

import pytest

CHECKLIST = '/v3/issues/TEST-1/checklistItems'
WORKLOG = '/v3/issues/TEST-1/worklog'


def add_item(emulator, body):
    status, dummy, issue = emulator.api_answer('POST', CHECKLIST, body)
    assert status == 200, issue
    return issue


def test_adding_an_item_answers_200_with_the_whole_issue_and_a_second_add_makes_a_twin(emulator):
    first = add_item(emulator, {'text': 'DB migrated', 'checked': True, 'assignee': 'alice',
                                'deadline': {'date': '2026-12-05T18:00:00.000+0300', 'deadlineType': 'date'}})
    second = add_item(emulator, {'text': 'DB migrated'})

    assert first['key'] == 'TEST-1' and second['version'] == first['version'] + 1
    assert first['checklistTotal'] == 1 and second['checklistTotal'] == 2 and second['checklistDone'] == '1'
    item, twin = second['checklistItems']
    assert len(item['id']) == 24 and int(twin['id'], 16) > int(item['id'], 16)
    assert item['assignee']['login'] == 'alice' and item['assignee']['id'] == 1120000000016876
    assert item['deadline'] == {'date': '2026-12-05T18:00:00.000+0300', 'deadlineType': 'date', 'isExceeded': False}
    assert emulator.api('GET', '/issues/TEST-1/checklistItems') == second['checklistItems']


@pytest.mark.parametrize('body, status', [
    ({}, 422),
    ({'text': ' '}, 422),
    ([{'text': 'a'}], 400),
    ({'text': 'a', 'checked': 'yes'}, 400),
    ({'text': 'a', 'assignee': 'nobody'}, 400),
    ({'text': 'a', 'deadline': '2026-12-05'}, 400),
])
def test_an_add_the_api_would_refuse_is_refused(emulator, body, status):
    assert emulator.api_answer('POST', CHECKLIST, body)[0] == status
    assert emulator.api('GET', '/issues/TEST-1/checklistItems') == []


@pytest.mark.parametrize('form, array, single, whole', [
    ('either', 200, 200, 405),
    ('array', 200, 400, 405),
    ('object', 400, 200, 405),
    ('whole', 405, 405, 200),
])
def test_each_reading_of_the_edit_page(start_emulator, form, array, single, whole):
    emulator = start_emulator('--checklist-edit', form)
    item_id = add_item(emulator, {'text': 'a'})['checklistItems'][0]['id']
    path = '%s/%s' % (CHECKLIST, item_id)

    assert emulator.api_answer('PATCH', path, [{'text': 'a', 'checked': True}])[0] == array
    assert emulator.api_answer('PATCH', path, {'text': 'a', 'checked': True})[0] == single
    assert emulator.api_answer('PATCH', CHECKLIST, [{'id': item_id, 'text': 'a', 'checked': True}])[0] == whole
    # The older form must list every item by its id.
    assert emulator.api_answer('PATCH', CHECKLIST, [])[0] == (400 if form == 'whole' else 405)
    assert emulator.api('GET', '/issues/TEST-1/checklistItems')[0]['checked'] is True


def test_deletes_answer_200_with_the_issue(emulator):
    ids = emulator.call('POST', '/_emulator/checklists', {'issue': 'TEST-1', 'items': [{'text': 'a'}, {'text': 'b'}]})
    status, dummy, issue = emulator.api_answer('DELETE', '%s/%s' % (CHECKLIST, ids['ids'][0]))
    assert status == 200 and [item['text'] for item in issue['checklistItems']] == ['b']
    assert emulator.api_answer('DELETE', '%s/%s' % (CHECKLIST, ids['ids'][0]))[0] == 404
    status, dummy, issue = emulator.api_answer('DELETE', CHECKLIST)
    assert status == 200 and issue['checklistItems'] == []


def test_the_other_shapes_of_a_read(start_emulator):
    emulator = start_emulator('--checklist-read', 'example', '--checklist-assignee', 'short')
    add_item(emulator, {'text': 'a', 'assignee': 'alice'})

    item = emulator.api('GET', '/issues/TEST-1/checklistItems')
    assert isinstance(item, dict) and item['text'] == 'a'
    assert 'login' not in item['assignee'] and item['assignee']['id'] == '1120000000016876'


def test_a_record_answers_its_start_in_utc_and_its_duration_in_business_time(emulator):
    status, dummy, record = emulator.api_answer('POST', WORKLOG, {'start': '2021-09-21T15:30:00.000+0500',
                                                                  'duration': 'P5DT20M', 'comment': 'important'})
    assert status == 201
    assert record['start'] == '2021-09-21T10:30:00.000+0000' and record['duration'] == 'P1WT20M'
    assert record['createdBy'] == {'self': emulator.url + '/v3/users/1100000', 'id': 'robot-emulator',
                                   'display': 'Emulator User'}
    assert record['issue']['key'] == 'TEST-1' and isinstance(record['id'], int)

    path = '%s/%d' % (WORKLOG, record['id'])
    status, dummy, edited = emulator.api_answer('PATCH', path, {'duration': 'PT520M', 'comment': 'time changed!'})
    assert status == 200 and edited['duration'] == 'P1DT40M' and edited['version'] == record['version'] + 1
    assert emulator.api_answer('PATCH', path, {'comment': 'no duration'})[0] == 422
    assert emulator.api_answer('PATCH', path, {'duration': 'PT1H', 'start': '2021-09-22T00:00:00.000+0000'})[0] == 400
    assert emulator.api('GET', '/issues/TEST-1/worklog') == [edited]
    assert emulator.api_answer('DELETE', path)[0] == 204
    assert emulator.api_answer('DELETE', path)[0] == 404


@pytest.mark.parametrize('body', [
    {'duration': 'PT1H'},
    {'start': '2021-09-21T15:30:00.000+0500'},
    {'start': '2021-09-21', 'duration': 'PT1H'},
    {'start': '2021-09-21T15:30:00.000+0500', 'duration': '1h'},
    {'start': '2021-09-21T15:30:00.000+0500', 'duration': 'P1M'},
])
def test_a_record_the_api_would_refuse_is_refused(emulator, body):
    assert emulator.api_answer('POST', WORKLOG, body)[0] in (400, 422)
    assert emulator.api('GET', '/issues/TEST-1/worklog') == []


def test_a_record_names_its_author_by_uid_when_asked(start_emulator):
    emulator = start_emulator('--worklog-author', 'uid')
    emulator.call('POST', '/_emulator/worklogs', {'issue': 'TEST-1', 'records': [
        {'start': '2021-09-21T10:30:00.000+0000', 'duration': 'PT1H', 'author': 'bob'}]})

    record, = emulator.api('GET', '/issues/TEST-1/worklog')
    assert record['createdBy']['id'] == '1120000000049224'


def test_a_reset_forgets_checklists_and_records_and_restores_their_settings(emulator):
    emulator.call('POST', '/_emulator/issues', {'settings': {'checklist_edit': 'whole', 'worklog_author': 'uid'}})
    add_item(emulator, {'text': 'a'})
    emulator.api_answer('POST', WORKLOG, {'start': '2021-09-21T10:30:00.000+0000', 'duration': 'PT1H'})

    emulator.call('POST', '/_emulator/reset')

    assert emulator.api('GET', '/issues/TEST-1/checklistItems') == []
    assert emulator.api('GET', '/issues/TEST-1/worklog') == []
    item_id = add_item(emulator, {'text': 'a'})['checklistItems'][0]['id']
    assert emulator.api_answer('PATCH', '%s/%s' % (CHECKLIST, item_id), {'text': 'b'})[0] == 200
