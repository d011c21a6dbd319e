# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The plan of a task as a pure function of the wanted and the current links."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._flow import settle_created
from ansible_collections.ytracker.tracker.plugins.module_utils._links import (
    LinkIndex,
    link_origins,
    plan_changes,
    wanted_link,
)
from ansible_collections.ytracker.tracker.plugins.modules import tracker_remote_link
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import api_link, link_diff

BUILD = wanted_link('ci.example', 'build-1')


def describe_all(links, origins=()):
    """The links as the diff of tracker_remote_link shows them before a task."""
    return link_diff(tracker_remote_link, links, plan_changes([], links), origins)['before']


def describe_after(current, plan):
    """The links as that diff shows them once ``plan`` is carried out."""
    return link_diff(tracker_remote_link, current, plan)['after']


def ids(links):
    return [link['id'] for link in links]


# The application of a link in either shape the reference shows: named by the origin string, or
# (the example of "Adding an external link") by a numeric id, the origin only in object.self.
REFERENCE_SHAPE = dict(application_id='2581100012')


def test_a_wanted_relationship_is_lower_case_and_defaults_to_relates():
    assert wanted_link('a', 'b') == ('a', 'b', 'relates')
    assert wanted_link('a', 'b', 'DEPENDS').relationship == 'depends'
    assert wanted_link('a', 'b', '  Depends   ON ').relationship == 'depends on'


def test_the_origin_is_read_from_every_place_tracker_puts_it():
    assert link_origins(api_link(1)) == ['ci.example']
    assert link_origins(api_link(1, **REFERENCE_SHAPE)) == ['ci.example', '2581100012']


@pytest.mark.parametrize('place', ['object.self', 'application.id', 'application.self'])
def test_any_one_place_naming_the_origin_is_enough(place):
    link = api_link(1, application_id='2581100012')
    target = link['object']
    del target['self']
    target['application'] = {'id': '2581100012', 'self': None}
    if place == 'object.self':
        target['self'] = 'https://api.tracker.yandex.net/v3/applications/ci.example/objects/1357001000'
    elif place == 'application.id':
        target['application']['id'] = 'ci.example'
    else:
        target['application']['self'] = 'https://api.tracker.yandex.net/v3/applications/ci.example'

    assert LinkIndex([link]).matches(BUILD) == [link]
    assert plan_changes([BUILD], [link]).to_create == []


def test_a_link_with_no_name_of_its_application_matches_nothing():
    link = api_link(1)
    link['object'] = {'key': 'build-1', 'application': {'type': 'app', 'name': 'ci.example'}}

    assert link_origins(link) == []
    assert plan_changes([BUILD], [link]).to_create == [BUILD]


@pytest.mark.parametrize('shape', [{}, REFERENCE_SHAPE], ids=['origin-id', 'reference'])
def test_every_use_of_matching_sees_both_shapes(shape):
    current = [api_link(1, **shape), api_link(2, key='build-0', **shape),
               api_link(3, origin='vcs.example', key='PR-1', application_id='2581100099')]

    assert plan_changes([BUILD], current).kept == [current[0]]
    assert ids(plan_changes([BUILD], current, purge=True).to_delete) == [2]
    assert ids(plan_changes([BUILD], current, state='absent').to_delete) == [1]
    assert LinkIndex(current).matches(BUILD) == [current[0]]
    assert describe_all(current, {'ci.example'}) == (
        'ci.example:build-0 (relates)\nci.example:build-1 (relates)\nvcs.example:PR-1 (relates)\n')


def test_a_diff_names_the_origin_as_the_task_does():
    # The application's own id names it as well as object.self does: the task's name wins.
    link = api_link(1, origin='ci.example', application_id='teamcity')

    assert describe_all([link], {'teamcity'}) == 'teamcity:build-1 (relates)\n'
    assert describe_all([link]) == 'ci.example:build-1 (relates)\n'


