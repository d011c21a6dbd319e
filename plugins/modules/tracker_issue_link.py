#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_issue_link
short_description: Make sure two Yandex Tracker issues are, or are not, linked
version_added: 1.0.0
description:
  - Makes sure that a Yandex Tracker issue has, or no longer has, links to other issues, such as
    V(depends on) or V(is subtask for).
  - Reads the issue's links first and writes only what is missing or extra, so a task creates a link
    exactly once however often it runs. With nothing to change, a task sends one request.
  - A link between two issues shows on both. A task finds it whichever issue it was made on, by the
    relationship as seen from O(issue) (its type and its direction), so O(issue=A) V(depends on)
    O(linked_issue=B) finds the link made as B V(is dependent by) A and creates nothing.
  - After creating links it reads the issue's links once more. Where other runs made the same link at the same
    moment, every run keeps the one with the lowest id and deletes the others.
  - See R(Links between issues,ansible_collections.ytracker.tracker.docsite.issue_links).
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.module
  - ytracker.tracker.connection
  - ytracker.tracker.issue
options:
  issue:
    description:
      - Key (V(QUEUE-123)) or ID of the issue whose links the task is about.
  linked_issue:
    description:
      - Key (V(QUEUE-123)) or ID of the other issue of the link. Keys are compared ignoring case.
      - Must be another issue than O(issue).
      - Required unless O(links) is given; mutually exclusive with O(links).
    type: str
  relationship:
    description:
      - What O(linked_issue) is to O(issue), as seen from O(issue), in one of the names the Tracker
        reference documents. Compared ignoring case and extra spaces.
      - V(depends on) (O(issue) depends on O(linked_issue)) and V(is dependent by) (O(issue) blocks
        O(linked_issue)); V(is subtask for) (O(issue) is a sub-issue of O(linked_issue)) and V(is parent task for);
        V(duplicates) (O(issue) duplicates O(linked_issue)) and V(is duplicated by); V(is epic of) and V(has epic),
        which Tracker accepts for Epic-type issues only; and V(relates), a simple link.
      - Also the relationship of every item of O(links) that does not give its own.
    type: str
    default: relates
  links:
    description:
      - Several links of the same issue, handled in one task with one read of the issue's links.
      - Mutually exclusive with O(linked_issue).
    type: list
    elements: dict
    suboptions:
      linked_issue:
        description: Key or ID of the other issue.
        type: str
        required: true
      relationship:
        description:
          - The relationship of this link, seen from O(issue), in one of the names O(relationship) takes,
            for example V(depends on) when O(issue) depends on this item's O(links[].linked_issue).
          - When not set, the link has the relationship O(relationship) names, V(relates) by default.
        type: str
  state:
    description:
      - V(present) creates each link that is missing; links already there are left alone.
      - V(absent) deletes every matching link. Deleting a link removes it from both issues.
    type: str
    choices: [present, absent]
    default: present
  purge:
    description:
      - With O(state=present), also delete the issue's other links of the types the task names, in either
        direction. V(depends on) and V(is dependent by) are one type, V(is subtask for) and
        V(is parent task for) another, and so on; links of other types are never touched.
      - Deleting a link removes it from the other issue too.
    type: bool
    default: false
seealso:
  - module: ytracker.tracker.tracker_remote_link
  - name: Tracker API, linking issues
    description: The relationships Tracker documents for links between issues.
    link: https://yandex.ru/support/tracker/en/concepts/issues/link-issue
'''

EXAMPLES = r'''
- name: The release waits for the migration
  ytracker.tracker.tracker_issue_link:
    issue: REL-42
    linked_issue: OPS-3
    relationship: depends on

- name: Several links in one task, connection settings from TRACKER_* variables
  ytracker.tracker.tracker_issue_link:
    issue: REL-42
    links:
      - linked_issue: OPS-3
        relationship: depends on
      - linked_issue: REL-40
        relationship: is subtask for
      - linked_issue: DOC-7

- name: REL-42 depends on OPS-3 and has no other dependency link, either way (depends on or is dependent by)
  ytracker.tracker.tracker_issue_link:
    issue: REL-42
    links:
      - linked_issue: OPS-3
        relationship: depends on
    purge: true

