# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The emulator's bulk changes answer as bulk-update-issues.md, bulk-transition.md and bulk-change-status.md say,
and are carried out in the background."""

import re
import time

import pytest

OPERATION_FIELDS = {'id', 'self', 'createdBy', 'createdAt', 'status', 'statusText', 'executionChunkPercent',
                    'executionIssuePercent'}


def issues(emulator, *statuses):
    keys = emulator.call('POST', '/_emulator/issues', {'queue': 'BULK', 'count': len(statuses)})['keys']
    for key, status in zip(keys, statuses):
        if status != 'open':
            emulator.call('POST', '/_emulator/issues/%s' % key, {'fields': {'status': status}})
    return keys


def settings(emulator, **given):
    emulator.call('POST', '/_emulator/issues', {'settings': given})


def issue(emulator, key):
    return emulator.api('GET', '/issues/%s' % key)


@pytest.mark.parametrize('api', ['v2', 'v3'])
def test_an_update_is_created_then_carried_out_in_the_background(emulator, api):
    keys = issues(emulator, 'open', 'open', 'open')
    status, dummy, created = emulator.api_answer('POST', '/%s/bulkchange/_update?notify=false' % api, {
        'issues': keys[:2], 'values': {'priority': 'critical', 'tags': {'add': ['bulk']}}})

    assert status == 201 and set(created) == OPERATION_FIELDS
    assert created['status'] == 'CREATED' and created['statusText'] == 'Bulk change task created.'
    assert re.match('^[0-9a-f]{24}$', created['id'])
    assert created['self'] == '%s/%s/bulkchange/%s' % (emulator.url, api, created['id'])
    done = emulator.api_answer('GET', '/%s/bulkchange/%s' % (api, created['id']))[2]
    assert (done['status'], done['totalIssues'], done['totalCompletedIssues']) == ('COMPLETE', 2, 2)
    assert [(issue(emulator, key)['priority']['key'], issue(emulator, key).get('tags')) for key in keys] == [
        ('critical', ['bulk']), ('critical', ['bulk']), ('normal', None)]
    [recorded] = emulator.call('GET', '/_emulator/bulkchanges')
    assert recorded['notify'] == 'false' and recorded['results'] == dict((key, 'changed') for key in keys[:2])


def test_a_transition_with_a_resolution_and_one_issue_it_cannot_move(emulator):
    keys = issues(emulator, 'resolved', 'closed', 'resolved')
    created = emulator.api_answer('POST', '/v3/bulkchange/_transition', {
        'transition': 'close', 'issues': keys, 'values': {'resolution': 'fixed'}})[2]

    done = emulator.api('GET', '/bulkchange/%s' % created['id'])
    assert (done['status'], done['statusText']) == ('FAILED', 'Bulk edit completed with errors')
    assert (done['totalIssues'], done['totalCompletedIssues']) == (3, 2)
    assert [issue(emulator, key)['status']['key'] for key in keys] == ['closed', 'closed', 'closed']
    assert issue(emulator, keys[0])['resolution']['key'] == 'fixed'
    results = emulator.call('GET', '/_emulator/bulkchanges')[0]['results']
    assert results[keys[1]] == 'Transition close is not available from status closed.'


def test_issues_set_to_fail_are_left_as_they_were(emulator):
    keys = issues(emulator, 'open', 'open')
    settings(emulator, bulk_fail_issues=[keys[0]], bulk_final_status='COMPLETED')
    created = emulator.api('POST', '/bulkchange/_update', {'issues': keys, 'values': {'priority': 'minor'}})
    assert emulator.api('GET', '/bulkchange/%s' % created['id'])['status'] == 'FAILED'
    assert [issue(emulator, key)['priority']['key'] for key in keys] == ['normal', 'minor']

    settings(emulator, bulk_fail_issues=[])
    again = emulator.api('POST', '/bulkchange/_update', {'issues': keys, 'values': {'priority': 'minor'}})
    assert emulator.api('GET', '/bulkchange/%s' % again['id'])['status'] == 'COMPLETED'


def test_a_new_operation_may_be_unseen_at_first_and_slow(emulator):
    keys = issues(emulator, 'open')
    settings(emulator, bulk_hidden_reads=1, bulk_delay=0.3)
    created = emulator.api('POST', '/bulkchange/_update', {'issues': keys, 'values': {'priority': 'minor'}})

    assert emulator.api_answer('GET', '/v3/bulkchange/%s' % created['id'])[0] == 404
    assert emulator.api('GET', '/bulkchange/%s' % created['id'])['status'] == 'CREATED'
    assert issue(emulator, keys[0])['priority']['key'] == 'normal'
    time.sleep(0.35)
    assert emulator.api('GET', '/bulkchange/%s' % created['id'])['status'] == 'COMPLETE'
    assert issue(emulator, keys[0])['priority']['key'] == 'minor'


def test_issues_as_a_query_and_a_comment_in_the_values(emulator):
    keys = issues(emulator, 'open', 'resolved')
    created = emulator.api('POST', '/bulkchange/_update', {'issues': 'Queue: BULK Status: resolved',
                                                           'values': {'comment': 'Updated via API'}})
    assert emulator.api('GET', '/bulkchange/%s' % created['id'])['totalIssues'] == 1
    assert [comment['text'] for comment in emulator.api('GET', '/issues/%s/comments' % keys[1])] == ['Updated via API']


@pytest.mark.parametrize('path, body, message', [
    ('_update', {'values': {'priority': 'minor'}}, 'issues must be a non-empty list'),
    ('_update', {'issues': [], 'values': {'priority': 'minor'}}, 'issues must be a non-empty list'),
    ('_update', {'issues': ['BULK-1']}, 'values must be an object'),
    ('_update', {'issues': ['BULK-%d' % number for number in range(10001)], 'values': {'priority': 'minor'}},
     'The maximum number of issues per change is 10,000.'),
    ('_transition', {'issues': ['BULK-1']}, 'transition is required'),
])
def test_a_bad_body_is_refused_and_nothing_is_queued(emulator, path, body, message):
    status, dummy, answer = emulator.api_answer('POST', '/v3/bulkchange/' + path, body)
    assert status == 400 and answer['errorMessages'][0].startswith(message)
    assert emulator.call('GET', '/_emulator/bulkchanges') == []


def test_an_unknown_operation_is_404(emulator):
    assert emulator.api_answer('GET', '/v3/bulkchange/%s' % ('0' * 24))[0] == 404
