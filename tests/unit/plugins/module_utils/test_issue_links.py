# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Links between issues: checks, matching from either issue, and the plan of a task."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._issue_links import (
    IssueLinkIndex,
    WantedIssueLink,
    checked_relationship,
    plan_issue_links,
    wanted_issue_link,
)
from ansible_collections.ytracker.tracker.plugins.modules import tracker_issue_link
from ansible_collections.ytracker.tracker.tests.unit.plugins.issue_link_helpers import issue_id, issue_link
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import link_diff


def describe_all_issue_links(links):
    """The links as the diff of tracker_issue_link shows them before a task."""
    return link_diff(tracker_issue_link, links, plan_issue_links([], links))['before']


def describe_issue_links_after(current, plan):
    """The links as that diff shows them once ``plan`` is carried out."""
    return link_diff(tracker_issue_link, current, plan)['after']


# The nine names of the reference's "Linking issues" page, and the type.id and direction Tracker
# answers for each on the issue the link was made on (relates: inward, as in the reference's example).
ANSWERED_AS = {
    'relates': ('relates', 'inward'),
    'depends on': ('depends', 'outward'),
    'is dependent by': ('depends', 'inward'),
    'is subtask for': ('subtask', 'inward'),
    'is parent task for': ('subtask', 'outward'),
    'duplicates': ('duplicates', 'outward'),
    'is duplicated by': ('duplicates', 'inward'),
    'is epic of': ('epic', 'outward'),
    'has epic': ('epic', 'inward'),
}

# Each documented name and the name of the same link seen from the other issue.
SEEN_FROM_THE_OTHER_ISSUE = {
    'relates': 'relates',
    'depends on': 'is dependent by',
    'is dependent by': 'depends on',
    'is subtask for': 'is parent task for',
    'is parent task for': 'is subtask for',
    'duplicates': 'is duplicated by',
    'is duplicated by': 'duplicates',
    'is epic of': 'has epic',
    'has epic': 'is epic of',
}
OPPOSITE = {'inward': 'outward', 'outward': 'inward'}


def ids(links):
    return [link['id'] for link in links]


def wanted(key='TEST-2', relationship='relates'):
    return wanted_issue_link('TEST-1', key, relationship)


def as_made_on(name, key='TEST-2'):
    """The link made on TEST-1 as ``name`` to ``key``, as TEST-1 shows it."""
    type_id, direction = ANSWERED_AS[name]
    return issue_link(1, key=key, type_id=type_id, direction=direction)


def as_seen_from_the_other_issue(link):
    """The same link as the other issue shows it: same type, opposite direction."""
    return dict(link, direction=OPPOSITE[link['direction']])


# checks

@pytest.mark.parametrize('name', sorted(ANSWERED_AS))
def test_each_documented_name_is_taken_and_names_the_link_back_from_both_issues(name):
    """TEST-1 <name> TEST-2: the diff of TEST-1 names it so, that of TEST-2 by the opposite name."""
    type_id, direction = ANSWERED_AS[name]
    on_test_2 = issue_link(1, key='TEST-1', type_id=type_id, direction=OPPOSITE[direction], issue='TEST-2')

    assert checked_relationship(name.upper()) == name
    assert describe_all_issue_links([as_made_on(name)]) == '%s: TEST-2\n' % name
    assert describe_all_issue_links([on_test_2]) == '%s: TEST-1\n' % SEEN_FROM_THE_OTHER_ISSUE[name]


@pytest.mark.parametrize('given, expected', [
    ('relates', 'relates'),
    ('Depends On', 'depends on'),
    ('  is   dependent\tBY ', 'is dependent by'),
    ('HAS EPIC', 'has epic'),
])
def test_a_relationship_is_compared_ignoring_case_and_extra_spaces(given, expected):
    assert checked_relationship(given) == expected


@pytest.mark.parametrize('given', ['blocks', 'depends', 'subtask', 'RELATES TO', '', '  ', None])
def test_an_undocumented_relationship_is_refused_with_the_documented_names(given):
    with pytest.raises(ValueError) as error:
        checked_relationship(given, 'links[2].')

    message = str(error.value)
    assert message.startswith('links[2].relationship must be one of the names the Tracker reference documents')
    assert all(name in message for name in ANSWERED_AS)
    assert '\n' not in message


