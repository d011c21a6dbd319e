# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The client's reads of many answers: one pager for every list, and the poller."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests
from responses import matchers

from ansible_collections.ytracker.tracker.plugins.module_utils import _options, _paging, _tracker
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import API, CONNECTION

COMMENTS = API + '/issues/TEST-1/comments'
SEARCH = API + '/issues/_search'
BULK = API + '/bulkchange/593cd211ef7e8a33'


def client(**options):
    params = dict((name, spec.get('default')) for name, spec in _options.tracker_argument_spec().items())
    params.update(CONNECTION, **options)
    return _tracker.TrackerClient(params)


def query(**params):
    return [matchers.query_param_matcher(dict((name, str(value)) for name, value in params.items()))]


def comments(*ids):
    return [{'id': number, 'text': 'comment %d' % number} for number in ids]


# One pager

def test_a_cursor_list_asks_after_the_last_id_while_pages_come_full(api):
    api.get(COMMENTS, json=comments(1, 2), match=query(perPage=2))
    api.get(COMMENTS, json=comments(3, 4), match=query(perPage=2, id=2))
    api.get(COMMENTS, json=comments(5), match=query(perPage=2, id=4))

    found = client().read_all('GET', '/issues/TEST-1/comments', paging=_paging.ByCursor(per_page=2))

    assert [comment['id'] for comment in found] == [1, 2, 3, 4, 5]


def test_a_cursor_list_without_per_page_is_full_at_the_api_default_and_ends_on_an_empty_page(api):
    api.get(COMMENTS, json=comments(*range(1, 51)), match=query())
    api.get(COMMENTS, json=[], match=query(id=50))

    found = client().read_all('GET', '/issues/TEST-1/comments', paging=_paging.ByCursor())

    assert len(found) == 50


def test_a_cursor_list_follows_the_link_header_first(api):
    api.get(COMMENTS, json=comments(1, 2), match=query(perPage=2),
            headers={'Link': '<%s?perPage=2&id=2>; rel="next"' % COMMENTS})
    api.get(COMMENTS, json=comments(3, 4), match=query(perPage=2, id=2))
    api.get(COMMENTS, json=comments(5, 6), match=query(perPage=2, id=4))
    api.get(COMMENTS, json=[], match=query(perPage=2, id=6))

    found = client().read_all('GET', '/issues/TEST-1/comments', params={'perPage': 2}, paging=_paging.ByCursor())

    assert [comment['id'] for comment in found] == [1, 2, 3, 4, 5, 6]


def test_a_cursor_that_does_not_move_ends_the_list(api):
    api.get(COMMENTS, json=comments(1, 2), match=query(perPage=2))
    api.get(COMMENTS, json=comments(1, 2), match=query(perPage=2, id=2))

    found = client().read_all('GET', '/issues/TEST-1/comments', paging=_paging.ByCursor(per_page=2))

    assert len(found) == 4 and len(api.calls) == 2


def test_a_limit_reads_no_more_pages_than_it_needs(api):
    api.get(COMMENTS, json=comments(1, 2), headers={'X-Total-Pages': '5'})
    api.get(COMMENTS, json=comments(3, 4), headers={'X-Total-Pages': '5'}, match=query(page=2))

    found = client().read_all('GET', '/issues/TEST-1/comments', limit=3)

    assert [comment['id'] for comment in found] == [1, 2, 3]


def test_a_read_sent_as_post_pages_by_number_with_its_body_every_time(api):
    body = [matchers.json_params_matcher({'filter': {'queue': 'TEST'}})]
    api.post(SEARCH, json=[{'key': 'TEST-1'}], headers={'X-Total-Pages': '2'}, match=body + query(perPage=1))
    api.post(SEARCH, json=[{'key': 'TEST-2'}], headers={'X-Total-Pages': '2'}, match=body + query(perPage=1, page=2))

    found = client().read_all('POST', '/issues/_search', body={'filter': {'queue': 'TEST'}},
                              paging=_paging.ByNumber(per_page=1))

    assert [issue['key'] for issue in found] == ['TEST-1', 'TEST-2']


