# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The pure plan of a queue's versions."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import check_queue
from ansible_collections.ytracker.tracker.plugins.module_utils._versions import (
    WantedVersion,
    describe,
    edits,
    plan_version,
    statuses_to_set,
    wanted_version,
)


def params(**overrides):
    return dict(dict(queue='REL', name='2.0', description=None, start_date=None, due_date=None, released=None,
                     archived=None, state='present'), **overrides)


def version(version_id, name='2.0', **fields):
    return dict(dict(id=version_id, version=1, name=name, released=False, archived=False), **fields)


def test_the_wanted_version_is_trimmed_and_holds_only_the_fields_given():
    assert wanted_version(params(name=' 2.0 ', due_date=' 2026-07-01')) == WantedVersion(
        '2.0', {'dueDate': '2026-07-01'}, None, None)


@pytest.mark.parametrize('value', ['2026-7-1', '2026-02-30', 'tomorrow', '01.07.2026'])
def test_a_bad_date_is_refused_in_one_line(value):
    with pytest.raises(ValueError) as info:
        wanted_version(params(start_date=value))
    assert str(info.value) == 'start_date must be a date as YYYY-MM-DD, like 2026-07-01, got %r' % value


def test_absent_and_an_empty_name_and_a_bad_queue_are_refused():
    with pytest.raises(ValueError, match='no way to delete a version'):
        wanted_version(params(state='absent'))
    with pytest.raises(ValueError, match='name must not be empty'):
        wanted_version(params(name='  '))
    with pytest.raises(ValueError, match='queue must be a queue key'):
        check_queue('REL/1')
    assert check_queue(' REL ') == 'REL'
    # Keys are upper case, and the API compares them as they are: rel would find nothing.
    assert check_queue('rel') == 'REL' and check_queue('12') == '12'


def test_a_missing_version_is_created():
    wanted = wanted_version(params())
    assert plan_version(wanted, [version(1, '1.2')]).to_create == [wanted]


def test_a_right_version_is_kept_and_twins_go_to_the_lowest_id():
    plan = plan_version(wanted_version(params(description='d')), [version(9, description='x'),
                                                                  version(3, description='d')])
    assert plan.kept == [version(3, description='d')] and not plan.to_update and not plan.to_create


def test_fields_and_statuses_that_differ_are_updated_as_the_whole_version():
    current = version(3, description='old', startDate='2026-06-01')
    plan = plan_version(wanted_version(params(description='new', released=True)), [current])
    [(found, after)] = plan.to_update
    assert found is current
    assert edits(current, after) == {'description': 'new'}
    assert statuses_to_set(current, after) == ['released']
    assert after.fields == {'description': 'new', 'startDate': '2026-06-01'}


def test_a_status_asked_back_is_refused_before_anything():
    with pytest.raises(ValueError) as info:
        plan_version(wanted_version(params(released=False)), [version(3, released=True)])
    assert 'no way to undo' in str(info.value) and 'released' in str(info.value)


def test_statuses_already_set_and_left_out_are_nothing_to_do():
    current = version(3, released=True, archived=True)
    assert plan_version(wanted_version(params(released=True)), [current]).kept == [current]


def test_describe_is_a_line_per_field():
    assert describe(version(3, description='d', dueDate='2026-07-01')) == (
        'name: 2.0\ndescription: d\ndue_date: 2026-07-01\nreleased: false\narchived: false')