@pytest.mark.parametrize('name, type_id, direction', [
    ('relates', 'relates', 'outward'),
    ('relates', 'relates', 'inward'),
    ('RELATES', 'relates', None),
    ('depends on', 'depends', 'outward'),
    ('is dependent by', 'depends', 'inward'),
    ('is subtask for', 'subtask', 'inward'),
    ('is parent task for', 'subtask', 'outward'),
    ('duplicates', 'duplicates', 'outward'),
    ('is duplicated by', 'duplicates', 'inward'),
    ('is epic of', 'epic', 'outward'),
    ('has epic', 'epic', 'inward'),
    ('depends', 'depends', 'outward'),
    ('Custom', 'custom', 'inward'),
])
def test_a_relationship_matches_the_type_and_direction_tracker_answers(name, type_id, direction):
    link = api_link(1, relationship=type_id, direction=direction)
    wanted = wanted_link('ci.example', 'build-1', name)

    assert plan_changes([wanted], [link]).kept == [link]


@pytest.mark.parametrize('name, type_id, direction', [
    ('depends on', 'depends', 'inward'),
    ('is dependent by', 'depends', 'outward'),
    ('is subtask for', 'subtask', 'outward'),
    ('depends on', 'relates', 'outward'),
    ('relates', 'depends', 'outward'),
])
def test_the_other_end_or_another_type_is_another_link(name, type_id, direction):
    link = api_link(1, relationship=type_id, direction=direction)

    assert plan_changes([wanted_link('ci.example', 'build-1', name)], [link]).kept == []


# The nine names of the reference's "Linking issues" page and what Tracker answers for each.
ANSWERED_AS = {
    'relates': ('relates', 'outward'),
    'depends on': ('depends', 'outward'),
    'is dependent by': ('depends', 'inward'),
    'is subtask for': ('subtask', 'inward'),
    'is parent task for': ('subtask', 'outward'),
    'duplicates': ('duplicates', 'outward'),
    'is duplicated by': ('duplicates', 'inward'),
    'is epic of': ('epic', 'outward'),
    'has epic': ('epic', 'inward'),
}


@pytest.mark.parametrize('name', sorted(ANSWERED_AS))
def test_each_documented_name_finds_its_own_links_only_and_names_them_back(name):
    """One link of each relationship: a task naming one of them keeps that link and no other, and
    the diff names each link by the name it was made with."""
    current = [api_link(number, relationship=type_id, direction=direction)
               for number, (type_id, direction) in enumerate(sorted(ANSWERED_AS.values()), start=1)]
    made = api_link(99, relationship=ANSWERED_AS[name][0], direction=ANSWERED_AS[name][1])

    kept = plan_changes([wanted_link('ci.example', 'build-1', name)], current).kept

    assert [(link['type']['id'], link['direction']) for link in kept] == [ANSWERED_AS[name]]
    assert describe_all([made]) == 'ci.example:build-1 (%s)\n' % name


@pytest.mark.parametrize('type_id, direction', [
    ('RELATES', 'OUTWARD'),
    ('Relates', 'inward'),
    ('Depends', 'Outward'),
    ('DEPENDS', 'outward'),
])
def test_the_type_and_direction_tracker_answers_are_compared_ignoring_case(type_id, direction):
    link = api_link(1, relationship=type_id, direction=direction)
    wanted = wanted_link('ci.example', 'build-1', 'depends on' if type_id.lower() == 'depends' else 'relates')

    plan = plan_changes([wanted], [link])

    assert plan.kept == [link] and plan.to_create == []
    assert plan_changes([wanted], [link], state='absent').to_delete == [link]
    assert describe_all([link]) == 'ci.example:build-1 (%s)\n' % wanted.relationship


# twins: runs that made the same link at the same moment keep the one with the lowest id