@pytest.mark.parametrize('linked_issue', ['TEST-2', 'MY_QUEUE-12', 'Q1-7', '593cd211ef7e8a332414f2a7'])
def test_a_key_or_an_id_is_a_linked_issue(linked_issue):
    assert wanted_issue_link('TEST-1', linked_issue, 'relates') == WantedIssueLink(linked_issue, 'relates')


def test_a_linked_key_is_upper_case_as_every_issue_key_of_a_task():
    assert wanted_issue_link('TEST-1', 'test-2', 'relates') == WantedIssueLink('TEST-2', 'relates')


def test_a_linked_issue_loses_surrounding_whitespace():
    assert wanted_issue_link('TEST-1', ' TEST-2\n', 'relates') == WantedIssueLink('TEST-2', 'relates')


@pytest.mark.parametrize('linked_issue', ['TEST 2', 'TEST-2/links', '..', 'TEST-', '-2'])
def test_a_malformed_linked_issue_is_refused(linked_issue):
    with pytest.raises(ValueError) as error:
        wanted_issue_link('TEST-1', linked_issue, 'relates')

    assert str(error.value).startswith('linked_issue must be an issue key like QUEUE-123 or an issue id, got ')


@pytest.mark.parametrize('linked_issue', ['', ' ', None])
def test_an_empty_linked_issue_is_refused(linked_issue):
    with pytest.raises(ValueError) as error:
        wanted_issue_link('TEST-1', linked_issue, 'relates')

    assert str(error.value) == 'linked_issue must not be empty: give an issue key like QUEUE-123 or an issue id'


@pytest.mark.parametrize('issue, linked_issue', [('TEST-1', 'TEST-1'), ('TEST-1', 'test-1'), ('test-1', 'TEST-1')])
def test_an_issue_linked_to_itself_is_refused(issue, linked_issue):
    with pytest.raises(ValueError) as error:
        wanted_issue_link(issue, linked_issue, 'relates')

    assert 'linked_issue must be another issue than issue' in str(error.value)


# matching, from either issue

@pytest.mark.parametrize('name', sorted(ANSWERED_AS))
def test_a_link_is_found_by_its_name_on_the_issue_it_was_made_on(name):
    link = as_made_on(name)

    assert IssueLinkIndex([link]).matches(wanted(relationship=name)) == [link]


@pytest.mark.parametrize('name', sorted(ANSWERED_AS))
def test_a_link_is_found_by_the_opposite_name_on_the_other_issue(name):
    """TEST-2 <name> TEST-1, made on TEST-2, shows on TEST-1 with the opposite direction."""
    made_on_the_other_issue = as_seen_from_the_other_issue(as_made_on(name))

    found = IssueLinkIndex([made_on_the_other_issue]).matches(wanted(relationship=SEEN_FROM_THE_OTHER_ISSUE[name]))

    assert found == [made_on_the_other_issue]


@pytest.mark.parametrize('name', sorted(set(ANSWERED_AS) - {'relates'}))
def test_the_other_end_of_a_directed_link_is_another_link(name):
    link = as_made_on(name)

    assert IssueLinkIndex([as_seen_from_the_other_issue(link)]).matches(wanted(relationship=name)) == []


@pytest.mark.parametrize('direction', ['inward', 'outward'])
def test_relates_matches_either_direction(direction):
    link = issue_link(1, type_id='relates', direction=direction)

    assert IssueLinkIndex([link]).matches(wanted()) == [link]


def test_another_type_or_another_issue_is_another_link():
    index = IssueLinkIndex([issue_link(1, type_id='depends', direction='outward'), issue_link(2, key='TEST-3')])

    assert index.matches(wanted(relationship='is subtask for')) == []
    assert index.matches(wanted(key='TEST-4')) == []


def test_the_linked_issue_is_found_by_key_ignoring_case_or_by_id():
    link = issue_link(1, key='TEST-2')
    index = IssueLinkIndex([link])

    assert index.matches(wanted(key='test-2')) == [link]
    assert index.matches(wanted(key=issue_id('TEST-2'))) == [link]
    assert index.matches(wanted(key='TEST-3')) == []


