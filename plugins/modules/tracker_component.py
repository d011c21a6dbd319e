#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_component
short_description: Make sure a Yandex Tracker queue has a component, with its description, lead and default assignee
version_added: 1.0.0
description:
  - Creates a component of a Yandex Tracker queue once, edits its description, lead and automatic assignment when
    they differ, and leaves it alone when it is right, however often the task runs.
  - The component is found by O(name) within O(queue). Tracker lists the components of the whole organisation
    only; with nothing to change, a task sends one request per page of them (one for up to 50 components), and one
    more to the users API when O(lead) is a login the component's lead has to be compared with.
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.module
  - ytracker.tracker.connection
  - ytracker.tracker.queue
attributes:
  check_mode:
    details:
      - Reads the components (and the lead's user, when comparing needs it) and tells what would change.
options:
  name:
    description:
      - The component's name, which identifies it within O(queue). Compared exactly, after trimming whitespace.
    type: str
    required: true
  description:
    description:
      - The component's description. Left as it is when not given; an empty string clears it.
    type: str
  lead:
    description:
      - The component's owner, by login or uid. The API answers the lead by uid; a login is looked up in the users
        API, once per task, when the lead shown is not already that uid.
      - V('') leaves the component without a lead. Left as it is when not given.
    type: str
  assign_auto:
    description:
      - V(true) makes the lead the assignee of the component's new issues; V(false) assigns nobody. Left as it is
        when not given.
    type: bool
  state:
    description:
      - V(present) makes sure the component exists as the task describes it.
      - V(absent) is refused before any request, because components cannot be deleted through the API; remove them
        in Tracker itself.
    type: str
    choices: [present, absent]
    default: present
notes:
  - The fields are edited in one request that names the version of the component read (C(?version=N)); when another
    client edited the component meanwhile, the task reads it again and plans again.
  - Where other runs created the same component at the same moment, or the queue already holds several components
    of the name, the task manages the one with the lowest id, leaves the others as they are (components cannot be
    deleted through the API) and warns. Where Tracker refuses a second component of a name, the task finds the one
    another run made.
seealso:
  - module: ytracker.tracker.tracker_component_info
  - name: Tracker API, creating a component
    description: The fields of a new component.
    link: https://yandex.ru/support/tracker/en/api-ref/queues/post-component
  - name: Tracker API, editing a component
    description: The fields of a component that can be edited, and the version an edit names.
    link: https://yandex.ru/support/tracker/en/patch-component
'''

EXAMPLES = r'''
- name: The backend's component, led by Alice, who gets its new issues
  ytracker.tracker.tracker_component:
    queue: REL
    name: backend
    description: Services and the database
    lead: alice
    assign_auto: true

- name: The frontend's component, nobody leads it any more
  ytracker.tracker.tracker_component:
    queue: REL
    name: frontend
    lead: ""
    assign_auto: false
'''

RETURN = r'''
component:
  description:
    - The component after the task, as the API answers it.
    - V(null) in check mode when the component would be created.
  returned: always
  type: dict
  sample:
    self: https://api.tracker.yandex.net/v3/components/111175
    id: 111175
    version: 2
    name: backend
    queue: {self: "https://api.tracker.yandex.net/v3/queues/REL", id: "3", key: REL, display: Releases}
    description: Services and the database
    lead: {self: "https://api.tracker.yandex.net/v3/users/1120000000016876", id: "1120000000016876", display: Alice Smith}
    assignAuto: true
diff:
  description:
    - The component before and after the task, a line per field (C(name) colon value). The lead is named as the task
      names it when that is who it is, else by its uid.
  returned: in diff mode
  type: dict
  sample:
    before: ""
    after: "name: backend\ndescription: Services and the database\nlead: alice\nassign_auto: true\n"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._component_task import QueueComponents
from ansible_collections.ytracker.tracker.plugins.module_utils._components import wanted_component
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import run_resource_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import check_queue
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task


ARGUMENT_SPEC = dict(
    queue=dict(type='str', required=True),
    name=dict(type='str', required=True),
    description=dict(type='str'),
    lead=dict(type='str'),
    assign_auto=dict(type='bool'),
    state=dict(type='str', default='present', choices=['present', 'absent']),
)
MODULE_OPTIONS = dict(
    supports_check_mode=True,
)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        wanted = wanted_component(params)
        params['queue'] = check_queue(params['queue'])
    except ValueError as error:
        module.fail_json(msg=str(error))
    run_resource_task(module, QueueComponents(params, wanted, module.warn), wanted)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
