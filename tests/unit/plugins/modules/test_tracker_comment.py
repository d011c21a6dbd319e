# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_comment, scenario by scenario: the exact requests sent and the result."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests
from responses import matchers

from ansible_collections.ytracker.tracker.plugins.modules.tracker_comment import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    API,
    CONNECTION,
    TOKEN,
    module_runner,
    requests_sent,
)

COMMENTS = API + '/issues/TEST-1/comments'
MARKER = 'report:web-rollout'
TEXT = 'web 1.4 is live on 12 hosts'
MARKED = TEXT + '\n\n' + MARKER
TASK = dict(CONNECTION, issue='TEST-1', text=TEXT, marker=MARKER)
ROBOT = {'self': API + '/users/1100000', 'id': '1100000', 'display': 'Release Robot'}
SOMEONE = {'self': API + '/users/1100099', 'id': '1100099', 'display': 'Another User'}
NO_FOLLOWING = matchers.query_param_matcher({'isAddToFollowers': 'false'})


def comment(comment_id, text=MARKED, by=None):
    """A comment as the reference's "Get issue comments" answer shows it; by the token's user unless ``by``."""
    by = by or ROBOT
    return {'self': '%s/%s' % (COMMENTS, comment_id), 'id': comment_id,
            'longId': '5fa15a24ac894475%08x' % comment_id, 'text': text, 'createdBy': by, 'updatedBy': by,
            'createdAt': '2026-07-19T06:18:09.327+0000', 'updatedAt': '2026-07-19T06:18:09.327+0000',
            'version': 1, 'type': 'standard', 'transport': 'internal'}


run = module_runner(main, **TASK)


# present

def test_posts_a_missing_comment_with_the_marker_then_reads_once(api):
    api.get(COMMENTS, json=[comment(1, 'Build passed.')])
    api.post(COMMENTS, status=201, json=comment(2),
             match=[matchers.json_params_matcher({'text': MARKED}), NO_FOLLOWING])
    api.get(COMMENTS, json=[comment(1, 'Build passed.'), comment(2)])

    result, failed = run()

    assert not failed
    assert result['changed'] is True
    assert result['comment']['id'] == 2 and result['removed'] == []
    assert requests_sent(api, query=False) == [('GET', COMMENTS), ('POST', COMMENTS), ('GET', COMMENTS)]


def test_the_same_text_changes_nothing_with_one_request(api):
    api.get(COMMENTS, json=[comment(1, 'Build passed.'), comment(2)])

    result, failed = run()

    assert not failed
    assert result['changed'] is False and result['comment']['id'] == 2
    assert requests_sent(api, query=False) == [('GET', COMMENTS)]


def test_a_text_that_holds_the_marker_is_posted_as_it_is(api):
    text = '%s\nweb 1.4 is live' % MARKER
    api.get(COMMENTS, json=[])
    api.post(COMMENTS, status=201, json=comment(2, text), match=[matchers.json_params_matcher({'text': text})])
    api.get(COMMENTS, json=[comment(2, text)])

    result, dummy = run(text=text)

    assert result['changed'] is True and result['comment']['text'] == text


def test_another_text_edits_the_marked_comment_in_place(api):
    api.get(COMMENTS, json=[comment(5, 'web 1.3 is live\n\n' + MARKER)])
    api.patch(COMMENTS + '/5', json=dict(comment(5), version=2), match=[matchers.json_params_matcher({'text': MARKED})])

    result, failed = run()

    assert not failed
    assert result['changed'] is True
    assert result['comment']['text'] == MARKED and result['comment']['version'] == 2
    assert requests_sent(api, query=False) == [('GET', COMMENTS), ('PATCH', COMMENTS + '/5')]


def test_an_edit_answered_as_the_reference_example_prints_it_is_read_as_one_comment(api):
    answer = dict(comment(5), id='5', createBody=ROBOT, updateBody=ROBOT)
    del answer['createdBy'], answer['updatedBy']
    api.get(COMMENTS, json=[comment(5, 'old ' + MARKER)])
    api.patch(COMMENTS + '/5', json=[answer])

    result, dummy = run()

    assert result['changed'] is True and result['comment'] == answer


