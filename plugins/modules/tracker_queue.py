#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_queue
short_description: Make sure a Yandex Tracker queue exists with its lead, default type and priority and issue types
version_added: 1.0.0
description:
  - Creates a Yandex Tracker queue once, edits its name, description, lead, default type, default priority and the
    settings of the issue types the task lists when they differ, and leaves it alone when it is right, however often
    the task runs. With O(state=absent) and O(force=true), deletes it, and every issue in it.
  - The queue is found by O(key). With nothing to change, a task sends one request (the queue, with its issue types'
    settings), and one more to the users API when O(lead) is a login the queue's lead has to be compared with.
  - Its components and versions are made with M(ytracker.tracker.tracker_component) and
    M(ytracker.tracker.tracker_version), its local fields with M(ytracker.tracker.tracker_queue_field).
  - See R(Provisioning a queue,ansible_collections.ytracker.tracker.docsite.provisioning).
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.module
  - ytracker.tracker.connection
attributes:
  check_mode:
    details:
      - Reads the queue (and the lead's user, when comparing needs it) and tells what would change. A queue that was
        deleted cannot be told from one that never was by reading; check mode predicts it is created.
options:
  key:
    description:
      - The queue's key, which identifies it, for example V(OPS). Latin letters only; surrounding whitespace is dropped
        and the key upper-cased, as Tracker's queue keys are. Anything else is refused before any request.
      - A key cannot be changed, and Tracker never gives the key of a deleted queue to a new one.
    type: str
    required: true
  name:
    description:
      - The queue's name. Needed to create the queue; left as it is when not given.
    type: str
  description:
    description:
      - The queue's description. Left as it is when not given; an empty string clears it.
    type: str
  lead:
    description:
      - The queue's owner, by login or uid. Needed to create the queue; left as it is when not given.
      - The API answers the lead by uid; a login is looked up in the users API, once per task, when the lead shown is
        not already that uid.
    type: str
  default_type:
    description:
      - The key (or id) of the issue type new issues of the queue get, for example V(task). One of the types of
        O(issue_types) when both are given. Needed to create the queue; left as it is when not given.
    type: str
  default_priority:
    description:
      - The key (or id) of the priority new issues of the queue get, for example V(normal). Needed to create the queue;
        left as it is when not given.
    type: str
  issue_types:
    description:
      - The issue types of the queue, each with its workflow and the resolutions an issue of the type can be closed
        with. Needed to create the queue.
      - On an existing queue, each type listed is made what the task says, and added when the queue lacks it; the
        queue's other types are left as they are. Left as they are when not given.
      - The reference documents no edit of a queue; where Tracker refuses to change the issue types of an existing
        queue, the task fails naming O(issue_types); change them in the queue's settings in Tracker.
    type: list
    elements: dict
    suboptions:
      type:
        description:
          - The key (or id) of the issue type, for example V(bug).
        type: str
        required: true
      workflow:
        description:
          - The id of the workflow issues of the type follow.
        type: str
        required: true
      resolutions:
        description:
          - The keys (or ids) of the resolutions issues of the type can be closed with, compared as a set.
        type: list
        elements: str
        default: []
  restore:
    description:
      - What to do when O(key) is the key of a deleted queue (Tracker refuses to create a queue with it, and the queue
        cannot be read). V(true) restores the queue, with its issues, and then makes it what the task says; this takes
        a token of an administrator of the organisation. V(false) fails the task, saying so.
      - With V(true), a task that gives too little to create the queue (the key alone, say) restores the deleted
        queue of that key, and fails when Tracker has none.
    type: bool
    default: false
  force:
    description:
      - Confirms O(state=absent). Deleting a queue deletes every issue in it; without V(true), O(state=absent) is
        refused before any request.
    type: bool
    default: false
  state:
    description:
      - V(present) makes sure the queue exists as the task describes it.
      - V(absent) deletes it (with O(force=true)); a queue that is gone already is left alone, unchanged.
    type: str
    choices: [present, absent]
    default: present
notes:
  - Creating, editing and deleting a queue take a token of an administrator of the organisation (or of the queue).
  - Tracker may notify the queue's lead and team when a queue is created or its lead changes.
  - A deleted queue takes its issues with it; restoring it brings them back. The reference does not say for how long a
    deleted queue can be restored.
seealso:
  - module: ytracker.tracker.tracker_queue_field
  - module: ytracker.tracker.tracker_component
  - module: ytracker.tracker.tracker_version
  - name: Tracker API, creating a queue
    description: The fields of a new queue.
    link: https://yandex.cloud/en/docs/tracker/concepts/queues/create-queue
  - name: Tracker API, deleting a queue
    description: What a delete answers.
    link: https://yandex.cloud/en/docs/tracker/concepts/queues/delete-queue
  - name: Tracker API, restoring a queue
    description: Bringing a deleted queue back.
    link: https://yandex.cloud/en/docs/tracker/concepts/queues/restore-queue
'''

EXAMPLES = r'''
- name: The queue of the payments service, with tasks and bugs
  ytracker.tracker.tracker_queue:
    key: PAY
    name: Payments
    description: Issues of the payments service
    lead: alice
    default_type: task
    default_priority: normal
    issue_types:
      - type: task
        workflow: oicn
        resolutions: [fixed, wontFix]
      - type: bug
        workflow: dev
        resolutions: [fixed, wontFix, duplicate]

- name: Bob leads it now
  ytracker.tracker.tracker_queue:
    key: PAY
    lead: bob

- name: Bring back a queue deleted by mistake, with its issues
  ytracker.tracker.tracker_queue:
    key: PAY
    restore: true

- name: Delete the queue of a retired service, and every issue in it
  ytracker.tracker.tracker_queue:
    key: OLDPAY
    state: absent
    force: true
'''

RETURN = r'''
queue:
  description:
    - The queue after the task, as the API answers it, with the settings of its issue types.
    - V(null) with O(state=absent), and in check mode when the queue would be created.
  returned: always
  type: dict
  sample:
    self: https://api.tracker.yandex.net/v3/queues/PAY
    id: "12"
    key: PAY
    version: 3
    name: Payments
    description: Issues of the payments service
    lead: {self: "https://api.tracker.yandex.net/v3/users/1120000000016876", id: "1120000000016876", display: Alice Smith}
    assignAuto: false
    defaultType: {self: "https://api.tracker.yandex.net/v3/issuetypes/2", id: "2", key: task, display: Task}
    defaultPriority: {self: "https://api.tracker.yandex.net/v3/priorities/3", id: "3", key: normal, display: Normal}
    denyVoting: false
    issueTypesConfig:
      - issueType: {self: "https://api.tracker.yandex.net/v3/issuetypes/2", id: "2", key: task, display: Task}
        workflow: {self: "https://api.tracker.yandex.net/v3/workflows/oicn", id: oicn, display: Basic}
        resolutions:
          - {self: "https://api.tracker.yandex.net/v3/resolutions/1", id: "1", key: fixed, display: Fixed}
restored:
  description: Whether the task restored a deleted queue (O(restore=true)).
  returned: always
  type: bool
  sample: false
diff:
  description:
    - The queue before and after the task, a line per field (C(name) colon value) and one per issue type. Objects are
      named as the task names them when that is what they are, else by their key; the lead by the task's login when
      it is that user, else by its uid.
  returned: in diff mode
  type: dict
  sample:
    before: ""
    after: "key: PAY\nname: Payments\nlead: alice\ndefault_type: task\ndefault_priority: normal\nissue_type: task workflow=oicn resolutions=fixed\n"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._flow import run_resource_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_task import TrackerQueue
from ansible_collections.ytracker.tracker.plugins.module_utils._queues import wanted_queue
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task


ARGUMENT_SPEC = dict(
    key=dict(type='str', required=True, no_log=False),
    name=dict(type='str'),
    description=dict(type='str'),
    lead=dict(type='str'),
    default_type=dict(type='str'),
    default_priority=dict(type='str'),
    issue_types=dict(type='list', elements='dict', options=dict(
        type=dict(type='str', required=True),
        workflow=dict(type='str', required=True),
        resolutions=dict(type='list', elements='str', default=[]),
    )),
    restore=dict(type='bool', default=False),
    force=dict(type='bool', default=False),
    state=dict(type='str', default='present', choices=['present', 'absent']),
)
MODULE_OPTIONS = dict(
    supports_check_mode=True,
)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        wanted = wanted_queue(params)
    except ValueError as error:
        module.fail_json(msg=str(error))
    run_resource_task(module, TrackerQueue(params, wanted), wanted)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
