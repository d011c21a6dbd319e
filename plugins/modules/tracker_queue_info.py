#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_queue_info
short_description: Read a Yandex Tracker queue, with what the API can add to it
version_added: 1.0.0
description:
  - Reads a Yandex Tracker queue by its key (or id), with the additional fields O(expand) names.
  - A queue that does not exist, that was deleted or that the token cannot see fails the task (HTTP 404), as an issue
    that is not there fails M(ytracker.tracker.tracker_issue_info). In check mode, M(ytracker.tracker.tracker_queue)
    tells whether a queue would be created.
  - Never changes anything.
  - See R(Provisioning a queue,ansible_collections.ytracker.tracker.docsite.provisioning).
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.info_module
  - ytracker.tracker.connection
  - ytracker.tracker.queue
options:
  expand:
    description:
      - The additional fields of the queue to read, by the values of the API's C(expand) parameter. A value that is not
        one of them is refused before any request.
      - V(all), every one of them; V(projects), the queue's projects; V(components), its components and
        V(versions), its versions (each a short reference with C(self), C(id) and C(display)); V(types), its issue
        types (C(issueTypes)); V(team), its team (C(teamUsers)); V(workflows), its workflows and the issue types of
        each; V(fields), the fields the queue requires (not its local fields); V(issueTypesConfig), the settings of
        its issue types, as M(ytracker.tracker.tracker_queue) compares them.
      - The reference describes C(expand) with one value, and does not say whether Tracker takes several at once. The
        module reads the queue once per value listed and merges the answers, or once with V(all) when that is listed;
        with none, once, without C(expand).
    type: list
    elements: str
    choices: [all, projects, components, versions, types, team, workflows, fields, issueTypesConfig]
    default: []
seealso:
  - module: ytracker.tracker.tracker_queue
  - module: ytracker.tracker.tracker_version_info
  - module: ytracker.tracker.tracker_component_info
  - name: Tracker API, getting queue parameters
    description: What a queue holds, and what C(expand) adds.
    link: https://yandex.cloud/en/docs/tracker/concepts/queues/get-queue
'''

EXAMPLES = r'''
- name: Read the queue with its team and versions
  ytracker.tracker.tracker_queue_info:
    queue: PAY
    expand: [team, versions]
  register: pay

- name: Show who leads it and what it has released
  ansible.builtin.debug:
    msg: "{{ pay.queue.lead.display }}: {{ pay.queue.versions | map(attribute='display') | list }}"

- name: The settings of its issue types, as tracker_queue compares them
  ytracker.tracker.tracker_queue_info:
    queue: PAY
    expand: [issueTypesConfig]
  register: pay_types
'''

RETURN = r'''
queue:
  description:
    - The queue as the API answers it, with the fields O(expand) adds.
    - The lead and the team are users whose C(id) is the uid.
  returned: success
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
    teamUsers:
      - {self: "https://api.tracker.yandex.net/v3/users/1120000000016876", id: "1120000000016876", display: Alice Smith}
    versions:
      - {self: "https://api.tracker.yandex.net/v3/versions/4", id: "4", display: "1.0"}
    denyVoting: false
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._common import one_object
from ansible_collections.ytracker.tracker.plugins.module_utils._options import tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import check_queue
from ansible_collections.ytracker.tracker.plugins.module_utils._queues import EXPANDS, expand_reads, merged
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import queue_hints, queue_path
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_read, run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError


ARGUMENT_SPEC = dict(
    queue=dict(type='str', required=True),
    expand=dict(type='list', elements='str', choices=list(EXPANDS), default=[]),
)
MODULE_OPTIONS = dict(supports_check_mode=True)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        queue = check_queue(params['queue'])
    except ValueError as error:
        module.fail_json(msg=str(error))

    def read(client):
        answers = []
        for expand in expand_reads(params['expand']):
            answer = one_object(client.request_json('GET', queue_path(queue),
                                                    params={'expand': expand} if expand else None,
                                                    hints=queue_hints(queue)))
            if answer is None:
                raise TrackerError('GET %s: the answer is not a queue' % queue_path(queue))
            answers.append(answer)
        return dict(queue=merged(answers))

    run_read(module, read)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
