# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The emulator's issues, workflow and users answer as the Tracker API reference says."""

import json
import threading

ALICE_UID = '1120000000016876'


def create(emulator, **body):
    return emulator.api_answer('POST', '/v3/issues/', dict({'queue': 'REL', 'summary': 'Release'}, **body))


def test_a_new_issue_has_a_numbered_key_and_typed_fields_as_objects(emulator):
    status, dummy, issue = create(emulator, type='bug', priority={'key': 'critical'}, assignee='alice',
                                  followers=['bob', int(ALICE_UID)], tags=['release'], parent='test-1',
                                  storyPoints=3)

    assert status == 201
    assert issue['key'] == 'REL-1' and issue['version'] == 1
    assert issue['type'] == {'self': emulator.url + '/v3/issuetypes/1', 'id': '1', 'key': 'bug', 'display': 'Bug'}
    assert issue['priority']['key'] == 'critical' and issue['status']['key'] == 'open'
    assert issue['assignee'] == {'self': emulator.url + '/v3/users/' + ALICE_UID, 'id': ALICE_UID,
                                 'display': 'Alice Smith'}
    assert [user['display'] for user in issue['followers']] == ['Bob Jones', 'Alice Smith']
    assert issue['tags'] == ['release'] and issue['storyPoints'] == 3
    assert issue['parent']['key'] == 'TEST-1'
    assert create(emulator)[2]['key'] == 'REL-2'
    # Found by key or id, and links work on it.
    assert emulator.api_answer('GET', '/v3/issues/' + issue['id'])[2]['key'] == 'REL-1'
    assert emulator.api_answer('GET', '/v3/issues/REL-1/links')[0] == 200


def test_a_second_unique_is_refused_with_a_body_that_does_not_name_the_issue(emulator):
    first = create(emulator, unique='release-1.2')
    second = create(emulator, unique='release-1.2', summary='Another')

    assert first[0] == 201 and first[2]['unique'] == 'release-1.2'
    assert second[0] == 409
    assert 'REL-1' not in json.dumps(second[2]) and second[2]['statusCode'] == 409
    assert emulator.api_answer('POST', '/v3/issues/_search', {'filter': {'unique': 'release-1.2'}})[2] == [first[2]]


