# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The plan of a task as a pure function of the wanted and the current links."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._links import (
    describe_after,
    describe_all,
    plan_changes,
    wanted_link,
)
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import api_link

BUILD = wanted_link('ci.example', 'build-1')


def ids(links):
    return [link['id'] for link in links]


def test_a_wanted_relationship_is_lower_case_and_defaults_to_relates():
    assert wanted_link('a', 'b') == ('a', 'b', 'relates')
    assert wanted_link('a', 'b', 'DEPENDS').relationship == 'depends'


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
