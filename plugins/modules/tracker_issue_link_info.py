#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_issue_link_info
short_description: List the links of a Yandex Tracker issue to other issues
version_added: 1.0.0
description:
  - Lists the links of a Yandex Tracker issue to other issues, every page of them, optionally only those to one
    issue or of one relationship.
  - Each link comes as the API returns it on O(issue), with its relationship as seen from O(issue) added, in the names
    M(ytracker.tracker.tracker_issue_link) takes, such as V(depends on) or V(is subtask for).
  - A link between two issues shows on both. It is listed whichever of the two issues it was made on.
  - See R(Links between issues,ansible_collections.ytracker.tracker.docsite.issue_links).
  - Never changes anything.
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.info_module
  - ytracker.tracker.connection
  - ytracker.tracker.issue
options:
  issue:
    description:
      - Key (V(QUEUE-123)) or ID of the issue whose links are listed.
  linked_issue:
    description:
      - Only the links to this issue, given by its key (V(QUEUE-123)) or its ID. Keys are compared ignoring case.
      - Must be another issue than O(issue).
    type: str
  relationship:
    description:
      - Only the links of this relationship, as seen from O(issue), in one of the names the Tracker reference
        documents, as M(ytracker.tracker.tracker_issue_link) takes them. Compared ignoring case and extra spaces.
      - V(depends on), V(is dependent by), V(is subtask for), V(is parent task for), V(duplicates),
        V(is duplicated by), V(is epic of), V(has epic) and V(relates). Any other name fails before any request.
    type: str
seealso:
  - module: ytracker.tracker.tracker_issue_link
  - module: ytracker.tracker.tracker_remote_link_info
  - name: Tracker API, linking issues
    description: The relationships Tracker documents for links between issues.
    link: https://yandex.ru/support/tracker/en/concepts/issues/link-issue
'''

EXAMPLES = r'''
- name: Read every link of the issue to other issues
  ytracker.tracker.tracker_issue_link_info:
    issue: REL-42
  register: release_links

- name: Show each link as the diff of tracker_issue_link does
  ansible.builtin.debug:
    msg: "{{ item.relationship }}: {{ item.object.key }}"
  loop: "{{ release_links.links }}"

- name: Find the issues the release depends on
  ytracker.tracker.tracker_issue_link_info:
    issue: REL-42
    relationship: depends on
  register: dependencies

- name: Stop while the release depends on other issues
  ansible.builtin.assert:
    that: dependencies.links | length == 0
    fail_msg: "REL-42 still depends on {{ dependencies.links | map(attribute='object') | map(attribute='key') | join(', ') }}"

- name: Is REL-42 linked to OPS-3 at all, and how
  ytracker.tracker.tracker_issue_link_info:
    issue: REL-42
    linked_issue: OPS-3
  register: with_ops_3
'''

RETURN = r'''
links:
  description:
    - The issue's links to other issues, as the API returns them on O(issue), in the API's order, with RV(links[].relationship) added.
  returned: success
  type: list
  elements: dict
  contains:
    relationship:
      description:
        - What the other issue of the link is to O(issue), as seen from O(issue), in the names
          M(ytracker.tracker.tracker_issue_link) takes, for example V(depends on) (O(issue) depends on the other
          issue) or V(is subtask for).
        - Of a link of a type the reference does not document, its C(type.id).
      type: str
      returned: success
      sample: depends on
  sample:
    - id: 1234567
      self: https://api.tracker.yandex.net/v3/issues/REL-42/links/1234567
      type: {id: depends, inward: Blocker, outward: Depends on}
      direction: outward
      object:
        id: 593cd211ef7e8a332414f2a7
        key: OPS-3
        display: Migrate the database
      createdAt: "2026-07-19T06:18:09.327+0000"
      relationship: depends on
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._issue_links import check_linked_issue, linked_names
from ansible_collections.ytracker.tracker.plugins.module_utils._links import (
    RELATIONSHIPS,
    checked_relationship,
    link_type,
    relationship_name,
    type_fits,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_read, run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue, tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import issue_hints, links_path


ARGUMENT_SPEC = dict(
    issue=dict(type='str', required=True),
    linked_issue=dict(type='str'),
    relationship=dict(type='str'),
)
MODULE_OPTIONS = dict(supports_check_mode=True)


def checked_filters(params):
    """The filters of the task, trimmed and in normal form (None: not given), or ValueError."""
    linked_issue = params['linked_issue']
    if linked_issue is not None:
        linked_issue = check_linked_issue(params['issue'], linked_issue)
    relationship = params['relationship']
    if relationship is not None:
        relationship = checked_relationship(relationship)
    return linked_issue, relationship


def wanted(link, linked_issue, relationship):
    """Whether the link passes the filters: another issue named by its key or id, a relationship as seen from the issue."""
    if linked_issue is not None and linked_issue.upper() not in linked_names(link):
        return False
    return relationship is None or type_fits(link_type(link), RELATIONSHIPS[relationship])


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        params['issue'] = check_issue(params['issue'])
        linked_issue, relationship = checked_filters(params)
    except ValueError as error:
        module.fail_json(msg=str(error))

    def read(client):
        links = client.get_all(links_path(params['issue'], 'links'), hints=issue_hints(params['issue']))
        return dict(links=[dict(link, relationship=relationship_name(link_type(link))) for link in links
                           if wanted(link, linked_issue, relationship)])

    run_read(module, read)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
