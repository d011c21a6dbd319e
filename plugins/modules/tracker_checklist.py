#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_checklist
short_description: Make sure a Yandex Tracker issue's checklist has, or no longer has, items
version_added: 1.0.0
description:
  - Makes the checklist of a Yandex Tracker issue hold the listed items, each checked or not, assigned and due as the
    task says, however often the task runs. Or removes items, or the whole checklist.
  - An item is identified by its text, trimmed. A missing item is added; an item whose O(items[].checked),
    O(items[].assignee) or O(items[].deadline) differs is edited in place. Only the attributes a task gives are
    compared and written; one it leaves out stays as it is in Tracker.
  - Items the task does not list are kept, unless O(purge=true). The module does not reorder items, for which the
    reference documents no request; new items are added at the end.
  - Reads the checklist once before it writes. With nothing to change, a task sends that one request (and a lookup of
    an assignee only when the answer shows the item's assignee without the login the task gives).
  - An item is added with one request each. An add whose answer is lost is resolved by reading the checklist, never
    by adding again blindly. Checklists have no unique key, so after adding, the module reads the checklist again;
    where other runs added the same item at the same moment, every run keeps the item with the lowest id and deletes
    the others.
  - See R(What automation leaves on an issue,ansible_collections.ytracker.tracker.docsite.issue_records).
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.module
  - ytracker.tracker.connection
  - ytracker.tracker.issue
attributes:
  check_mode:
    details:
      - Reads the checklist, and looks up the assignees of items to add, and tells what would change.
options:
  items:
    description:
      - The items the task is about.
      - With O(state=absent), only their O(items[].text) counts. With O(state=absent) and no O(items), the task is about
        the whole checklist.
    type: list
    elements: dict
    default: []
    suboptions:
      text:
        description:
          - The item's text, which identifies it in the checklist. Compared trimmed, and case-sensitively. One line.
        type: str
        required: true
      checked:
        description:
          - Whether the item is done. Left as it is when not given; a new item is not done unless this says so.
        type: bool
      assignee:
        description:
          - The login or uid of the user the item is assigned to. Left as it is when not given.
          - Tracker answers an item's assignee with its uid and, as the reference shows it, its login; a login the
            answer does not show is looked up once per task.
        type: str
      deadline:
        description:
          - When the item is due, as a date (V(2026-12-05)) or a moment (V(2026-12-05T18:00:00+03:00)). A moment
            without a zone is in UTC; a date is midnight UTC. Compared as an instant, since Tracker answers every
            deadline in UTC. Left as it is when not given.
        type: str
      deadline_type:
        description:
          - The kind of O(items[].deadline), as the reference's C(deadlineType) names it. Only with O(items[].deadline).
          - V(date) when not given. The reference shows V(date) and documents no other value; the module sends what is
            given.
        type: str
  purge:
    description:
      - With O(state=present), also delete the items the task does not list, so that the checklist holds exactly
        O(items). Where the checklist holds an item's text twice, the one with the lowest id is kept.
    type: bool
    default: false
  state:
    description:
      - V(present) adds and edits items as O(items) says.
      - V(absent) deletes the items of O(items), every item of each text; with no O(items), the whole checklist, in one
        request.
    type: str
    choices: [present, absent]
    default: present
notes:
  - The reference's page on editing an item disagrees with itself about the body, one item or all of them. The module
    sends an edit as its example prints it, an array holding the item at the item's path; when Tracker refuses that
    (400, 405 or 422) it sends the item as one object, then the older form, every item with its id at the
    checklist's path. The first form taken is kept for the rest of the task.
seealso:
  - name: Tracker API, adding a checklist item
    description: The fields of a checklist item.
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/add-checklist-item
  - name: Tracker API, editing a checklist
    description: How an item is edited.
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/edit-checklist
'''

EXAMPLES = r'''
- name: The release checklist, ticked as the pipeline goes
  ytracker.tracker.tracker_checklist:
    issue: REL-42
    items:
      - text: DB migrated
        checked: "{{ migration is succeeded }}"
      - text: Canary healthy
        assignee: alice
        deadline: "2026-12-05"
      - text: Announced

- name: Exactly these items, nothing else
  ytracker.tracker.tracker_checklist:
    issue: REL-42
    purge: true
    items:
      - text: DB migrated
      - text: Canary healthy

- name: Drop one item
  ytracker.tracker.tracker_checklist:
    issue: REL-42
    state: absent
    items:
      - text: Announced

- name: Remove the whole checklist
  ytracker.tracker.tracker_checklist:
    issue: REL-42
    state: absent
'''

RETURN = r'''
checklist:
  description:
    - The issue's checklist after the task, in Tracker's order, each item as the API answers it.
    - In check mode, as it would be; an item to add is shown as the task gives it, without an id.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 5fde5f0a1aee261dd3b62edb
      text: DB migrated
      checked: true
      checklistItemType: standard
    - id: 5fde5f0a1aee261dd3b62edc
      text: Canary healthy
      checked: false
      assignee: {id: 1120000000016876, login: alice, display: Alice Smith}
      deadline: {date: "2026-12-05T00:00:00.000+0000", deadlineType: date, isExceeded: false}
      checklistItemType: standard
removed:
  description: The items deleted, or that check mode would delete, as the API returned them.
  returned: always
  type: list
  elements: dict
  sample: []
diff:
  description:
    - The checklist before and after the task, an item a line, V([x]) for a checked one.
  returned: in diff mode
  type: dict
  sample:
    before: "[x] DB migrated\n"
    after: "[x] DB migrated\n[ ] Canary healthy (assignee alice, deadline 2026-12-05 date)\n"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._checklist import wanted_items
from ansible_collections.ytracker.tracker.plugins.module_utils._checklist_task import Checklist
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import run_resource_task
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue, tracker_module

ITEM_SPEC = dict(
    text=dict(type='str', required=True),
    checked=dict(type='bool'),
    assignee=dict(type='str'),
    deadline=dict(type='str'),
    deadline_type=dict(type='str'),
)
ARGUMENT_SPEC = dict(
    issue=dict(type='str', required=True),
    items=dict(type='list', elements='dict', options=ITEM_SPEC, default=[]),
    purge=dict(type='bool', default=False),
    state=dict(type='str', default='present', choices=['present', 'absent']),
)
MODULE_OPTIONS = dict(
    supports_check_mode=True,
)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        params['issue'] = check_issue(params['issue'])
        if params['purge'] and params['state'] == 'absent':
            raise ValueError('purge goes with state=present: state=absent deletes the listed items only')
        wanted = wanted_items(params['items'], params['state'])
    except ValueError as error:
        module.fail_json(msg=str(error))
    run_resource_task(module, Checklist(params, wanted), wanted)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
