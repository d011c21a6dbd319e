#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_issue_info
short_description: Read or find Yandex Tracker issues
version_added: 1.0.0
description:
  - Reads one Yandex Tracker issue by O(key), or finds issues by O(keys), O(queue), O(filter) or O(query), every
    page of the answer.
  - Tracker pages a search's answer up to 10,000 issues. Past that, a search by O(filter) or O(query) is read by
    scrolling, as the reference describes; a search by O(keys) or O(queue), which Tracker does not scroll, fails
    saying so, unless O(limit) is 10,000 or less.
  - Never changes anything.
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.info_module
  - ytracker.tracker.connection
  - ytracker.tracker.issue.search
options:
  key:
    description:
      - Key (V(QUEUE-123)) or ID of one issue, which must exist. Like every issue a task of the collection
        names, one that does not exist, or that the token cannot see, fails the task (HTTP 404).
      - To ask whether an issue exists, search by O(keys) instead, which answers the issues it finds.
    type: str
  order:
    description:
      - With O(filter), the field to sort by, V(+) or V(-) in front for the direction, for example V(-updated).
      - For O(filter) only. A O(query) sorts inside itself (C("Sort by")).
    type: str
  limit:
    description:
      - Return at most this many issues, reading no more pages than needed. Must be 1 or more.
    type: int
notes:
  - Exactly one of O(key), O(keys), O(queue), O(filter) and O(query) is required.
seealso:
  - module: ytracker.tracker.tracker_issue
  - name: Tracker API, finding issues
    description: The search, its parameters, pages and scrolling.
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/search-issues
'''

EXAMPLES = r'''
- name: Read one issue
  ytracker.tracker.tracker_issue_info:
    key: REL-42
  register: release

- name: Find the release issue of a version by its unique value
  ytracker.tracker.tracker_issue_info:
    filter:
      unique: "release-{{ release_version }}"
  register: found

- name: The open incidents, newest first
  ytracker.tracker.tracker_issue_info:
    query: 'Queue: INC Status: open "Sort by": Created DESC'
  register: incidents

- name: The ten most recently updated issues of a queue assigned to alice
  ytracker.tracker.tracker_issue_info:
    filter:
      queue: OPS
      assignee: alice
    order: -updated
    limit: 10
  register: recent

- name: Show their keys
  ansible.builtin.debug:
    msg: "{{ recent.issues | map(attribute='key') | list }}"
'''

RETURN = r'''
issues:
  description: The issues, as the API answers them, in the API's order.
  returned: success
  type: list
  elements: dict
  sample:
    - self: https://api.tracker.yandex.net/v3/issues/REL-42
      id: 593cd211ef7e8a332414f2a7
      key: REL-42
      version: 4
      summary: Release 1.2.0
      queue: {id: "3", key: REL, display: Releases}
      status: {id: "1", key: open, display: Open}
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_read, run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_search import (
    SEARCH_SPEC,
    SEARCHES,
    check_limit,
    find_issues,
    search_body,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue, tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import read_issue

ARGUMENT_SPEC = dict(
    key=dict(type='str', no_log=False),
    order=dict(type='str'),
    limit=dict(type='int'),
    **SEARCH_SPEC
)
MODULE_OPTIONS = dict(
    mutually_exclusive=[('key',) + SEARCHES],
    required_one_of=[('key',) + SEARCHES],
    supports_check_mode=True,
)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        check_limit(params['limit'])
        key = check_issue(params['key'], 'key') if params['key'] is not None else None
        body = None if key is not None else search_body(params)
    except ValueError as error:
        module.fail_json(msg=str(error))

    def read(client):
        if key is not None:
            return dict(issues=[read_issue(client, key)])
        return dict(issues=find_issues(client, body, limit=params['limit']))

    run_read(module, read)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