def test_an_edit_answered_with_no_comment_reports_the_comment_as_read(api):
    api.get(COMMENTS, json=[comment(5, 'old ' + MARKER)])
    api.patch(COMMENTS + '/5', body='')
    api.get(COMMENTS, json=[comment(5)])

    result, dummy = run()

    assert result['changed'] is True and result['comment'] == comment(5)


def test_a_marked_comment_of_another_user_fails_in_one_line_and_nothing_is_posted(api):
    api.get(COMMENTS, json=[comment(5, 'old ' + MARKER, by=SOMEONE)])
    api.patch(COMMENTS + '/5', status=403, json={'errorMessages': ['Forbidden'], 'statusCode': 403})

    result, failed = run()

    assert failed and result['changed'] is False
    assert result['msg'] == (
        "cannot edit comment 5 (longId 5fa15a24ac89447500000005), written by Another User: Tracker answered 403,"
        " as it does for a comment of another user; give this task another marker than 'report:web-rollout',"
        " so that it posts a comment of its own")
    assert requests_sent(api, query=False) == [('GET', COMMENTS), ('PATCH', COMMENTS + '/5')]


def test_a_marked_comment_of_another_user_with_the_right_text_is_left_alone(api):
    api.get(COMMENTS, json=[comment(5, by=SOMEONE)])

    result, failed = run()

    assert not failed and result['changed'] is False and result['comment']['createdBy'] == SOMEONE


def test_without_a_marker_the_text_identifies_the_comment(api):
    api.get(COMMENTS, json=[comment(3, 'Deployed.\n')])

    result, dummy = run(text='Deployed.', marker=None)

    assert result['changed'] is False and result['comment']['id'] == 3


def test_summonees_and_following_go_with_a_new_comment_only(api):
    api.get(COMMENTS, json=[])
    api.post(COMMENTS, status=201, json=comment(2), match=[
        matchers.json_params_matcher({'text': MARKED, 'summonees': ['release-manager']}),
        matchers.query_param_matcher({'isAddToFollowers': 'true'})])
    api.get(COMMENTS, json=[comment(2)])
    api.get(COMMENTS, json=[comment(2, 'old ' + MARKER)])
    api.patch(COMMENTS + '/2', json=comment(2), match=[matchers.json_params_matcher({'text': MARKED})])

    posted, dummy = run(summonees=['release-manager'], add_to_followers=True)
    edited, dummy = run(summonees=['release-manager'], add_to_followers=True)

    assert posted['changed'] is True and edited['changed'] is True


# every page

def test_a_marked_comment_on_a_later_page_is_found_by_following_the_link_header(api):
    for page, last in enumerate((2, 4, 6, 8)):
        api.get(COMMENTS, json=[comment(last - 1, 'a'), comment(last, 'b')],
                headers={'Link': '<%s?perPage=2>; rel="first", <%s?perPage=2&id=%d>; rel="next"'
                                 % (COMMENTS, COMMENTS, last)},
                match=[matchers.query_param_matcher({'perPage': '2', 'id': str(last - 2)} if page else {})])
    api.get(COMMENTS, json=[comment(9)], headers={'Link': '<%s?perPage=2>; rel="first"' % COMMENTS},
            match=[matchers.query_param_matcher({'perPage': '2', 'id': '8'})])

    result, failed = run()

    assert not failed
    assert result['changed'] is False and result['comment']['id'] == 9
    assert len(api.calls) == 5


# lost answers and twins

def test_a_post_answered_500_that_made_the_comment_is_not_sent_again(api, sleeps):
    api.get(COMMENTS, json=[])
    api.post(COMMENTS, status=500, json={'errorMessages': ['Internal error']})
    api.get(COMMENTS, json=[comment(2)])

    result, failed = run()

    assert not failed
    assert result['changed'] is True and result['comment']['id'] == 2
    assert requests_sent(api, query=False) == [('GET', COMMENTS), ('POST', COMMENTS), ('GET', COMMENTS)]
    assert sleeps.call_count == 0


def test_a_post_that_dropped_the_connection_without_a_comment_is_sent_again_after_reading(api, sleeps):
    api.get(COMMENTS, json=[])
    api.post(COMMENTS, body=requests.exceptions.ConnectionError('connection reset'))
    api.get(COMMENTS, json=[])
    api.post(COMMENTS, status=201, json=comment(3))
    api.get(COMMENTS, json=[comment(3)])

    result, failed = run()

    assert not failed and result['changed'] is True and result['comment']['id'] == 3
    assert sleeps.call_count == 1


