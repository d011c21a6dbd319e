# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""An issue search (POST /issues/_search), as tracker_issue_info, tracker_bulk_change and the issues lookup send it.

search_body() makes the body from the options and refuses, in one line, what the search cannot
take; find_issues() reads every page of the answer (_paging.PagedReads.search_all), or the first
``limit`` issues. The callers share these, so a search means the same wherever it is written; the
modules share their options too, SEARCH_SPEC (the doc fragment ytracker.tracker.issue.search).
This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._resources import SEARCH

# The ways to search, each a key of the body: exactly one per search.
SEARCHES = ('keys', 'queue', 'filter', 'query')
SEARCH_SPEC = dict(
    keys=dict(type='list', elements='str', no_log=False),
    queue=dict(type='str'),
    filter=dict(type='dict'),
    query=dict(type='str'),
)


def search_body(params, searches=SEARCHES):
    """The body of POST /issues/_search, or ValueError, one line, for what the search cannot take.

    ``params`` holds ``order`` and the ways of ``searches`` (those of SEARCHES the caller offers),
    each None when not given: exactly one must be given.
    """
    if params.get('order') is not None and params.get('filter') is None:
        raise ValueError('order works with filter only: with query, sort inside it ("Sort by")')
    if params.get('keys') is not None and not [key for key in params['keys'] if key.strip()]:
        raise ValueError('keys must name at least one issue')
    for name in ('queue', 'query'):
        if params.get(name) is not None and not params[name].strip():
            raise ValueError('%s must not be empty' % name)
    if params.get('filter') is not None and not params['filter']:
        raise ValueError('filter must name at least one field')
    given = [name for name in searches if params.get(name) is not None]
    if len(given) != 1:
        raise ValueError('exactly one of %s is required, got %s' % (', '.join(searches), ', '.join(given) or 'none'))
    name = given[0]
    body = {name: [key.strip() for key in params['keys']] if name == 'keys' else params[name]}
    if params.get('order') is not None:
        body['order'] = params['order']
    return body


def check_limit(limit):
    """ValueError when ``limit`` (None: no limit) is not 1 or more."""
    if limit is not None and limit < 1:
        raise ValueError('limit must be 1 or more')


def find_issues(client, body, limit=None):
    """The issues the search ``body`` finds, in the API's order, every page of them, or only the first ``limit``."""
    return client.search_all(SEARCH, body, limit=limit)
