# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Comparing what a task says with what Tracker answers, value kind by value kind."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import (
    command_done,
    object_matches,
    same_elements,
    same_text,
    shown,
    user_ids,
    value_matches,
)

API = 'https://api.tracker.yandex.net/v3'
PRIORITY = {'self': API + '/priorities/2', 'id': '2', 'key': 'normal', 'display': 'Normal'}
USER = {'self': API + '/users/1120000000016876', 'id': '1120000000016876', 'display': 'Alice Smith'}


@pytest.mark.parametrize('wanted, current, same', [
    ('Release 1.2', 'Release 1.2', True),
    ('Release 1.2', ' Release 1.2 ', True),
    ('a\nb\n', 'a\r\nb', True),
    ('', None, True),
    (None, '', True),
    ('Release 1.2', 'release 1.2', False),
    ('a', None, False),
])
def test_text_ignores_line_endings_and_surrounding_whitespace_only(wanted, current, same):
    assert same_text(wanted, current) is same


@pytest.mark.parametrize('name, same', [
    ('normal', True), ('NORMAL', True), ('2', True), ('Normal', True), ('critical', False), ('3', False),
])
def test_a_typed_object_is_named_by_key_ignoring_case_or_by_id(name, same):
    assert object_matches(name, PRIORITY) is same


def test_a_user_has_every_id_it_may_be_named_by():
    record = {'self': API + '/users/1120000000016876', 'uid': 1120000000016876, 'login': 'alice',
              'trackerUid': 1120000000016876, 'passportUid': 1130000000016876, 'cloudUid': 'ajeab'}

    assert user_ids(USER) == set(['1120000000016876'])
    assert user_ids(record) == set(['1120000000016876', 'alice', '1130000000016876', 'ajeab'])
    assert user_ids(None) == set()


@pytest.mark.parametrize('wanted, current, same', [
    (3, 3.0, True),
    ('3', 3, True),
    (True, True, True),
    (3, 4, False),
    ('normal', PRIORITY, True),
    ({'id': '2'}, PRIORITY, True),
    ({'id': '3'}, PRIORITY, False),
    (['backend', 'db'], [{'id': '7', 'display': 'db'}, {'id': '5', 'display': 'backend'}], True),
    (['backend'], [{'id': '7', 'display': 'db'}, {'id': '5', 'display': 'backend'}], False),
    (['a', 'a'], ['a'], False),
    ('backend', [{'id': '5', 'display': 'backend'}], True),
    ({'add': ['backend']}, [{'display': 'backend'}, 'x'], True),
    ({'add': ['db']}, [{'display': 'backend'}], False),
    ({'remove': ['db']}, [{'display': 'backend'}], True),
    ({'set': ['backend']}, [{'display': 'backend'}], True),
    (None, [], True),
    ([], None, True),
    ('', 'x', False),
])
def test_any_field_compares_with_the_answer_shape(wanted, current, same):
    assert value_matches(wanted, current) is same


def test_same_elements_names_each_answered_element_once_in_linear_time():
    current = [{'id': str(number), 'display': 'component %d' % number} for number in range(5000)]
    wanted = ['component %d' % number for number in reversed(range(5000))]

    assert same_elements(wanted, current) is True
    assert same_elements(wanted[1:] + ['component 1'], current) is False


def test_a_list_command_is_done_when_it_would_change_nothing():
    assert command_done({'add': ['a'], 'remove': ['b']}, ['a', 'c']) is True
    assert command_done({'add': ['a'], 'remove': ['c']}, ['a', 'c']) is False


@pytest.mark.parametrize('value, line', [
    (PRIORITY, 'normal'),
    (USER, 'Alice Smith'),
    ('two\nlines', '"two\\nlines"'),
    (None, ''),
    (['a', {'key': 'B'}], '["a", "B"]'),
    (3.0, '3'),
])
def test_an_answered_value_shows_on_one_line(value, line):
    assert shown(value) == line