@pytest.mark.parametrize('found_ids, kept_id, twin_ids', [
    ([10, 9, 100], 9, [10, 100]),
    ([100, 20, 3], 3, [20, 100]),
    (['10', '9', '100'], '9', ['10', '100']),
    ([1000000000001, 999999999999], 999999999999, [1000000000001]),
])
def test_twins_keep_the_lowest_id_as_a_number_whatever_its_length(found_ids, kept_id, twin_ids):
    wanted = wanted_link('ci.example', 'build-1')
    answer = api_link(found_ids[0])
    found = [api_link(link_id) for link_id in found_ids]

    kept, twins = settle_created([wanted], [answer], lambda dummy: found)

    assert ids(kept) == [kept_id]
    assert ids(twins) == twin_ids


def test_twins_of_several_links_are_settled_link_by_link():
    first, second = wanted_link('ci.example', 'build-1'), wanted_link('ci.example', 'build-2')
    found = {first: [api_link(10), api_link(9)], second: [api_link(8, key='build-2')]}

    kept, twins = settle_created([first, second], [api_link(10), api_link(8, key='build-2')], found.get)

    assert ids(kept) == [9, 8] and ids(twins) == [10]


def test_a_created_link_not_read_back_is_kept_as_answered():
    answer = api_link(12)

    kept, twins = settle_created([BUILD], [answer], lambda dummy: [])

    assert kept == [answer] and twins == []


def test_a_diff_line_names_the_relationship_as_documented():
    wanted = wanted_link('ci.example', 'build-2', 'Depends On')
    current = [api_link(1, relationship='depends', direction='outward')]
    plan = plan_changes([wanted], current)

    assert describe_after(current, plan) == 'ci.example:build-1 (depends on)\nci.example:build-2 (depends on)\n'


def test_the_same_link_named_twice_is_created_once():
    twice = [wanted_link('ci.example', 'build-1', 'depends on'), wanted_link('ci.example', 'build-1', 'DEPENDS ON')]

    assert plan_changes(twice, []).to_create == twice[:1]


def test_present_creates_what_no_link_matches():
    current = [api_link(1, key='build-2'), api_link(2, relationship='depends'), api_link(3, origin='vcs.example')]

    plan = plan_changes([BUILD], current)

    assert plan.to_create == [BUILD]
    assert plan.to_delete == [] and plan.kept == []


def test_present_keeps_every_match_and_creates_nothing():
    current = [api_link(1), api_link(2), api_link(3, key='other')]

    plan = plan_changes([BUILD], current)

    assert plan.to_create == []
    assert ids(plan.kept) == [1, 2]


def test_a_link_asked_for_twice_is_created_once():
    assert plan_changes([BUILD, BUILD], []).to_create == [BUILD]


def test_purge_deletes_only_other_links_of_the_wanted_origins():
    current = [api_link(1), api_link(2, key='build-0'), api_link(3, origin='vcs.example', key='PR-1')]

    plan = plan_changes([BUILD], current, purge=True)

    assert ids(plan.to_delete) == [2]
    assert ids(plan.kept) == [1]


def test_absent_deletes_every_match_and_ignores_purge():
    current = [api_link(1), api_link(2, key='build-0'), api_link(3)]

    plan = plan_changes([BUILD], current, state='absent', purge=True)

    assert ids(plan.to_delete) == [1, 3]
    assert plan.to_create == [] and plan.kept == []


def test_links_missing_fields_never_match():
    assert plan_changes([BUILD], [{'id': 1}, {'id': 2, 'object': None, 'type': None}]).to_create == [BUILD]


def test_descriptions_before_and_after_a_plan():
    current = [api_link(2, key='build-0'), api_link(3, origin='vcs.example', key='PR-1')]
    plan = plan_changes([BUILD], current, purge=True)

    assert describe_all(current) == 'ci.example:build-0 (relates)\nvcs.example:PR-1 (relates)\n'
    assert describe_after(current, plan) == 'ci.example:build-1 (relates)\nvcs.example:PR-1 (relates)\n'
