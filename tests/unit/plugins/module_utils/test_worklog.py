# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Which record of time spent a task means, and the plan, as pure functions."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._worklog import (
    describe_record,
    plan_worklog,
    wanted_record,
)

ME = set(['1100000', 'robot'])
ROBOT = {'self': 'https://api/v3/users/1100000', 'id': 'robot', 'display': 'Release Robot'}
BOB = {'self': 'https://api/v3/users/1120000000049224', 'id': 'bob', 'display': 'Bob Jones'}


def record(number, start='2026-12-03T19:00:00.000+0000', duration='PT1H30M', comment='window', author=None):
    return {'id': number, 'start': start, 'duration': duration, 'comment': comment, 'createdBy': author or ROBOT}


def plan(current, start='2026-12-03T22:00:00+03:00', duration='1h30m', comment=None, state='present'):
    return plan_worklog(wanted_record(start, duration, comment, state), current, state, ME)


def test_a_missing_record_is_added_as_tracker_writes_it():
    found = plan([], duration='90m', comment='window')
    assert [change.body for change in found.to_create] == [
        {'start': '2026-12-03T19:00:00.000+0000', 'duration': 'PT1H30M', 'comment': 'window'}]


def test_the_same_start_in_another_zone_and_a_duration_that_looks_different_send_nothing():
    current = [record(1, duration='P1W')]
    assert plan(current, start='2026-12-03T19:00:00Z', duration='P5D').kept == current
    assert plan(current, duration='40h', comment=' window ').kept == current


def test_a_differing_duration_or_comment_is_one_edit_with_the_duration():
    current = [record(1)]
    (edited, change), = plan(current, duration='2h').to_update
    assert edited is current[0] and change.body == {'duration': 'PT2H'}
    (edited, change), = plan(current, comment='longer window').to_update
    assert change.body == {'duration': 'PT1H30M', 'comment': 'longer window'}


def test_another_users_record_of_the_start_is_not_the_tasks():
    current = [record(1, author=BOB)]
    found = plan(current)
    assert len(found.to_create) == 1 and found.kept == []
    assert plan(current, duration=None, state='absent').to_delete == []


def test_twins_edit_the_lowest_id_and_absent_deletes_every_one():
    current = [record(7, duration='PT1H'), record(3, duration='PT1H'), record(5, start='2026-12-04T00:00:00.000+0000')]
    assert plan(current).to_update[0][0] is current[1]
    assert plan(current, duration=None, state='absent').to_delete == [current[0], current[1]]


@pytest.mark.parametrize('args, message', [
    (dict(start='2026-12-03', duration=None, comment=None, state='present'), 'duration is required'),
    (dict(start='', duration='1h', comment=None, state='present'), 'start must not be empty'),
    (dict(start='2026-12-03', duration='1 hour', comment=None, state='present'), 'must be a duration'),
])
def test_what_cannot_be_a_record_is_refused(args, message):
    with pytest.raises(ValueError, match=message):
        wanted_record(**args)


def test_absent_needs_no_duration_and_ignores_one():
    assert wanted_record('2026-12-03', 'bogus', None, 'absent').duration is None


def test_a_diff_line_shows_the_start_in_utc_the_normal_duration_and_the_comment():
    assert describe_record(record(1, duration='PT90M', comment='a\nlong  window')) == (
        '2026-12-03T19:00:00Z PT1H30M: a long window')
    assert describe_record(record(2, comment='')) == '2026-12-03T19:00:00Z PT1H30M'
