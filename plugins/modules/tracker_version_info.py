#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_version_info
short_description: List the versions of a Yandex Tracker queue
version_added: 1.0.0
description:
  - Lists the versions of a Yandex Tracker queue, every page of them, optionally only those of one name or of one
    status.
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
      - Only the versions of this name, compared exactly after trimming whitespace.
      - A queue may hold more than one version of a name (see M(ytracker.tracker.tracker_version)).
    type: str
  released:
    description:
      - V(true), only the released versions; V(false), only those not released. Not given, either.
    type: bool
  archived:
    description:
      - V(true), only the archived versions; V(false), only those not archived. Not given, either.
    type: bool
seealso:
  - module: ytracker.tracker.tracker_version
  - name: Tracker API, getting queue versions
    description: How versions are listed.
    link: https://yandex.cloud/en/docs/tracker/concepts/queues/get-versions
'''

EXAMPLES = r'''
- name: Read the queue's open versions
  ytracker.tracker.tracker_version_info:
    queue: REL
    released: false
    archived: false
  register: open_versions

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ open_versions.versions | map(attribute='name') | list }}"

- name: Find the release's version, if the queue has it
  ytracker.tracker.tracker_version_info:
    queue: REL
    name: "2.0"
  register: release_version
'''

RETURN = r'''
versions:
  description: The queue's versions that match, as the API answers them, oldest (lowest id) first.
  returned: success
  type: list
  elements: dict
  sample:
    - self: https://api.tracker.yandex.net/v3/versions/49650
      id: 49650
      version: 2
      queue: {self: "https://api.tracker.yandex.net/v3/queues/REL", id: "3", key: REL, display: Releases}
      name: "2.0"
      description: The summer release
      startDate: "2026-06-01"
      dueDate: "2026-07-01"
      released: false
      archived: false
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._options import tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import queue_versions
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_read, run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import check_name, check_queue
from ansible_collections.ytracker.tracker.plugins.module_utils._versions import versions_shown


ARGUMENT_SPEC = dict(
    queue=dict(type='str', required=True),
    name=dict(type='str'),
    released=dict(type='bool'),
    archived=dict(type='bool'),
)
MODULE_OPTIONS = dict(supports_check_mode=True)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        queue = check_queue(params['queue'])
        name = None if params['name'] is None else check_name(params['name'], 'version')
    except ValueError as error:
        module.fail_json(msg=str(error))

    def read(client):
        versions = queue_versions(client, queue)
        return dict(versions=versions_shown(versions, name, params['released'], params['archived']))

    run_read(module, read)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