def test_unique_is_atomic_under_concurrent_creates(emulator):
    statuses = []

    def post():
        statuses.append(create(emulator, unique='once')[0])

    threads = [threading.Thread(target=post) for dummy in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [201] + [409] * 11


def test_create_needs_queue_and_summary_and_an_existing_queue(emulator):
    assert emulator.api_answer('POST', '/v3/issues/', {'summary': 'x'})[0] == 422
    assert emulator.api_answer('POST', '/v3/issues/', {'queue': 'REL'})[0] == 422
    assert create(emulator, queue='NOPE')[0] == 404


def test_patch_with_the_version_read_and_a_stale_one(emulator):
    issue = create(emulator)[2]

    status, dummy, edited = emulator.api_answer('PATCH', '/v3/issues/REL-1?version=1',
                                                {'summary': 'New', 'followers': {'add': ['alice']}, 'tags': ['a', 'b']})
    stale = emulator.api_answer('PATCH', '/v3/issues/REL-1?version=1', {'summary': 'Older'})

    assert status == 200 and edited['version'] == issue['version'] + 1 and edited['summary'] == 'New'
    assert edited['followers'][0]['id'] == ALICE_UID
    assert stale[0] == 409
    tags = emulator.api_answer('PATCH', '/v3/issues/REL-1', {'tags': {'add': ['c'], 'remove': ['a']}})[2]['tags']
    assert tags == ['b', 'c']
    assert 'tags' not in emulator.api_answer('PATCH', '/v3/issues/REL-1', {'tags': []})[2]
    assert 'assignee' not in emulator.api_answer('PATCH', '/v3/issues/REL-1', {'assignee': None})[2]
    assert emulator.api_answer('PATCH', '/v3/issues/REL-1', {'status': 'closed'})[0] == 400
    assert emulator.api_answer('PATCH', '/v3/issues/REL-1', {'priority': 'nope'})[0] == 400


def test_an_issue_at_the_version_limit_refuses_every_edit_with_423(emulator):
    create(emulator)
    emulator.api_answer('POST', '/_emulator/issues/REL-1', {'version': 11100}, headers={})

    assert emulator.api_answer('PATCH', '/v3/issues/REL-1', {'summary': 'x'})[0] == 423
    assert emulator.api_answer('POST', '/v3/issues/REL-1/transitions/start_progress/_execute', {})[0] == 423


def test_transition_ids_are_not_status_keys_and_resolve_needs_a_resolution(emulator):
    create(emulator)

    status, dummy, transitions = emulator.api_answer('GET', '/v3/issues/REL-1/transitions')
    assert status == 200
    assert [(one['id'], one['to']['key']) for one in transitions] == [
        ('start_progress', 'inProgress'), ('resolve', 'resolved'), ('close', 'closed')]
    refused = emulator.api_answer('POST', '/v3/issues/REL-1/transitions/resolve/_execute', {'comment': 'done'})
    assert refused[0] == 422 and 'resolution' in refused[2]['errors']
    assert emulator.api_answer('POST', '/v3/issues/REL-1/transitions/reopen/_execute', {})[0] == 409
    assert emulator.api_answer('POST', '/v3/issues/REL-1/transitions/fly/_execute', {})[0] == 404

    status, dummy, after = emulator.api_answer('POST', '/v3/issues/REL-1/transitions/resolve/_execute',
                                               {'resolution': 'fixed', 'comment': 'done'})
    assert status == 200 and [(one['id'], one['to']['key']) for one in after] == [
        ('reopen', 'open'), ('close', 'closed')]
    issue = emulator.api_answer('GET', '/v3/issues/REL-1')[2]
    assert (issue['status']['key'], issue['resolution']['key'], issue['previousStatus']['key']) == (
        'resolved', 'fixed', 'open')


def test_search_takes_exactly_one_of_queue_keys_filter_query(emulator):
    for number in range(3):
        create(emulator, summary='Release %d' % (3 - number), assignee='alice' if number else 'bob')

    def keys(body):
        status, dummy, found = emulator.api_answer('POST', '/v3/issues/_search', body)
        assert status == 200, found
        return [issue['key'] for issue in found]

    assert keys({'queue': 'REL'}) == ['REL-1', 'REL-2', 'REL-3']
    assert keys({'keys': ['REL-1', 'rel-3']}) == ['REL-3', 'REL-1']  # sorted by summary, as the reference says
    assert keys({'filter': {'queue': 'REL', 'assignee': 'alice'}, 'order': '-key'}) == ['REL-3', 'REL-2']
    assert keys({'query': 'Queue: REL Assignee: bob, carol'}) == ['REL-1']
    assert keys({'query': 'Queue: REL "Sort by": Summary ASC'}) == ['REL-3', 'REL-2', 'REL-1']
    assert emulator.api_answer('POST', '/v3/issues/_search', {'queue': 'REL', 'keys': ['REL-1']})[0] == 400
    assert emulator.api_answer('POST', '/v3/issues/_search', {'query': 'Queue REL'})[0] == 400


def test_search_pages_with_the_reference_headers(emulator):
    emulator.api_answer('POST', '/_emulator/issues', {'queue': 'BULK', 'count': 5}, headers={})

    status, headers, first = emulator.api_answer('POST', '/v3/issues/_search?perPage=2', {'queue': 'BULK'})
    second = emulator.api_answer('POST', '/v3/issues/_search?perPage=2&page=3', {'queue': 'BULK'})[2]

    assert status == 200 and len(first) == 2
    assert (headers['X-Total-Count'], headers['X-Total-Pages']) == ('5', '3')
    assert 'page=2' in headers['Link'] and 'rel="next"' in headers['Link']
    assert [issue['key'] for issue in second] == ['BULK-5']
    assert emulator.api_answer('POST', '/v3/issues/_search?perPage=50&page=201', {'queue': 'BULK'})[0] == 400


def test_scroll_for_filter_and_query_but_not_for_queue_or_keys(emulator):
    emulator.api_answer('POST', '/_emulator/issues', {'queue': 'BULK', 'count': 5}, headers={})
    body = {'filter': {'queue': 'BULK'}}

    status, headers, page = emulator.api_answer('POST', '/v3/issues/_search?scrollType=sorted&perScroll=2', body)
    found = list(page)
    while 'X-Scroll-Id' in headers:
        status, headers, page = emulator.api_answer('POST', '/v3/issues/_search?scrollId=%s' % headers['X-Scroll-Id'],
                                                    body)
        assert status == 200
        found += page

    assert [issue['key'] for issue in found] == ['BULK-%d' % number for number in range(1, 6)]
    assert headers['X-Total-Count'] == '5'
    assert emulator.api_answer('POST', '/v3/issues/_search?scrollType=sorted', {'queue': 'BULK'})[0] == 400


def test_users_by_login_uid_and_login_of_digits(emulator):
    alice = emulator.api_answer('GET', '/v3/users/alice')[2]
    v2 = emulator.api_answer('GET', '/v2/users/alice')[2]

    assert alice['uid'] == int(ALICE_UID) and alice['login'] == 'alice'
    assert v2 == [dict(alice, self=alice['self'].replace('/v3/', '/v2/'))]  # the v2 page prints a list
    assert emulator.api_answer('GET', '/v3/users/' + ALICE_UID)[2]['login'] == 'alice'
    assert emulator.api_answer('GET', '/v3/users/login:12345')[2]['display'] == 'Digits Login'
    assert emulator.api_answer('GET', '/v3/users/nobody')[0] == 404
    assert emulator.api_answer('GET', '/v3/myself')[2]['login'] == 'robot-emulator'


def test_an_edit_behind_the_module_back_bumps_the_version(emulator):
    issue = create(emulator)[2]

    edited = emulator.api_answer('POST', '/_emulator/issues/REL-1', {'fields': {'summary': 'Edited', 'status': 'closed'}},
                                 headers={})[2]

    assert edited['version'] == issue['version'] + 1
    assert edited['summary'] == 'Edited' and edited['status']['key'] == 'closed'


def test_configured_issues_are_issues_too_and_errors_have_the_tracker_shape(emulator):
    status, dummy, issue = emulator.api_answer('GET', '/v3/issues/TEST-1')

    assert status == 200 and issue['key'] == 'TEST-1' and issue['id'] == '%024x' % 4
    for method, path, expected in (('GET', '/v3/issues/NOPE-1', 404), ('GET', '/v3/issues/SECRET-1', 403),
                                   ('DELETE', '/v3/issues/TEST-1', 405)):
        answer_status, dummy, answer = emulator.api_answer(method, path)
        assert answer_status == expected and answer['statusCode'] == expected and answer['errorMessages']
    assert emulator.api_answer('GET', '/v3/issues/TEST-1', headers={})[0] == 401
