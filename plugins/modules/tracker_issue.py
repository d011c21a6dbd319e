#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_issue
short_description: Create a Yandex Tracker issue once, set its fields and move it to a status
version_added: 1.0.0
description:
  - Makes sure a Yandex Tracker issue exists, has the fields the task names and is in the status it names.
  - The issue is O(key), an existing issue, or the one whose C(unique) field is O(unique). With O(unique) the
    task searches first and creates the issue only when none has that value. Tracker refuses a second issue with
    the same C(unique) (HTTP 409), so however many hosts run the task at once, one issue exists afterwards and
    every run goes on with it.
  - Each field the task names is compared with the issue as Tracker answers it, and only the fields that differ
    are sent, in one C(PATCH) that carries the version read. A field the task does not name is never touched.
    With nothing to change, a task with O(key) sends one request, and one more per login it must look up
    (see O(assignee)), and one more for versions, and for components, that the issue does not show by name.
  - A status changes only through a transition. When the issue is not in O(status), the task runs the transition
    that leads there from the issue's current status, and fails, before writing anything, when there is none.
  - Order within a task, create, then fields, then status.
  - The Tracker API reference offers no deletion of issues, so the module has no C(state=absent); close an
    issue with O(status) instead.
  - See R(Issues,ansible_collections.ytracker.tracker.docsite.issues) for what is compared and how, and what
    Tracker may notify on each change.
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.module
  - ytracker.tracker.connection
  - ytracker.tracker.issue.fields
attributes:
  check_mode:
    details: Reads the issue, the users, versions and components it names and its transitions, and writes nothing.
options:
  key:
    description:
      - Key (V(QUEUE-123)) or ID of an existing issue.
      - Exactly one of O(key) and O(unique) is required.
    type: str
  unique:
    description:
      - A value of the issue's C(unique) field, which Tracker keeps unique in the organization, such as
        V(release-{{ version }}).
      - The task finds the issue with that value, and creates it in O(queue) with O(summary) when there is none.
      - Exactly one of O(key) and O(unique) is required.
    type: str
  queue:
    description:
      - Key (V(OPS)) or ID of the queue in which to create the issue. Needed, with O(summary), to create one.
      - Only used to create the issue; an issue found by O(unique) stays in its queue. Not with O(key).
      - The versions and components a new issue names are looked up in this queue.
    type: str
notes:
  - Every change of an issue may notify its assignee, author and followers, as Tracker does for changes made in
    its interface. That is why a field already right sends nothing.
seealso:
  - module: ytracker.tracker.tracker_issue_info
  - module: ytracker.tracker.tracker_issue_link
  - name: Tracker API, creating an issue
    description: The fields of a new issue, and C(unique).
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/create-issue
  - name: Tracker API, status transitions
    description: How a transition is executed, with its fields.
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/new-transition
'''

EXAMPLES = r'''
- name: One release issue per version, however many hosts deploy it
  ytracker.tracker.tracker_issue:
    unique: "release-{{ release_version }}"
    queue: REL
    summary: "Release {{ release_version }}"
    type: task
    priority: normal
    assignee: "{{ release_manager }}"
    tags: [release, "v{{ release_version }}"]
  register: release_issue

- name: Link the build to it
  ytracker.tracker.tracker_remote_link:
    issue: "{{ release_issue.issue.key }}"
    origin: ru.yandex.teamcity
    key: "build-{{ build_number }}"

- name: Work on it
  ytracker.tracker.tracker_issue:
    key: "{{ release_issue.issue.key }}"
    status: inProgress

- name: Close the incident once the fix is live, with a comment
  ytracker.tracker.tracker_issue:
    key: INC-301
    status: closed
    resolution: fixed
    transition_fields:
      comment: "Fixed by release {{ release_version }}"

- name: Open the release issue of 2.7.0, for the backend and the frontend
  ytracker.tracker.tracker_issue:
    unique: release-2.7.0
    queue: REL
    summary: Release 2.7.0
    fix_versions: ['2.7.0']
    components: [backend, frontend]

- name: Found in 2.6.1 only, whatever the issue said before
  ytracker.tracker.tracker_issue:
    key: INC-301
    affected_versions: ['2.6.1']
    purge_affected_versions: true

- name: Exactly these followers and tags, and a local field of the queue
  ytracker.tracker.tracker_issue:
    key: OPS-12
    followers: [alice, bob]
    purge_followers: true
    tags: [maintenance]
    purge_tags: true
    fields:
      storyPoints: 3
'''

RETURN = r'''
issue:
  description:
    - The issue as the API answers it after the task.
    - In check mode, the issue as read; V(null) when it would be created.
  returned: always
  type: dict
  sample:
    self: https://api.tracker.yandex.net/v3/issues/REL-42
    id: 593cd211ef7e8a332414f2a7
    key: REL-42
    version: 4
    summary: Release 1.2.0
    unique: release-1.2.0
    queue: {id: "3", key: REL, display: Releases}
    type: {id: "2", key: task, display: Task}
    priority: {id: "3", key: normal, display: Normal}
    status: {id: "3", key: inProgress, display: In progress}
    assignee: {id: "1120000000016876", display: Alice Smith}
    tags: [release, v1.2.0]
    fixVersions: [{self: "https://api.tracker.yandex.net/v3/versions/4", id: "4", display: 1.2.0}]
    components: [{self: "https://api.tracker.yandex.net/v3/components/7", id: "7", display: backend}]
created:
  description:
    - Whether this task created the issue (in check mode, would create it).
    - V(false) when another run created it a moment earlier.
  returned: always
  type: bool
  sample: true
diff:
  description:
    - The fields the task names, and the status, before and after the task, one a line.
    - Users show by the task's login when it names them, lists sorted and joined with commas, objects by key.
  returned: in diff mode
  type: dict
  sample:
    before: "summary: Release 1.2.0\npriority: normal\nstatus: open\n"
    after: "summary: Release 1.2.0\npriority: critical\nstatus: inProgress\n"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._issue_fields import FIELD_SPEC, WantedIssue
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_task import run_issue_task
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import tracker_module


ARGUMENT_SPEC = dict(
    key=dict(type='str', no_log=False),
    unique=dict(type='str'),
    queue=dict(type='str'),
    **FIELD_SPEC
)
MODULE_OPTIONS = dict(
    mutually_exclusive=[('key', 'unique'), ('key', 'queue')],
    required_one_of=[('key', 'unique')],
    supports_check_mode=True,
)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    try:
        wanted = WantedIssue(module.params)
    except ValueError as error:
        module.fail_json(msg=str(error))
    run_issue_task(module, wanted)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
