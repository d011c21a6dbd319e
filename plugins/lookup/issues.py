# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
name: issues
short_description: Find Yandex Tracker issues by query, filter or queue
version_added: 1.0.0
description:
  - Returns the issues a search finds (C(POST /v3/issues/_search)), every page of them, in the order of the search,
    on the controller, without a module process.
  - The search is the one of M(ytracker.tracker.tracker_issue_info), one request per page of 50 issues, scrolled
    past 10,000 issues for a O(query) or a O(filter).
  - Exactly one of O(query), O(filter) and O(queue) is required.
  - Retries, TLS and messages are those of the modules of the collection. Tokens never appear in a message.
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ytracker.tracker.connection
  - ytracker.tracker.connection.plugins
options:
  query:
    description:
      - "A search in Tracker's query language, for example V(Queue: OPS Status: open \"Sort by\": Updated DESC)."
      - Sort inside the query (C("Sort by")); O(order) is for O(filter) only.
    type: str
  filter:
    description:
      - Fields and the values to find, as the search of the reference takes them, for example a C(queue),
        an C(assignee) and C(tags).
    type: dict
  queue:
    description:
      - Key of a queue, whose issues are answered sorted by key.
    type: str
  order:
    description:
      - With O(filter), the field to sort by, V(+) or V(-) in front for the direction, for example V(-updated).
    type: str
  limit:
    description:
      - Return at most this many issues, reading no more pages than needed. Must be 1 or more.
    type: int
  fields:
    description:
      - Keep only these keys of each issue (V(key), V(summary), V(status), ...); a key an issue lacks is left out.
      - All of them when not set.
    type: list
    elements: str
notes:
  - C(query) answers the list. With exactly one issue found, C(lookup) answers that issue alone, as Ansible does for
    any lookup; use C(query) (or C(wantlist=true)) to loop over the issues.
seealso:
  - plugin: ytracker.tracker.issue
    plugin_type: lookup
  - module: ytracker.tracker.tracker_issue_info
  - name: Tracker API, finding issues
    description: The search, its parameters, pages and scrolling.
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/search-issues
'''

EXAMPLES = r'''
- name: Every open issue of the release, with its key and summary only
  ansible.builtin.debug:
    msg: "{{ item.key }}: {{ item.summary }}"
  loop: "{{ query('ytracker.tracker.issues', query=release_query, fields=['key', 'summary']) }}"
  vars:
    release_query: 'Queue: REL "Fix Version": "1.4.0" Status: open "Sort by": Key ASC'

- name: Stop when an incident is open
  ansible.builtin.fail:
    msg: An incident is open
  when: query('ytracker.tracker.issues', filter=open_incidents, limit=1) | length > 0
  vars:
    open_incidents:
      queue: INC
      status: open

- name: The ten most recently updated issues of a queue assigned to alice
  ansible.builtin.set_fact:
    recent: "{{ query('ytracker.tracker.issues', filter=mine, order='-updated', limit=10) }}"
  vars:
    mine:
      queue: OPS
      assignee: alice
'''

RETURN = r'''
_list:
  description:
    - The issues, as the API answers them (only the keys of O(fields) when set), in the order of the search.
  type: list
  elements: dict
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._issue_search import check_limit, find_issues, search_body
from ansible_collections.ytracker.tracker.plugins.plugin_utils._controller import module_args
from ansible_collections.ytracker.tracker.plugins.plugin_utils._lookup import TrackerLookup

# The searches of tracker_issue_info that a lookup offers: keys are the issue lookup's.
SEARCHES = ('query', 'filter', 'queue')


class LookupModule(TrackerLookup):

    NAME = 'ytracker.tracker.issues'

    def check(self, terms):
        if terms:
            raise ValueError('takes no terms: give query=, filter= or queue=')
        check_limit(self.get_option('limit'))
        # Plain JSON types, as a module gets its arguments: the filter goes into the body as it is.
        options = module_args(dict((name, self.get_option(name)) for name in SEARCHES + ('order',)))
        self.body = search_body(options, searches=SEARCHES)

    def read(self, client, terms):
        issues = find_issues(client, self.body, limit=self.get_option('limit'))
        fields = self.get_option('fields')
        if fields is None:
            return issues
        return [dict((name, issue[name]) for name in fields if name in issue) for issue in issues]