@pytest.mark.parametrize('type_id, direction', [('DEPENDS', 'OUTWARD'), ('Depends', 'outward'), ('depends', 'Outward')])
def test_the_type_and_direction_tracker_answers_are_compared_ignoring_case(type_id, direction):
    link = issue_link(1, key='TEST-2', type_id=type_id, direction=direction)
    other = issue_link(2, key='TEST-3', type_id=type_id.swapcase(), direction='inward')

    assert IssueLinkIndex([link, other]).matches(wanted(relationship='depends on')) == [link]
    assert plan_issue_links([wanted(relationship='depends on')], [link, other]).to_create == []
    assert ids(plan_issue_links([wanted(relationship='depends on')], [link, other], purge=True).to_delete) == [2]
    assert describe_all_issue_links([link, other]) == 'depends on: TEST-2\nis dependent by: TEST-3\n'


def test_links_missing_fields_never_match():
    assert IssueLinkIndex([{'id': 1}, {'id': 2, 'object': None, 'type': None}]).matches(wanted()) == []


# the plan

def test_present_creates_what_no_link_matches_and_keeps_what_does():
    current = [issue_link(1, key='TEST-2'), issue_link(2, key='TEST-3', type_id='depends', direction='outward')]

    plan = plan_issue_links([wanted('TEST-2'), wanted('TEST-3', 'depends on'), wanted('TEST-3', 'duplicates')],
                            current)

    assert plan.to_create == [wanted('TEST-3', 'duplicates')]
    assert ids(plan.kept) == [1, 2]
    assert plan.to_delete == []


def test_a_link_asked_for_twice_is_created_once():
    plan = plan_issue_links([wanted('TEST-2'), wanted('test-2', 'RELATES')], [])

    assert plan.to_create == [wanted('TEST-2')]


def test_purge_deletes_the_other_links_of_the_named_types_in_either_direction_only():
    current = [
        issue_link(1, key='TEST-2', type_id='depends', direction='outward'),
        issue_link(2, key='TEST-3', type_id='depends', direction='outward'),
        issue_link(3, key='TEST-4', type_id='depends', direction='inward'),
        issue_link(4, key='TEST-5', type_id='relates'),
        issue_link(5, key='TEST-6', type_id='subtask', direction='inward'),
    ]

    plan = plan_issue_links([wanted('TEST-2', 'depends on')], current, purge=True)

    assert ids(plan.to_delete) == [2, 3]
    assert ids(plan.kept) == [1]
    assert plan.to_create == []


def test_without_purge_nothing_is_deleted():
    plan = plan_issue_links([wanted('TEST-2')], [issue_link(1, key='TEST-3')])

    assert plan.to_delete == [] and plan.to_create == [wanted('TEST-2')]


def test_absent_deletes_every_match_and_ignores_purge():
    current = [issue_link(1, key='TEST-2'), issue_link(2, key='TEST-3'), issue_link(3, key='TEST-2')]

    plan = plan_issue_links([wanted('TEST-2'), wanted('TEST-4')], current, state='absent', purge=True)

    assert ids(plan.to_delete) == [1, 3]
    assert plan.to_create == [] and plan.kept == []


# diff lines

def test_a_diff_line_names_the_relationship_as_seen_from_the_issue():
    current = [
        issue_link(1, key='OPS-3', type_id='depends', direction='outward'),
        issue_link(2, key='OPS-1', type_id='relates', direction='outward'),
        issue_link(3, key='REL-40', type_id='subtask', direction='inward'),
        issue_link(4, key='OPS-9', type_id='clones', direction='outward'),
    ]

    assert describe_all_issue_links(current) == (
        'clones: OPS-9\ndepends on: OPS-3\nis subtask for: REL-40\nrelates: OPS-1\n')


def test_descriptions_before_and_after_a_plan():
    current = [issue_link(1, key='OPS-3', type_id='depends', direction='outward'),
               issue_link(2, key='OPS-4', type_id='depends', direction='inward')]
    plan = plan_issue_links([wanted('ops-5', 'Depends  On'), wanted('OPS-3', 'depends on')], current, purge=True)

    assert describe_all_issue_links(current) == 'depends on: OPS-3\nis dependent by: OPS-4\n'
    assert describe_issue_links_after(current, plan) == 'depends on: OPS-3\ndepends on: OPS-5\n'
    assert describe_all_issue_links([]) == ''
