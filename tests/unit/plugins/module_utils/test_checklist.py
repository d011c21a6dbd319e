# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Which checklist items a task means, and the plan, as pure functions of the wanted and the current items."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._checklist import (
    answered_items,
    describe_item,
    plan_checklist,
    users_to_resolve,
    wanted_items,
)

ALICE = {'id': 1120000000016876, 'login': 'alice', 'display': 'Alice Smith'}
ALICE_SHORT = {'self': 'https://api/v3/users/1120000000016876', 'id': '1120000000016876', 'display': 'Alice Smith'}


def item(number, text, **values):
    return dict({'id': '5fde5f0a1aee261dd3b62e%02x' % number, 'text': text, 'checked': False}, **values)


def wanted(*items, **options):
    return wanted_items(list(items), options.get('state', 'present'))


def plan(wanted_list, current, state='present', purge=False, names=None):
    return plan_checklist(wanted_list, current, state, purge, names or {})


def test_a_missing_item_is_added_with_the_attributes_given():
    found = plan(wanted({'text': ' Canary healthy ', 'assignee': 'alice', 'deadline': '2026-12-05T18:00:00+03:00'}), [])
    assert [change.body for change in found.to_create] == [{
        'text': 'Canary healthy', 'assignee': 'alice',
        'deadline': {'date': '2026-12-05T15:00:00.000+0000', 'deadlineType': 'date'}}]
    assert found.to_update == [] and found.to_delete == []


def test_an_item_that_matches_sends_nothing_and_what_a_task_leaves_out_is_not_compared():
    current = [item(1, 'DB migrated', checked=True, assignee=ALICE,
                    deadline={'date': '2026-12-05T00:00:00.000+0000', 'deadlineType': 'date', 'isExceeded': True})]
    found = plan(wanted({'text': 'DB migrated'}, ), current)
    assert found.kept == current and not found.to_create and not found.to_update
    same = plan(wanted({'text': 'DB migrated', 'checked': True, 'assignee': 'alice', 'deadline': '2026-12-05'}), current)
    assert same.kept == current and not same.to_update


def test_a_differing_item_is_edited_with_what_differs_and_its_text():
    current = [item(1, 'DB migrated', assignee=ALICE)]
    found = plan(wanted({'text': 'DB migrated', 'checked': True, 'assignee': 'bob'}), current)
    (edited, change), = found.to_update
    assert edited is current[0]
    assert change.body == {'text': 'DB migrated', 'checked': True, 'assignee': 'bob'}
    assert change.after['assignee'] == {'login': 'bob'} and change.after['checked'] is True


def test_deadlines_are_compared_as_instants_and_by_type():
    current = [item(1, 'x', deadline={'date': '2026-12-05T15:00:00.000+0000', 'deadlineType': 'date'})]
    assert plan(wanted({'text': 'x', 'deadline': '2026-12-05T18:00:00+03:00'}), current).kept == current
    moved = plan(wanted({'text': 'x', 'deadline': '2026-12-06'}), current)
    assert moved.to_update[0][1].body['deadline'] == {'date': '2026-12-06T00:00:00.000+0000', 'deadlineType': 'date'}
    retyped = plan(wanted({'text': 'x', 'deadline': '2026-12-05T15:00Z', 'deadline_type': 'dateTime'}), current)
    assert retyped.to_update[0][1].body['deadline']['deadlineType'] == 'dateTime'


def test_an_assignee_shown_without_the_login_is_compared_by_the_ids_looked_up():
    current = [item(1, 'x', assignee=ALICE_SHORT)]
    assert users_to_resolve(wanted({'text': 'x', 'assignee': 'alice'}), current) == ['alice']
    names = {'alice': set(['1120000000016876', 'alice'])}
    assert plan(wanted({'text': 'x', 'assignee': 'alice'}), current, names=names).kept == current
    # Shown with the login (as the read's example), or a uid the answer shows: no lookup.
    assert users_to_resolve(wanted({'text': 'x', 'assignee': 'alice'}), [item(1, 'x', assignee=ALICE)]) == []
    assert users_to_resolve(wanted({'text': 'x', 'assignee': '1120000000016876'}), current) == []
    # No assignee yet: it differs anyway; login:12345 is always looked up, to send its uid.
    assert users_to_resolve(wanted({'text': 'x', 'assignee': 'alice'}), [item(1, 'x')]) == []
    assert users_to_resolve(wanted({'text': 'x', 'assignee': 'login:12345'}), []) == ['login:12345']


def test_twice_the_same_text_edits_the_lowest_id_and_purge_deletes_the_rest():
    current = [item(3, 'x'), item(1, 'x'), item(2, 'other')]
    found = plan(wanted({'text': 'x', 'checked': True}), current)
    assert found.to_update[0][0] is current[1] and found.to_delete == []
    purged = plan(wanted({'text': 'x', 'checked': True}), current, purge=True)
    assert purged.to_delete == [current[0], current[2]]


def test_absent_deletes_every_item_of_the_listed_texts_or_with_none_listed_the_whole_checklist():
    current = [item(1, 'x'), item(2, 'y'), item(3, 'x')]
    assert plan(wanted({'text': 'x'}, state='absent'), current, state='absent').to_delete == [current[0], current[2]]
    assert plan([], current, state='absent').to_delete == current
    assert plan(wanted({'text': 'z'}, state='absent'), current, state='absent').to_delete == []


def test_the_cost_is_linear_in_the_items():
    current = [item(number, 'item %d' % number) for number in range(5000)]
    found = plan(wanted(*[{'text': 'item %d' % number, 'checked': True} for number in range(5000)]), current)
    assert len(found.to_update) == 5000


@pytest.mark.parametrize('answer, texts', [
    ([item(1, 'a'), item(2, 'b')], ['a', 'b']),
    ({'key': 'TEST-1', 'checklistItems': [item(1, 'a')]}, ['a']),
    (item(1, 'a'), ['a']),
    ([item(1, 'a')], ['a']),
    (None, []),
    ([], []),
    ({'key': 'TEST-1'}, []),
])
def test_every_shape_of_a_checklist_answer_is_read(answer, texts):
    assert [one['text'] for one in answered_items(answer)] == texts


def test_a_diff_line_names_the_assignee_as_the_task_does():
    line = describe_item(item(1, 'Canary', checked=True, assignee=ALICE_SHORT,
                              deadline={'date': '2026-12-05T15:00:00.000+0000', 'deadlineType': 'date'}),
                         ['alice'], {'alice': set(['1120000000016876'])})
    assert line == '[x] Canary (assignee alice, deadline 2026-12-05T15:00:00Z date)'
    assert describe_item(item(2, 'Plain')) == '[ ] Plain'
    assert describe_item(item(3, 'Other', assignee=ALICE_SHORT)) == '[ ] Other (assignee Alice Smith)'
