# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The emulator's issue comments answer as the reference's comment pages say, whatever the collection does."""

import urllib.error

import pytest

from conftest import AUTH

COMMENTS = '/v3/issues/TEST-1/comments'
ANOTHER_USER = {'id': '1100099', 'display': 'Another User'}


def seed(emulator, *comments, issue='TEST-1'):
    """Add comments (texts, or dicts with text and createdBy); their ids."""
    items = [{'text': comment} if isinstance(comment, str) else comment for comment in comments]
    return emulator.call('POST', '/_emulator/comments', {'issue': issue, 'comments': items})['ids']


def links(headers):
    """The Link header as {rel: address}."""
    found = {}
    for part in (headers.get('Link') or '').split(','):
        if part.strip():
            address, rel = part.split(';')
            found[rel.strip().split('=')[1].strip('"')] = address.strip()[1:-1]
    return found


def test_a_new_comment_has_the_documented_shape_on_v2_and_v3(emulator):
    for version in ('v2', 'v3'):
        status, dummy, comment = emulator.api_answer('POST', '/%s/issues/TEST-1/comments' % version,
                                                     {'text': 'Deployed.', 'summonees': ['release-manager']})

        assert status == 201
        assert isinstance(comment['id'], int) and len(comment['longId']) == 24
        assert comment['text'] == 'Deployed.'
        assert comment['self'].endswith('/%s/issues/TEST-1/comments/%d' % (version, comment['id']))
        assert comment['createdBy']['id'] == comment['updatedBy']['id'] == '1100000'
        assert [user['id'] for user in comment['summonees']] == ['release-manager']
        assert comment['version'] == 1 and comment['type'] == 'standard' and comment['transport'] == 'internal'


def test_is_add_to_followers_is_a_boolean_recorded_in_the_request_log(emulator):
    assert emulator.api_answer('POST', COMMENTS + '?isAddToFollowers=false', {'text': 'a'})[0] == 201
    assert emulator.api_answer('POST', COMMENTS + '?isAddToFollowers=maybe', {'text': 'b'})[0] == 400

    assert [entry['query'] for entry in emulator.request_log()] == ['isAddToFollowers=false',
                                                                    'isAddToFollowers=maybe']


def test_comments_are_paged_by_the_id_of_the_last_one_seen_with_a_link_header(start_emulator):
    emulator = start_emulator('--page-size', '2')
    ids = seed(emulator, 'one', 'two', 'three', 'four', 'five')

    seen, path, pages = [], COMMENTS, 0
    while path:
        status, headers, page = emulator.api_answer('GET', path)
        assert status == 200 and len(page) <= 2
        assert 'X-Total-Pages' not in headers
        assert links(headers)['first'] == emulator.url + COMMENTS + '?perPage=2'
        seen += [comment['id'] for comment in page]
        pages += 1
        following = links(headers).get('next')
        path = following[len(emulator.url):] if following else None

    assert seen == ids and pages == 3
    assert [comment['text'] for comment in emulator.api_answer('GET', COMMENTS + '?perPage=3&id=%d' % ids[0])[2]] == [
        'two', 'three', 'four']
    assert emulator.api_answer('GET', COMMENTS + '?perPage=10')[2][0]['text'] == 'one'


def test_the_author_edits_by_id_or_long_id_and_deletes_once(emulator):
    comment = emulator.api_answer('POST', COMMENTS, {'text': 'web 1.3 is live'})[2]

    status, dummy, edited = emulator.api_answer('PATCH', '%s/%d' % (COMMENTS, comment['id']), {'text': 'web 1.4 is live'})
    assert status == 200 and edited['text'] == 'web 1.4 is live' and edited['version'] == 2
    status, dummy, edited = emulator.api_answer('PATCH', '%s/%s' % (COMMENTS, comment['longId']), {'text': 'web 1.5'})
    assert status == 200 and edited['id'] == comment['id'] and edited['version'] == 3

    assert emulator.api_answer('DELETE', '%s/%s' % (COMMENTS, comment['longId']))[0] == 204
    assert emulator.api_answer('DELETE', '%s/%d' % (COMMENTS, comment['id']))[0] == 404
    assert emulator.api_answer('GET', COMMENTS)[2] == []