def test_a_post_that_never_succeeds_fails_after_the_retries(api, sleeps):
    api.get(COMMENTS, json=[])
    for dummy in range(2):
        api.post(COMMENTS, status=503, json={'errorMessages': ['Unavailable']})
        api.get(COMMENTS, json=[])

    result, failed = run(retries=1)

    assert failed and result['status'] == 503
    assert 'the comment is not on the issue after 2 attempts' in result['msg']


def test_twins_posted_at_the_same_moment_leave_the_lowest_id(api):
    api.get(COMMENTS, json=[])
    api.post(COMMENTS, status=201, json=comment(12))
    api.get(COMMENTS, json=[comment(11), comment(12), comment(13)])
    api.delete(COMMENTS + '/12', status=204)
    api.delete(COMMENTS + '/13', status=404)

    result, failed = run()

    assert not failed
    assert result['changed'] is True and result['comment']['id'] == 11


# absent

def test_absent_deletes_every_marked_comment(api):
    api.get(COMMENTS, json=[comment(1, 'other'), comment(2), comment(3, 'old ' + MARKER)])
    api.delete(COMMENTS + '/2', status=204)
    api.delete(COMMENTS + '/3', status=404)

    result, failed = run(state='absent', text=None)

    assert not failed
    assert result['changed'] is True and result['comment'] is None
    assert [found['id'] for found in result['removed']] == [2]


def test_absent_without_the_comment_changes_nothing(api):
    api.get(COMMENTS, json=[comment(1, 'other')])

    result, dummy = run(state='absent', marker=None, text='Deployed.')

    assert result['changed'] is False and result['removed'] == []


def test_absent_refused_for_another_users_comment_names_it(api):
    api.get(COMMENTS, json=[comment(4, by=SOMEONE)])
    api.delete(COMMENTS + '/4', status=403)

    result, failed = run(state='absent')

    assert failed and result['status'] == 403
    assert result['msg'].startswith('cannot delete comment 4 (longId 5fa15a24ac89447500000004), written by Another'
                                    ' User: Tracker answered 403')


# check mode and diff

@pytest.mark.parametrize('current, state, changed, comment_id, removed', [
    ([], 'present', True, None, []),
    ([comment(5, 'old ' + MARKER)], 'present', True, 5, []),
    ([comment(5)], 'present', False, 5, []),
    ([comment(5)], 'absent', True, None, [5]),
])
def test_check_mode_only_reads(api, current, state, changed, comment_id, removed):
    api.get(COMMENTS, json=current)

    result, failed = run(check_mode=True, state=state)

    assert not failed
    assert result['changed'] is changed
    assert (result['comment'] or {}).get('id') == comment_id
    assert [found['id'] for found in result['removed']] == removed
    assert requests_sent(api, query=False) == [('GET', COMMENTS)]


def test_diff_shows_the_comment_text_before_and_after(api):
    api.get(COMMENTS, json=[comment(5, 'web 1.3 is live\n\n' + MARKER)])

    result, dummy = run(check_mode=True, diff=True)

    assert result['diff'] == {'before': 'web 1.3 is live\n\n%s\n' % MARKER, 'after': MARKED + '\n'}


# failures and bad input

def test_an_unknown_issue_names_the_issue(api):
    api.get(COMMENTS, status=404, json={'errorMessages': ['Issue does not exist.'], 'statusCode': 404})

    result, failed = run()

    assert failed and result['status'] == 404
    assert "check that issue 'TEST-1' exists" in result['msg']
    assert TOKEN not in str(result)


@pytest.mark.parametrize('overrides, message', [
    (dict(text=''), 'text must not be empty with state=present'),
    (dict(text=None), 'text must not be empty with state=present'),
    (dict(text=None, marker=None, state='absent'), 'state=absent needs marker or text'),
    (dict(marker=''), 'marker must not be empty'),
    (dict(marker='a\nb'), 'marker must be one line'),
    (dict(summonees=['ann', ' ']), 'summonees must not hold an empty login or ID'),
    (dict(issue=' '), 'issue must not be empty'),
    (dict(org_id=None), 'cloud_org_id'),
])
def test_bad_input_fails_before_any_request(no_api, overrides, message):
    result, failed = run(**overrides)

    assert failed
    assert message in result['msg']
    assert '\n' not in result['msg']
