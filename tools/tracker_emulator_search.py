# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The issue search of tracker_emulator.py, as search-issues.md describes it.

POST /{ver}/issues/_search takes exactly one of queue, keys, filter (field: value) and query (a
small part of the query language: Field: value, "Field": "a b", v1, v2, empty(), notEmpty() and
"Sort by": Field ASC|DESC); order ([+/-]field) goes with filter. It is paged (pages past 10,000
results are 400) or scrolled, for filter and query only. A new issue can be missed by the next
searches ("search_misses"), as an index that lags behind would miss it.
"""

import re

from tracker_emulator_catalogues import CATALOGUES, catalogue_names
from tracker_emulator_resource import Problem, as_list

PAGED_LIMIT = 10000
# Query language names of the fields the emulator searches by, lower case.
QUERY_FIELDS = {'author': 'createdBy', 'created': 'createdAt', 'updated': 'updatedAt'}
USER_FIELDS = ('assignee', 'followers', 'createdBy', 'updatedBy')
QUERY_TERM = re.compile(r'\s*(?:"([^"]+)"|([A-Za-z][\w.]*))\s*:\s*')
QUERY_VALUE = re.compile(r'\s*("[^"]*"|[^\s",]+)\s*(,)?')
SORT = re.compile(r'\s*([A-Za-z][\w.]*)(?:\s+(ASC|DESC)\b)?', re.I)


def search_issues(tracker, request):
    """A page of a search, a new scroll (scrollType) or the next page of one (scrollId)."""
    query = request.query
    if 'scrollId' in query:
        return tracker.pager.scroll(request, query['scrollId'])
    body = request.body
    if not isinstance(body, dict):
        raise Problem(422, 'Request body must be a JSON object.')
    found = [tracker.issues.view(request.api, record) for record in Search(tracker.issues).run(body)]
    if 'scrollType' not in query:
        return tracker.pager.pages(request, found, limit=PAGED_LIMIT)
    if body.get('keys') or body.get('queue'):
        raise Problem(400, 'Scroll is not supported')
    if query['scrollType'] == 'unsorted':
        found.sort(key=lambda issue: issue['id'])
    return tracker.pager.start_scroll(request, found)


class Search:
    """What a search body finds among the issues."""

    def __init__(self, issues):
        self.issues = issues

    def run(self, body):
        """The records a search body finds, in the API's order; Problem for a body it refuses."""
        given = [name for name in ('queue', 'keys', 'filter', 'query') if body.get(name) not in (None, '', [], {})]
        if len(given) != 1:
            raise Problem(400, 'You can only use keys, a queue, or a search query')
        by_key = sorted((record for record in self.issues.all() if not missed(record)), key=key_order)
        if given == ['queue']:
            return [record for record in by_key if record['queue'] == str(body['queue']).upper()]
        if given == ['keys']:
            wanted = {str(key).upper() for key in as_list(body['keys'])}
            # The reference: answers to a search by keys come sorted by summary.
            return sorted((record for record in by_key if record['key'] in wanted), key=summary_of)
        if given == ['filter']:
            if not isinstance(body['filter'], dict):
                raise Problem(400, 'filter must be an object.')
            terms = [(name, as_list(value)) for name, value in body['filter'].items()]
            order = body.get('order')
        else:
            terms, order = parse_query(body['query'])
        found = [record for record in by_key if all(self.matches(record, name, values) for name, values in terms)]
        return self.ordered(found, order)

    def names(self, record, field):
        """What names a record's value of ``field`` in a search: its key, id, display, login, uid, name."""
        field = QUERY_FIELDS.get(field.lower(), field)
        lower = {name.lower(): name for name in list(record) + list(record['local'])}
        field = lower.get(field.lower(), field)
        if field in record['local']:
            return [str(value) for value in as_list(record['local'][field])]
        values = as_list(record.get(field))
        if field in CATALOGUES:
            return [name for value in values for name in catalogue_names(field, value)]
        if field in USER_FIELDS:
            return [name for uid in values for name in self.issues.users.names(uid)]
        if field == 'parent':
            return [name for key in values for name in (key, self.issues.items[key]['id'])]
        if field in self.issues.field_items:
            items = self.issues.field_items[field]
            return [name for item_id in values for name in (str(item_id), items.find(item_id)['name'])]
        return [str(value) for value in values]

    def matches(self, record, field, values):
        """Whether a record's ``field`` is any of ``values``; empty() and notEmpty() as the query language has them."""
        names = self.names(record, field)
        for value in values:
            if str(value).lower() == 'empty()' and not names:
                return True
            if str(value).lower() == 'notempty()' and names:
                return True
            if field == 'unique':
                if str(value) in names:
                    return True
            elif str(value).lower() in [name.lower() for name in names]:
                return True
        return False

    def ordered(self, records, order):
        if not order:
            return records
        descending = order.startswith('-') or order.upper().endswith(' DESC')
        field = order.lstrip('+-').split(' ')[0]
        if field.lower() == 'key':
            return sorted(records, key=key_order, reverse=descending)
        return sorted(records, key=lambda record: (self.names(record, field) or [''])[0], reverse=descending)


def key_order(record):
    """Issues in key order: by queue, then by number (BULK-9 before BULK-10)."""
    return record['queue'], int(record['key'].rpartition('-')[2])


def summary_of(record):
    return record['summary']


def missed(record):
    """Whether a search misses a new issue, counting down its search_misses."""
    if record['misses'] <= 0:
        return False
    record['misses'] -= 1
    return True


def parse_query(query):
    """The (field, values) terms and the order of a query: Field: value, "Field": "a b", v1, v2 ...
    and "Sort by": Field ASC|DESC. Problem (400) for anything else."""
    terms, order, position = [], None, 0
    query = query.strip()
    while position < len(query):
        field, position = matched(QUERY_TERM, query, position)
        field = field.group(1) or field.group(2)
        if field.lower() == 'sort by':
            sort, position = matched(SORT, query, position)
            order = ('-' if (sort.group(2) or '').upper() == 'DESC' else '+') + sort.group(1)
            continue
        values = []
        while True:
            value, position = matched(QUERY_VALUE, query, position)
            values.append(value.group(1).strip('"'))
            if not value.group(2):
                break
        terms.append((field, values))
    return terms, order


def matched(pattern, query, position):
    """The match of ``pattern`` at ``position`` and the position after it; Problem 400 when it does not match."""
    match = pattern.match(query, position)
    if not match:
        raise Problem(400, 'Query could not be parsed at: %s' % query[position:position + 30])
    return match, match.end()
