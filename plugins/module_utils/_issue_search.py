# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Which issues a task searches for: its options (the doc fragment ytracker.tracker.issue.search) and
the body of the search they make (POST /issues/_search), for tracker_issue_info and tracker_bulk_change.

This file is private to the collection (leading underscore): it may change without notice. It does no I/O.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

# The ways to name the issues, exactly one of which a search takes.
SEARCHES = ('keys', 'queue', 'filter', 'query')
SEARCH_SPEC = dict(
    keys=dict(type='list', elements='str', no_log=False),
    queue=dict(type='str'),
    filter=dict(type='dict'),
    query=dict(type='str'),
)


def search_body(params):
    """The body of POST /issues/_search, or ValueError, one line, for what the search cannot take."""
    if params.get('order') is not None and params['filter'] is None:
        raise ValueError('order works with filter only: with query, sort inside it ("Sort by")')
    if params['keys'] is not None and not [key for key in params['keys'] if key.strip()]:
        raise ValueError('keys must name at least one issue')
    for name in ('queue', 'query'):
        if params[name] is not None and not params[name].strip():
            raise ValueError('%s must not be empty' % name)
    if params['filter'] is not None and not params['filter']:
        raise ValueError('filter must name at least one field')
    name = [name for name in SEARCHES if params[name] is not None][0]
    body = {name: [key.strip() for key in params['keys']] if name == 'keys' else params[name]}
    if params.get('order') is not None:
        body['order'] = params.get('order')
    return body
