# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Which comment a task means, and the plan, as pure functions of the wanted and the current comments."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._comment_task import IssueComments
from ansible_collections.ytracker.tracker.plugins.module_utils._comments import (
    WantedComment,
    author,
    describe,
    identified,
    marked_text,
    normal_text,
    plan_comment,
    wanted_comment,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._common import one_object
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import plan_diff

MARKER = 'report:web-rollout'


def comment(comment_id, text, **fields):
    """A comment as the API lists it."""
    return dict({'id': comment_id, 'longId': '5fa15a24ac894475%08x' % int(comment_id), 'text': text,
                 'createdBy': {'id': '1100000', 'display': 'Release Robot'}}, **fields)


def ids(comments):
    return [found['id'] for found in comments]


# The text a task wants

def test_the_marker_goes_on_a_line_of_its_own_after_a_blank_line():
    assert marked_text('web 1.4 is live', MARKER) == 'web 1.4 is live\n\nreport:web-rollout'
    assert marked_text('web 1.4 is live\n', MARKER) == 'web 1.4 is live\n\nreport:web-rollout'


def test_a_text_that_holds_the_marker_is_taken_as_it_is():
    text = '<!-- %s -->\nweb 1.4 is live' % MARKER
    assert marked_text(text, MARKER) == text


def test_without_a_marker_the_text_is_taken_as_it_is():
    assert wanted_comment('web 1.4 is live', None, 'present') == WantedComment('web 1.4 is live', None)


def test_absent_with_a_marker_asks_by_the_marker_alone():
    assert wanted_comment('whatever', MARKER, 'absent') == WantedComment(None, MARKER)
    assert wanted_comment(None, MARKER, 'absent') == WantedComment(None, MARKER)


@pytest.mark.parametrize('text, marker, state, message', [
    (None, MARKER, 'present', 'text must not be empty with state=present'),
    ('', None, 'present', 'text must not be empty with state=present'),
    (' \n ', MARKER, 'present', 'text must not be empty with state=present'),
    (None, None, 'absent', 'state=absent needs marker or text'),
    ('  ', None, 'absent', 'state=absent needs marker or text'),
    ('text', '', 'present', 'marker must not be empty'),
    ('text', ' ', 'absent', 'marker must not be empty'),
    ('text', 'two\nlines', 'present', 'marker must be one line'),
])
def test_input_that_names_no_comment_is_refused(text, marker, state, message):
    with pytest.raises(ValueError) as error:
        wanted_comment(text, marker, state)
    assert message in str(error.value)


# Finding the comment

def test_the_marker_finds_every_comment_that_contains_it():
    comments = [comment(1, 'hello'), comment(2, 'web 1.3\n\nreport:web-rollout'), comment(3, 'x report:web-rollout y'),
                comment(4, 'report:web'), comment(5, None)]

    assert ids(identified(comments, WantedComment('anything', MARKER))) == [2, 3]


def test_without_a_marker_the_whole_text_identifies_the_comment():
    comments = [comment(1, 'Deployed.'), comment(2, 'deployed.'), comment(3, 'Deployed. Twice.'),
                comment(4, 'Deployed.\r\n'), comment(5, '\n\nDeployed.'), comment(6, '    Deployed.')]

    assert ids(identified(comments, WantedComment('Deployed.', None))) == [1, 4, 5]


def test_texts_compare_with_line_feeds_and_without_blank_lines_around():
    assert normal_text('a\r\nb\rc \n') == 'a\nb\nc'
    assert normal_text('\n \n  a\n') == '  a'
    assert normal_text(None) == ''
    assert normal_text('a  b') == 'a  b'


def test_a_change_of_indentation_is_a_change():
    """Four spaces before a line make a code block in Tracker's markup."""
    assert normal_text('    code line\n    second\n') != normal_text('code line\n    second\n')


@pytest.mark.parametrize('text', [
    'report:web-rollout', 'see report:web2', 'xreport:web', 'report:web_all', 'prefix-report:web',
])
def test_a_marker_is_not_found_inside_a_longer_marker_or_word(text):
    assert identified([comment(1, text)], WantedComment(None, 'report:web')) == []


@pytest.mark.parametrize('text', [
    'report:web', 'done\n\nreport:web', '(report:web)', 'report:web.', '<!-- report:web -->', 'a report:web b',
])
def test_a_marker_is_found_as_a_whole(text):
    assert ids(identified([comment(1, text)], WantedComment(None, 'report:web'))) == [1]


def test_a_text_holding_a_longer_marker_still_gets_its_own():
    assert marked_text('see report:web-rollout', 'report:web') == 'see report:web-rollout\n\nreport:web'


# Planning

def test_present_without_the_comment_posts_the_wanted_text():
    wanted = WantedComment('a\n\n' + MARKER, MARKER)
    plan = plan_comment(wanted, [comment(1, 'other')], 'present')

    assert plan.to_create == [wanted] and plan.to_create[0].text == 'a\n\n' + MARKER
    assert plan.to_update == [] and plan.to_delete == [] and plan.kept == []


def test_present_with_the_same_text_changes_nothing():
    current = comment(7, 'a\n\n%s\n' % MARKER)
    plan = plan_comment(WantedComment('a\n\n' + MARKER, MARKER), [comment(1, 'other'), current], 'present')

    assert plan.to_create == [] and plan.to_update == [] and plan.to_delete == []
    assert plan.kept == [current]


def test_present_with_another_text_edits_that_comment():
    current = comment(7, 'old\n\n' + MARKER)
    wanted = WantedComment('new\n\n' + MARKER, MARKER)
    plan = plan_comment(wanted, [current], 'present')

    assert plan.to_create == [] and plan.to_update == [(current, wanted)] and plan.to_update[0][0] is current


def test_of_several_marked_comments_the_lowest_id_is_edited_whatever_the_order_or_the_id_type():
    comments = [comment(30, 'c ' + MARKER), comment('9', 'b ' + MARKER), comment(100, 'a ' + MARKER)]

    plan = plan_comment(WantedComment('new ' + MARKER, MARKER), comments, 'present')

    assert [edited['id'] for edited, dummy in plan.to_update] == ['9']


def test_of_several_marked_comments_one_with_the_text_already_means_nothing_to_do():
    comments = [comment(1, 'old ' + MARKER), comment(2, 'new ' + MARKER)]

    plan = plan_comment(WantedComment('new ' + MARKER, MARKER), comments, 'present')

    assert plan.to_update == [] and plan.to_create == [] and ids(plan.kept) == [2]


def test_absent_deletes_every_comment_the_task_means():
    comments = [comment(1, 'a ' + MARKER), comment(2, 'b'), comment(3, MARKER)]

    plan = plan_comment(WantedComment(None, MARKER), comments, 'absent')

    assert ids(plan.to_delete) == [1, 3] and plan.to_create == [] and plan.to_update == []


def test_absent_by_text_deletes_only_that_text():
    plan = plan_comment(WantedComment('b', None), [comment(1, 'a'), comment(2, 'b'), comment(3, 'b ')], 'absent')

    assert ids(plan.to_delete) == [2, 3]


def test_absent_without_the_comment_has_nothing_to_do():
    plan = plan_comment(WantedComment(None, MARKER), [comment(1, 'a')], 'absent')

    assert plan == ([], [], [], [])


def test_planning_many_comments_looks_at_each_once():
    comments = [comment(number, 'build %d passed' % number) for number in range(1, 20001)]
    comments.append(comment(20001, 'web 1.3\n\n' + MARKER))

    plan = plan_comment(WantedComment('web 1.4\n\n' + MARKER, MARKER), comments, 'present')

    assert [edited['id'] for edited, dummy in plan.to_update] == [20001]


# Answers and descriptions

@pytest.mark.parametrize('answer, expected', [
    ({'id': 1}, {'id': 1}),
    ([{'id': 1}], {'id': 1}),
    ([], None),
    ([{'id': 1}, {'id': 2}], None),
    (None, None),
    ('text', None),
])
def test_one_comment_takes_either_shape_the_reference_prints(answer, expected):
    assert one_object(answer) == expected


def test_the_author_is_read_from_created_by_or_create_body():
    assert author({'createdBy': {'id': '1', 'display': 'Ann'}}) == 'Ann'
    assert author({'createBody': {'id': '2'}}) == '2'
    assert author({}) is None


def test_a_comment_is_described_by_id_and_long_id():
    assert describe(comment(626, 'a')) == 'comment 626 (longId 5fa15a24ac89447500000272)'
    assert describe({'id': '684'}) == 'comment 684'


def diff_texts(plan, wanted, state):
    """The diff tracker_comment shows for ``plan``, through its own Resource."""
    comments = IssueComments(dict(issue='TEST-1', state=state, summonees=None, add_to_followers=False))
    shown = plan_diff(comments, [], [], plan)
    return shown['before'], shown['after']


def test_diff_shows_the_text_before_and_after():
    wanted = WantedComment('new ' + MARKER, MARKER)
    current = comment(1, 'old ' + MARKER)

    assert diff_texts(plan_comment(wanted, [], 'present'), wanted, 'present') == ('', 'new %s\n' % MARKER)
    edited = plan_comment(wanted, [current], 'present')
    assert diff_texts(edited, wanted, 'present') == ('old %s\n' % MARKER, 'new %s\n' % MARKER)
    same = comment(1, 'new %s\n' % MARKER)
    assert diff_texts(plan_comment(wanted, [same], 'present'), wanted, 'present') == (same['text'], same['text'])
    gone = WantedComment(None, MARKER)
    assert diff_texts(plan_comment(gone, [current, comment(2, MARKER)], 'absent'), gone, 'absent') == (
        'old %s\n%s\n' % (MARKER, MARKER), '')
