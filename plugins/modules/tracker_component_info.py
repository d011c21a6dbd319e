#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_component_info
short_description: List the components of a Yandex Tracker queue
version_added: 1.0.0
description:
  - Lists the components of a Yandex Tracker queue, optionally only those of one name.
  - Tracker lists the components of the whole organisation only; the module reads every page of them once and keeps
    those of O(queue).
  - Never changes anything.
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.info_module
  - ytracker.tracker.connection
  - ytracker.tracker.queue
options:
  name:
    description:
      - Only the components of this name, compared exactly after trimming whitespace, as
        M(ytracker.tracker.tracker_component) finds them.
    type: str
seealso:
  - module: ytracker.tracker.tracker_component
  - name: Tracker API, getting a list of components
    description: How components are listed, and what each holds.
    link: https://yandex.cloud/en/docs/tracker/get-components
'''

EXAMPLES = r'''
- name: Read the components of the queue
  ytracker.tracker.tracker_component_info:
    queue: REL
  register: release_components

- name: Show who leads each
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.lead.display | default('nobody') }}"
  loop: "{{ release_components.components }}"

- name: Is there a backend component
  ytracker.tracker.tracker_component_info:
    queue: REL
    name: backend
  register: backend

- name: Stop when there is none
  ansible.builtin.assert:
    that: backend.components | length > 0
    fail_msg: REL has no backend component
'''

RETURN = r'''
components:
  description:
    - The components of O(queue) (of O(name) only, when given), as the API answers them, in the order of their ids.
  returned: success
  type: list
  elements: dict
  sample:
    - self: https://api.tracker.yandex.net/v3/components/111175
      id: 111175
      version: 2
      name: backend
      queue: {self: "https://api.tracker.yandex.net/v3/queues/REL", id: "3", key: REL, display: Releases}
      description: Services and the database
      lead: {self: "https://api.tracker.yandex.net/v3/users/1120000000016876", id: "1120000000016876", display: Alice Smith}
      assignAuto: true
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._options import tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import check_name, check_queue, of_name
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import queue_components, read_queue
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_read, run_task


ARGUMENT_SPEC = dict(
    queue=dict(type='str', required=True),
    name=dict(type='str'),
)
MODULE_OPTIONS = dict(supports_check_mode=True)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        queue = check_queue(params['queue'])
        name = None if params['name'] is None else check_name(params['name'], 'component')
    except ValueError as error:
        module.fail_json(msg=str(error))

    def read(client):
        components = queue_components(client, queue)
        if not components:
            # The list is the organisation's: none of the queue may be a queue that does not exist.
            read_queue(client, queue)
        return dict(components=of_name(components, name))

    run_read(module, read)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