def test_a_read_sent_as_post_is_retried_as_a_get_is(api, sleeps):
    api.post(SEARCH, status=503)
    api.post(SEARCH, body=requests.exceptions.ReadTimeout('read timed out'))
    api.post(SEARCH, json=[{'key': 'TEST-1'}])
    tracker = client()

    found = tracker.read_all('POST', '/issues/_search', body={'queue': 'TEST'})

    assert found == [{'key': 'TEST-1'}]
    assert [reason for reason, dummy in tracker.waits] == ['HTTP 503', 'ReadTimeout']


def test_a_search_whose_next_page_is_on_another_host_says_post(api):
    api.post(SEARCH, json=[], headers={'Link': '<https://evil.example/steal?page=2>; rel="next"'})

    with pytest.raises(_tracker.TrackerError) as error:
        client().search_all('/issues/_search', {'queue': 'TEST'})

    assert str(error.value) == ('POST /v3/issues/_search?perPage=50: the next page is on another host'
                                ' (evil.example); not sending the token there')


def test_a_cursor_list_is_given_up_on_after_max_pages(api):
    tracker = client()
    tracker.max_pages = 3
    api.get(COMMENTS, json=comments(1, 2), match=query(perPage=2))
    for cursor in (2, 4):
        api.get(COMMENTS, json=comments(cursor + 1, cursor + 2), match=query(perPage=2, id=cursor))

    with pytest.raises(_tracker.TrackerError) as error:
        tracker.read_all('GET', '/issues/TEST-1/comments', paging=_paging.ByCursor(per_page=2))

    assert str(error.value) == 'GET /v3/issues/TEST-1/comments: more than 3 pages, giving up'


@pytest.mark.parametrize('headers, expected', [
    ({}, (1, 0)),
    ({'X-Total-Pages': '7', 'X-Total-Count': '340'}, (7, 340)),
    ({'X-Total-Pages': 'many', 'X-Total-Count': ''}, (1, 0)),
])
def test_the_counting_headers_as_numbers(headers, expected):
    answer = requests.Response()
    answer.headers.update(headers)

    assert (_paging.total_pages(answer), _paging.total_count(answer)) == expected


# The poller

class Clock(object):
    """Time that passes only when the client sleeps."""

    def __init__(self):
        self.seconds = 1000.0

    def now(self):
        return self.seconds

    def sleep(self, seconds):
        self.seconds += seconds


@pytest.fixture
def clock(monkeypatch, sleeps):
    clock = Clock()
    monkeypatch.setattr(_paging, 'now', clock.now)
    sleeps.side_effect = clock.sleep
    return clock


@pytest.fixture
def no_jitter(monkeypatch):
    """Backoff waits of exactly 1, 2, 4, ... seconds."""
    monkeypatch.setattr(_tracker.random, 'uniform', lambda low, high: high)


def operation(status):
    return {'id': '593cd211ef7e8a33', 'status': status, 'statusText': 'Bulk change %s' % status.lower()}


def done(answer):
    return answer['status'] in ('COMPLETE', 'COMPLETED', 'FAILED')


def waits(sleeps):
    return [call.args[0] for call in sleeps.call_args_list]


def test_polls_until_done_backing_off_and_reports_the_waits(api, sleeps, clock):
    for status in ('CREATED', 'RUNNING', 'RUNNING', 'COMPLETED'):
        api.get(BULK, json=operation(status))
    tracker = client()

    answer = tracker.poll('/bulkchange/593cd211ef7e8a33', done, timeout=600, what='bulk change')

    assert answer['status'] == 'COMPLETED'
    assert [0.5 * 2 ** attempt <= wait <= 2 ** attempt for attempt, wait in enumerate(waits(sleeps))] == [True] * 3
    assert tracker.waits_summary() == ('Tracker requests were polled 3 times (waiting for bulk change x3),'
                                       ' waiting %.1f s in all' % sum(waits(sleeps)))