- name: Remove the link
  ytracker.tracker.tracker_issue_link:
    issue: REL-42
    linked_issue: DOC-7
    state: absent
'''

RETURN = r'''
link:
  description:
    - The link, as the API returns it on O(issue), when O(linked_issue) is given.
    - With O(state=present), the link created or found; V(null) in check mode when it would be created.
    - With O(state=absent), the link removed, or V(null) when there was none.
  returned: when O(linked_issue) is given
  type: dict
  sample:
    id: 1234567
    self: https://api.tracker.yandex.net/v3/issues/REL-42/links/1234567
    type: {id: depends, inward: Blocker, outward: Depends on}
    direction: outward
    object:
      id: 593cd211ef7e8a332414f2a7
      key: OPS-3
      display: Migrate the database
    createdAt: "2026-07-19T06:18:09.327+0000"
links:
  description:
    - The links of O(links) on the issue after the task, as the API returns them.
    - Links that check mode would create are not in it.
  returned: when O(links) is given
  type: list
  elements: dict
  sample: []
removed:
  description: The links deleted, or that check mode would delete, as the API returned them.
  returned: always
  type: list
  elements: dict
  sample: []
diff:
  description:
    - The issue's links to other issues before and after the task, one a line, sorted.
    - "A line is V(relationship: KEY), the relationship as seen from O(issue), for example V(depends on: OPS-3)."
  returned: in diff mode
  type: dict
  sample:
    before: "relates: DOC-7\n"
    after: "depends on: OPS-3\nrelates: DOC-7\n"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._flow import run_resource_task
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_links import (
    IssueLinkIndex,
    describe_issue_link,
    describe_wanted_issue_link,
    plan_issue_links,
    wanted_issue_link,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._link_task import LinkResource
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue, tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import read_issue
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task


ARGUMENT_SPEC = dict(
    issue=dict(type='str', required=True),
    linked_issue=dict(type='str'),
    relationship=dict(type='str', default='relates'),
    links=dict(type='list', elements='dict', options=dict(
        linked_issue=dict(type='str', required=True),
        relationship=dict(type='str'),
    )),
    state=dict(type='str', default='present', choices=['present', 'absent']),
    purge=dict(type='bool', default=False),
)
MODULE_OPTIONS = dict(
    mutually_exclusive=[('links', 'linked_issue')],
    required_one_of=[('links', 'linked_issue')],
    supports_check_mode=True,
)


def wanted_links(params):
    """The links the task asks for, or ValueError saying what is wrong with them."""
    items = params['links'] if params['links'] is not None else [params]
    if not items:
        raise ValueError('links must name at least one link')
    wanted = []
    for number, item in enumerate(items, start=1):
        where = 'links[%d].' % number if params['links'] is not None else ''
        relationship = item['relationship'] if item['relationship'] is not None else params['relationship']
        wanted.append(wanted_issue_link(params['issue'], item['linked_issue'], relationship, where))
    return wanted


class IssueLinks(LinkResource):
    """Links between issues: each shows on both, with opposite directions."""

    kind = 'links'

    def plan(self, wanted, current):
        return plan_issue_links(wanted, current, self.state, self.purge)

    def index(self, current):
        return IssueLinkIndex(current)

    def create_body(self, wanted):
        return {'relationship': wanted.relationship, 'issue': wanted.issue}

    def create_hints(self, wanted):
        return {
            404: 'check that issues %r and %r exist and that the token can see them' % (self.issue, wanted.issue),
            400: 'check that Tracker allows %r between these issues: epic links need an Epic-type issue'
                 % wanted.relationship,
        }

    def check_creatable(self, client, to_create):
        # A real run's POST is refused (404) for a linked issue that does not exist or cannot be seen.
        for wanted in to_create:
            read_issue(client, wanted.issue)

    def describe(self, current):
        return describe_issue_link(current)

    def describe_wanted(self, wanted):
        return describe_wanted_issue_link(wanted)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    try:
        module.params['issue'] = check_issue(module.params['issue'])
        wanted = wanted_links(module.params)
    except ValueError as error:
        module.fail_json(msg=str(error))
    run_resource_task(module, IssueLinks(module.params), wanted)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