def test_another_users_comment_is_neither_edited_nor_deleted(emulator):
    other = seed(emulator, {'text': 'Mine, says another user.', 'createdBy': ANOTHER_USER})[0]

    assert emulator.api_answer('PATCH', '%s/%d' % (COMMENTS, other), {'text': 'changed'})[0] == 403
    assert emulator.api_answer('DELETE', '%s/%d' % (COMMENTS, other))[0] == 403
    comment = emulator.api_answer('GET', COMMENTS)[2][0]
    assert comment['text'] == 'Mine, says another user.' and comment['createdBy']['display'] == 'Another User'


def test_the_examples_shape_answers_a_list_with_create_body_and_a_string_id_on_edit(start_emulator):
    emulator = start_emulator('--comment-shape', 'example')

    status, dummy, created = emulator.api_answer('POST', COMMENTS, {'text': 'a'})
    assert status == 201 and isinstance(created, list) and len(created) == 1
    assert isinstance(created[0]['id'], int) and created[0]['createBody']['id'] == '1100000'
    assert 'createdBy' not in created[0]
    edited = emulator.api_answer('PATCH', '%s/%d' % (COMMENTS, created[0]['id']), {'text': 'b'})[2]
    assert edited[0]['id'] == str(created[0]['id']) and edited[0]['updateBody']['id'] == '1100000'
    listed = emulator.api_answer('GET', COMMENTS)[2]
    assert listed[0]['id'] == created[0]['id'] and listed[0]['createdBy']['id'] == '1100000'


def test_a_lost_answer_still_made_the_comment(emulator):
    emulator.arm({'kind': 'create_then_500', 'method': 'POST', 'path': '/comments'})

    assert emulator.api_answer('POST', COMMENTS, {'text': 'a'})[0] == 500
    assert [comment['text'] for comment in emulator.api_answer('GET', COMMENTS)[2]] == ['a']


def test_reset_forgets_comments(emulator):
    seed(emulator, 'a')
    emulator.call('POST', '/_emulator/reset')

    assert emulator.api_answer('GET', COMMENTS)[2] == []


@pytest.mark.parametrize('method, path, body, headers, status', [
    ('GET', COMMENTS, None, {}, 401),
    ('GET', '/v3/issues/NOPE-1/comments', None, AUTH, 404),
    ('GET', '/v3/issues/SECRET-1/comments', None, AUTH, 403),
    ('POST', COMMENTS, {'summonees': []}, AUTH, 422),
    ('POST', COMMENTS, {'text': '  '}, AUTH, 422),
    ('POST', COMMENTS, {'text': 'a', 'summonees': 'bob'}, AUTH, 422),
    ('PATCH', COMMENTS + '/1', {'text': 'a'}, AUTH, 404),
    ('PATCH', COMMENTS, {'text': 'a'}, AUTH, 405),
    ('GET', COMMENTS + '?perPage=many', None, AUTH, 400),
])
def test_errors_carry_the_tracker_error_shape(emulator, method, path, body, headers, status):
    answer_status, dummy, answer = emulator.api_answer(method, path, body, headers)

    assert answer_status == status
    assert answer['statusCode'] == status
    assert isinstance(answer['errors'], dict) and answer['errorMessages']


def test_seeding_needs_a_known_issue_and_texts(emulator):
    with pytest.raises(urllib.error.HTTPError) as unknown:
        emulator.call('POST', '/_emulator/comments', {'issue': 'NOPE-1', 'comments': [{'text': 'a'}]})
    with pytest.raises(urllib.error.HTTPError) as textless:
        emulator.call('POST', '/_emulator/comments', {'issue': 'TEST-1', 'comments': [{}]})

    assert unknown.value.code == 404 and textless.value.code == 422
