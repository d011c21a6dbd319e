# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""The reads of the Tracker client that take many requests: every page of a list, and polling.

PagedReads, mixed into TrackerClient, reads every page of a list (GET, or a search sent as POST)
and polls what Tracker runs in the background until it is done. It follows a ``Link: rel="next"``
whenever one comes; when none comes, a way of paging says what to ask the list's own address
next, or that the list has ended:

- ByNumber: ``page`` up to X-Total-Pages (the reference's common format; most lists);
- ByCursor: ``id`` of the last item seen, for as long as pages come full (issue comments);
- ByScroll: ``scrollId`` from X-Scroll-Id (an issue search past 10,000 results).

Each way is made for one read: it keeps the first request's query, which later pages repeat.
Sending, retrying and error messages are TrackerClient's (_tracker.py). This file is private to
the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import itertools
import time

from ansible_collections.ytracker.tracker.plugins.module_utils._errors import TrackerError

# How poll()'s waits are told from retries in TrackerClient.waits: 'waiting for <what>'.
POLL_REASON = 'waiting for '


def header_number(response, name, default):
    """The header ``name`` of a list's answer as a number; ``default`` when absent or not a number."""
    try:
        return int(response.headers.get(name) or default)
    except ValueError:
        return default


def total_pages(response):
    """The X-Total-Pages of a list's answer; 1 when it is absent or not a number."""
    return header_number(response, 'X-Total-Pages', 1)


def total_count(response):
    """The X-Total-Count of a list's answer; 0 when it is absent or not a number."""
    return header_number(response, 'X-Total-Count', 0)


class Pages(object):
    """What every way of paging shares: the first request's query, kept for the later pages."""

    what = 'pages'

    def __init__(self, per_page=None):
        self.per_page = per_page
        self.params = {}

    def first(self, params):
        """The first request's query: the caller's, with perPage unless the caller gave one."""
        self.params = dict(params or {})
        if self.per_page is not None:
            self.params.setdefault('perPage', self.per_page)
        return self.params

    def done(self, response, found, items):
        """Whether the list ends with this page whatever its links say."""
        return False

    def after(self, response, found, page):
        """The query of the next request to the list's own address; None at the end."""
        raise NotImplementedError


class ByNumber(Pages):
    """Pages asked for by number (page=2, 3, ...) up to X-Total-Pages.

    Always with the first request's own query, so the same perPage, and never from a rel="next"
    address, which has a page of its own.
    """

    def after(self, response, found, page):
        if page < total_pages(response):
            return dict(self.params, page=page + 1)
        return None


class ByCursor(Pages):
    """Pages that start after the last item seen (``id=<its id>``), as issue comments are paged.

    No header counts them: a full page may have more after it, a short or empty one is the last.
    A page is full at the perPage asked for, else at the API's default, 50.
    """

    API_PER_PAGE = 50

    def __init__(self, field='id', per_page=None):
        super(ByCursor, self).__init__(per_page)
        self.field = field
        self.cursor = None

    def after(self, response, found, page):
        try:
            full = len(found) >= int(self.params.get('perPage') or self.API_PER_PAGE)
        except ValueError:
            full = bool(found)
        last = found[-1].get(self.field) if found and isinstance(found[-1], dict) else None
        if not full or last is None or last == self.cursor:
            # The end, or a cursor that would ask for the same page again.
            return None
        self.cursor = last
        return dict(self.params, **{self.field: last})


class ByScroll(Pages):
    """A scrolled search: perScroll at a time, then scrollId from X-Scroll-Id until none comes.

    The reference allows it for a search by filter or query only. It ends at the first empty page
    or once as many items came as X-Total-Count said the first time.
    """

    what = 'scroll pages'
    # perScroll's maximum, and scrollTTLMillis' default, in the reference.
    SIZE = 1000
    TTL_MILLIS = 60000

    def __init__(self, sorted_results):
        super(ByScroll, self).__init__()
        self.scroll_type = 'sorted' if sorted_results else 'unsorted'
        self.total = None

    def first(self, params):
        self.params = dict(params or {}, perScroll=self.SIZE, scrollTTLMillis=self.TTL_MILLIS,
                           scrollType=self.scroll_type)
        return self.params

    def done(self, response, found, items):
        if self.total is None:
            self.total = total_count(response)
        return not found or len(items) >= (self.total or float('inf'))

    def after(self, response, found, page):
        scroll_id = response.headers.get('X-Scroll-Id')
        if not scroll_id:
            return None
        return {'scrollId': scroll_id, 'scrollTTLMillis': self.TTL_MILLIS}


class PagedReads(object):
    """TrackerClient's reads of many answers: it uses the client's base_url, max_pages, _request
    (which retries), request_json, _json_list, _next_page (the API's own host only), _path,
    backoff and backoff_seconds."""

    def get_all(self, path, params=None, hints=None):
        """Every item of a paged list."""
        return self.read_all('GET', path, params=params, hints=hints)

    def read_all(self, method, path, params=None, body=None, hints=None, limit=None, paging=None,
                 first_answer=None):
        """Every item of a paged list, or only the first ``limit``; ``method`` GET, or POST for a read.

        A rel="next" Link is followed whenever one comes (on the API's own host only); otherwise
        ``paging`` (ByNumber() unless said: ByCursor(), ByScroll()) says what to ask next, or
        that the list has ended. Every request is a read, so retried as a GET is, even a POST.
        ``first_answer`` is the response to the first request when the caller has it already.
        More than max_pages pages: TrackerError.
        """
        paging = paging or ByNumber()
        where = '%s %s' % (method, self._path(self.base_url + path, params))
        url, query = self.base_url + path, paging.first(params)
        response, items = first_answer, []
        for page in range(1, self.max_pages + 1):
            if response is None:
                response = self._request(method, url, body=body, params=query, hints=hints, safe_to_repeat=True)
            found = self._json_list(response)
            items.extend(found)
            if limit is not None and len(items) >= limit:
                return items[:limit]
            next_url = self._next_page(response)
            if paging.done(response, found, items):
                return items
            if next_url is not None:
                url, query = next_url, None
            else:
                url, query = self.base_url + path, paging.after(response, found, page)
                if query is None:
                    return items
            response = None
        raise TrackerError('%s: more than %d %s, giving up' % (where, self.max_pages, paging.what))

    # Issue search (POST /issues/_search): a read sent as POST. Its answer is paged like a list,
    # by number (X-Total-Pages) or by Link rel="next". Past SEARCH_PAGED_LIMIT results the
    # reference says to scroll instead (ByScroll), which it allows for filter and query only.
    SEARCH_PAGE = 50
    SEARCH_PAGED_LIMIT = 10000

    def search_all(self, path, body, params=None, limit=None, hints=None):
        """Every item a search answers, every page of them, or only the first ``limit``."""
        numbered = ByNumber(per_page=min(limit, self.SEARCH_PAGE) if limit else self.SEARCH_PAGE)
        # The first page says how many match, so whether to page through them or scroll.
        first = self._request('POST', self.base_url + path, body=body, params=numbered.first(params), hints=hints,
                              safe_to_repeat=True)
        if self._too_many_to_page(first, body, limit):
            scroll = ByScroll(sorted_results='order' in body or 'query' in body)
            return self.read_all('POST', path, params=params, body=body, hints=hints, limit=limit, paging=scroll)
        return self.read_all('POST', path, params=params, body=body, hints=hints, limit=limit, paging=numbered,
                             first_answer=first)

    def _too_many_to_page(self, response, body, limit):
        """Whether the search must be scrolled; TrackerError when it cannot be."""
        total = total_count(response)
        if total <= self.SEARCH_PAGED_LIMIT or (limit is not None and limit <= self.SEARCH_PAGED_LIMIT):
            return False
        if 'filter' in body or 'query' in body:
            return True
        raise TrackerError('POST %s: %d issues match, more than the %d that Tracker pages through, and it scrolls only'
                           ' a search by filter or query: search by one of them, or set a limit'
                           % (self._path(response.url), total, self.SEARCH_PAGED_LIMIT))

    def poll(self, path, finished, timeout, hints=None, not_yet=(), what=None):
        """GET ``path`` until ``finished(answer)`` is true; that answer.

        For what Tracker runs in the background, like a bulk change. Between reads it backs off
        as retries do, no wait longer than MAX_WAIT nor past ``timeout`` seconds from the start,
        and records each wait in waits as 'waiting for <what>' (the path unless said), which the
        task's waits warning reports. Not finished by then: TrackerError. A status in ``not_yet``
        (say 404, for an operation too new to be seen) counts as not finished until a first
        answer; after one it is an error as any other. Each read is retried as any GET is.
        """
        reason = POLL_REASON + (what or path)
        started, seen = now(), False
        for attempt in itertools.count():
            try:
                answer = self.request_json('GET', path, hints=hints)
            except TrackerError as error:
                if seen or error.status not in not_yet:
                    raise
                unfinished, status = '%s; still so' % error, error.status
            else:
                if finished(answer):
                    return answer
                seen, status = True, None
                unfinished = 'GET %s: not finished' % self._path(self.base_url + path)
            waited = now() - started
            if waited >= timeout:
                raise TrackerError('%s after waiting %.1f s, giving up' % (unfinished, waited), status=status)
            self.backoff(attempt, reason=reason, delay=min(self.backoff_seconds(attempt), timeout - waited))


def now():
    """Seconds on a clock that only goes forward: how long poll() has waited."""
    return time.monotonic()
