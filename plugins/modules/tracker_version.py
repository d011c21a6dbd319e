#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_version
short_description: Make sure a Yandex Tracker queue has a version, with its dates, and released or archived
version_added: 1.0.0
description:
  - Creates a version of a Yandex Tracker queue once, edits its description and dates when they differ, releases or
    archives it when asked, and leaves it alone when it is right, however often the task runs.
  - The version is found by O(name) within O(queue). With nothing to change, a task sends one request per page of
    the queue's versions (one for up to 50 versions).
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
      - Reads the queue's versions and tells what would change. It cannot tell in advance which way Tracker takes a
        release.
options:
  name:
    description:
      - The version's name, which identifies it within O(queue). Compared exactly, after trimming whitespace.
      - Quote it in YAML. Unquoted, V(2.10) is the number 2.1 and names version C(2.1).
    type: str
    required: true
  description:
    description:
      - The version's description. Left as it is when not given; an empty string clears it.
    type: str
  start_date:
    description:
      - The version's start date, as V(YYYY-MM-DD). Left as it is when not given.
    type: str
  due_date:
    description:
      - The version's end date, as V(YYYY-MM-DD). Left as it is when not given.
    type: str
  released:
    description:
      - V(true) releases the version, by the C(_release) action or, where Tracker has none, by editing C(released).
      - V(false) fails on a released version, since the API offers no way back. Not given, the status is left as it is.
    type: bool
  archived:
    description:
      - V(true) archives the version (C(POST /versions/<id>/_archive)).
      - V(false) fails on an archived version, since the API offers no way back. Not given, the status is left as it is.
    type: bool
  state:
    description:
      - V(present) makes sure the version exists as the task describes it.
      - V(absent) is refused before any request, because versions cannot be deleted through the API; archive them
        with O(archived=true) instead.
    type: str
    choices: [present, absent]
    default: present
notes:
  - The fields are edited in one request that names the version read (C(If-Match)); when another client edited the
    version meanwhile, the task reads it again and plans again.
  - Where other runs created the same version at the same moment, or the queue already holds several versions of
    the name, the task manages the one with the lowest id, leaves the others as they are (versions cannot be
    deleted through the API) and warns.
  - A version whose creation answer was lost is found by reading the queue's versions, then released or archived
    as the task asks, in the same run.
seealso:
  - name: Tracker API, creating a queue version
    description: The fields of a new version.
    link: https://yandex.cloud/en/docs/tracker/concepts/queues/create-version
  - name: Tracker API, getting queue versions
    description: How versions are listed.
    link: https://yandex.cloud/en/docs/tracker/concepts/queues/get-versions
'''

EXAMPLES = r'''
- name: The release's version, planned
  ytracker.tracker.tracker_version:
    queue: REL
    name: "2.0"
    description: The summer release
    start_date: "2026-06-01"
    due_date: "2026-07-01"

- name: Released once it is out
  ytracker.tracker.tracker_version:
    queue: REL
    name: "2.0"
    released: true

- name: An old one archived
  ytracker.tracker.tracker_version:
    queue: REL
    name: "1.1"
    archived: true
'''

RETURN = r'''
version:
  description:
    - The version after the task, as the API answers it.
    - V(null) in check mode when the version would be created.
  returned: always
  type: dict
  sample:
    self: https://api.tracker.yandex.net/v3/versions/49650
    id: 49650
    version: 2
    queue: {self: "https://api.tracker.yandex.net/v3/queues/REL", id: "3", key: REL, display: Releases}
    name: "2.0"
    description: The summer release
    startDate: "2026-06-01"
    dueDate: "2026-07-01"
    released: false
    archived: false
diff:
  description: The version before and after the task, a line per field, each named as its option is (C(due_date)).
  returned: in diff mode
  type: dict
  sample:
    before: ""
    after: "name: 2.0\ndescription: The summer release\nstart_date: 2026-06-01\ndue_date: 2026-07-01\nreleased: false\narchived: false\n"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._flow import run_resource_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import check_queue
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._version_task import QueueVersions
from ansible_collections.ytracker.tracker.plugins.module_utils._versions import wanted_version


ARGUMENT_SPEC = dict(
    queue=dict(type='str', required=True),
    name=dict(type='str', required=True),
    description=dict(type='str'),
    start_date=dict(type='str'),
    due_date=dict(type='str'),
    released=dict(type='bool'),
    archived=dict(type='bool'),
    state=dict(type='str', default='present', choices=['present', 'absent']),
)
MODULE_OPTIONS = dict(
    supports_check_mode=True,
)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        wanted = wanted_version(params)
        params['queue'] = check_queue(params['queue'])
    except ValueError as error:
        module.fail_json(msg=str(error))
    run_resource_task(module, QueueVersions(params, module.warn), wanted)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
