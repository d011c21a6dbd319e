#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_worklog
short_description: Make sure a Yandex Tracker issue has, or no longer has, a record of time spent
version_added: 1.0.0
description:
  - Records time spent on a Yandex Tracker issue once, for example a maintenance window, however often the task runs;
    edits its duration and comment in place when they should change; or deletes it.
  - A record is identified by its O(start) and its author, the token's user. Records that other users logged for
    the same start are never touched.
  - Durations are compared as Tracker counts them, in business time, with 5-day weeks and 8-hour days, so
    V(P5D) and the V(P1W) Tracker answers for it are the same duration, and a re-run never edits a record whose
    duration only looks different.
  - Reads the issue's records once before it writes, and asks who the token's user is (C(GET /myself)) only when a
    record of O(start) is there. With nothing to change, a task sends those two requests.
  - An add whose answer is lost is resolved by reading the records, never by adding again blindly. After adding, the
    module reads them once more; where other runs added the same record at the same moment, every run keeps the one
    with the lowest id and deletes the others.
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
      - Reads the records and tells what would change.
options:
  start:
    description:
      - When the work started, as a moment (V(2026-12-03T22:00:00+03:00)) or a date (midnight). Without a zone, in UTC.
      - Give a moment that stays the same from run to run, such as the window's planned start. The time a play runs
        (C(ansible_date_time)) differs at every run, so each run would log a record of its own.
      - It identifies the record, compared as an instant, since Tracker answers every start in UTC. It cannot change,
        since a record of another start is another record.
    type: str
    required: true
  duration:
    description:
      - The time spent, as ISO 8601 (V(PT1H30M), V(P1D), V(P1W)) or as playbooks write it (V(1h30m), V(90m), V(2d 4h),
        V(1w)). A day is 8 hours and a week 5 days, as Tracker counts them. Years and months are refused, having no
        length in that calendar.
      - Required with O(state=present). Sent in Tracker's own form, V(PT90M) as V(PT1H30M).
    type: str
  comment:
    description:
      - The record's comment, shown in Tracker's time spent report. Left as it is when not given.
      - Compared without the whitespace around it.
    type: str
  state:
    description:
      - V(present) adds the record when the token's user has none of O(start), and edits the one it has when its
        duration or comment differ (the one with the lowest id when there are several).
      - V(absent) deletes every record of O(start) of the token's user.
    type: str
    choices: [present, absent]
    default: present
seealso:
  - name: Tracker API, adding a record of time spent
    description: The fields of a record, and how durations are counted.
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/new-worklog
  - name: Tracker API, editing a record of time spent
    description: What an edit may change.
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/patch-worklog
'''

EXAMPLES = r'''
- name: Log the maintenance window, once
  ytracker.tracker.tracker_worklog:
    issue: REL-42
    start: "2026-12-03T22:00:00+03:00"
    duration: 1h30m
    comment: Maintenance window of release 2.7.0

- name: The window took longer
  ytracker.tracker.tracker_worklog:
    issue: REL-42
    start: "2026-12-03T22:00:00+03:00"
    duration: PT2H

- name: Take it back
  ytracker.tracker.tracker_worklog:
    issue: REL-42
    start: "2026-12-03T22:00:00+03:00"
    state: absent
'''

RETURN = r'''
worklog:
  description:
    - With O(state=present), the record added, edited or found, as the API answers it.
    - V(null) with O(state=absent). In check mode, a record to add is shown as it would be sent, without an id.
  returned: always
  type: dict
  sample:
    self: https://api.tracker.yandex.net/v3/issues/REL-42/worklog/1
    id: 1
    version: 1402121720882
    issue: {id: 515ec9eae4b09cfa984e2047, key: REL-42, display: Release 2.7.0}
    comment: Maintenance window of release 2.7.0
    createdBy: {id: robot-release, display: Release Robot}
    start: "2026-12-03T19:00:00.000+0000"
    duration: PT1H30M
removed:
  description: The records deleted, or that check mode would delete, as the API returned them.
  returned: always
  type: list
  elements: dict
  sample: []
diff:
  description:
    - The record before and after the task, its start in UTC, its duration as Tracker writes it, and its comment.
  returned: in diff mode
  type: dict
  sample:
    before: "2026-12-03T19:00:00Z PT1H30M: Maintenance window of release 2.7.0\n"
    after: "2026-12-03T19:00:00Z PT2H: Maintenance window of release 2.7.0\n"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._flow import run_resource_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue, tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._worklog import wanted_record
from ansible_collections.ytracker.tracker.plugins.module_utils._worklog_task import Worklog

ARGUMENT_SPEC = dict(
    issue=dict(type='str', required=True),
    start=dict(type='str', required=True),
    duration=dict(type='str'),
    comment=dict(type='str'),
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
        wanted = wanted_record(params['start'], params['duration'], params['comment'], params['state'])
    except ValueError as error:
        module.fail_json(msg=str(error))
    run_resource_task(module, Worklog(params, wanted), wanted)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