def test_a_finished_operation_is_read_once_and_never_waited_for(api, sleeps, clock):
    api.get(BULK, json=operation('FAILED'))
    tracker = client()

    assert tracker.poll('/bulkchange/593cd211ef7e8a33', done, timeout=60)['status'] == 'FAILED'
    assert sleeps.call_count == 0 and tracker.waits_summary() is None


def test_no_poll_wait_is_longer_than_max_wait_nor_goes_past_the_timeout(api, sleeps, clock, no_jitter):
    for dummy in range(11):
        api.get(BULK, json=operation('RUNNING'))
    tracker = client()

    with pytest.raises(_tracker.TrackerError) as error:
        tracker.poll('/bulkchange/593cd211ef7e8a33', done, timeout=300)

    assert str(error.value) == 'GET /v3/bulkchange/593cd211ef7e8a33: not finished after waiting 300.0 s, giving up'
    assert waits(sleeps) == [1, 2, 4, 8, 16, 32, _tracker.MAX_WAIT, _tracker.MAX_WAIT, _tracker.MAX_WAIT, 57]
    assert [reason for reason, dummy in tracker.waits] == ['waiting for /bulkchange/593cd211ef7e8a33'] * 10


def test_an_early_404_is_not_yet_when_the_caller_says_so(api, sleeps, clock):
    api.get(BULK, status=404, json={'errorMessages': ['Not found']})
    api.get(BULK, status=404, json={'errorMessages': ['Not found']})
    api.get(BULK, json=operation('CREATED'))
    api.get(BULK, json=operation('COMPLETE'))

    answer = client().poll('/bulkchange/593cd211ef7e8a33', done, timeout=60, not_yet=(404,))

    assert answer['status'] == 'COMPLETE' and sleeps.call_count == 3


def test_a_404_once_the_operation_was_seen_is_an_error(api, sleeps, clock):
    api.get(BULK, json=operation('RUNNING'))
    api.get(BULK, status=404, json={'errorMessages': ['Not found']})

    with pytest.raises(_tracker.TrackerError) as error:
        client().poll('/bulkchange/593cd211ef7e8a33', done, timeout=60, not_yet=(404,))

    assert error.value.status == 404 and sleeps.call_count == 1


def test_a_404_the_caller_did_not_allow_is_an_error_at_once(api, sleeps, clock):
    api.get(BULK, status=404, json={'errorMessages': ['Not found']})

    with pytest.raises(_tracker.TrackerError) as error:
        client().poll('/bulkchange/593cd211ef7e8a33', done, timeout=60)

    assert error.value.status == 404 and sleeps.call_count == 0


def test_an_operation_that_never_shows_up_says_what_it_kept_answering(api, sleeps, clock, no_jitter):
    for dummy in range(6):
        api.get(BULK, status=404, json={'errorMessages': ['Not found']})

    with pytest.raises(_tracker.TrackerError) as error:
        client().poll('/bulkchange/593cd211ef7e8a33', done, timeout=20, not_yet=(404,), hints={404: 'too new?'})

    assert str(error.value) == ('GET /v3/bulkchange/593cd211ef7e8a33: HTTP 404 Not Found: Not found (too new?);'
                                ' still so after waiting 20.0 s, giving up')
    assert waits(sleeps) == [1, 2, 4, 8, 5]
    assert error.value.status == 404 and '\n' not in str(error.value)


def test_a_poll_read_is_retried_as_any_get_and_the_warning_tells_retries_from_polls(api, sleeps, clock):
    api.get(BULK, json=operation('RUNNING'))
    api.get(BULK, status=503)
    api.get(BULK, json=operation('COMPLETED'))
    tracker = client()

    tracker.poll('/bulkchange/593cd211ef7e8a33', done, timeout=60, what='bulk change')

    assert tracker.waits_summary() == ('Tracker requests were retried 1 times (HTTP 503 x1) and polled 1 times'
                                       ' (waiting for bulk change x1), waiting %.1f s in all' % sum(waits(sleeps)))
