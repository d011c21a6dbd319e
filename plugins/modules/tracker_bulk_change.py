#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_bulk_change
short_description: Bring every Yandex Tracker issue that a search finds to the same fields and status
version_added: 1.0.0
description:
  - Finds issues by O(keys), O(queue), O(filter) or O(query), every page, compares each with the fields and the
    status the task names, exactly as M(ytracker.tracker.tracker_issue) compares one issue, and changes only
    those that differ, with as few of Tracker's bulk operations as the differences need.
  - Issues that need the same field values are changed by one bulk update; issues that need the same transition
    by one bulk transition, with O(resolution) and O(transition_fields). Updates go first, then transitions. An
    operation holds at most 10,000 issues, Tracker's limit; more are split.
  - Tracker carries out a bulk operation in the background. The task reads each one until it is over (see O(wait)),
    then reads the issues it changed again, in a search by their keys, and reports, per issue, what changed. With nothing to change, the task sends the search
    only (one request per 50 issues), and one more per login it must look up.
  - The transitions to O(status) are read once per queue, issue type and status among the issues that must move,
    not once per issue. When an issue cannot reach O(status) from where it is, the task fails before writing
    anything, naming it, unless O(skip_unreachable=true).
  - See R(Bulk changes,ansible_collections.ytracker.tracker.docsite.release_workflow) in the release workflow guide.
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.module
  - ytracker.tracker.connection
  - ytracker.tracker.issue.search
  - ytracker.tracker.issue.fields
attributes:
  check_mode:
    details: Searches, reads the users, versions, components and transitions that comparing needs, and writes nothing.
options:
  skip_unreachable:
    description:
      - Leave alone the issues from whose status no transition leads to O(status), list them under RV(left_alone),
        and change the others. By default such an issue fails the task before anything is written.
    type: bool
    default: false
  notify:
    description:
      - Whether Tracker notifies the users of each issue changed (its C(notify) parameter). Tracker's own default,
        when not given, is not to notify.
    type: bool
  wait:
    description:
      - Read each bulk operation until it is over, then read the issues again to report what changed.
      - V(false) returns once the operations are created, with their IDs under RV(operations); whether they
        succeed is then for a later run of the task (or M(ytracker.tracker.tracker_issue_info)) to tell.
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds, from the first operation sent, to wait for the operations to be over, at most. Must be
        0 or more. An operation still running then fails the task, which names it; it may still finish later.
    type: int
    default: 300
notes:
  - Exactly one of O(keys), O(queue), O(filter) and O(query) is required, and at least one field or O(status).
  - Every issue changed may notify its assignee, author and followers when O(notify=true).
  - A bulk operation is sent again when its answer is lost, which is safe. It asks for a state, not a step, so a
    second one finds nothing left to do.
seealso:
  - module: ytracker.tracker.tracker_issue
  - module: ytracker.tracker.tracker_issue_info
  - name: Tracker API, bulk changes
    description: Bulk updates and transitions, and the status of a bulk operation.
    link: https://yandex.cloud/en/docs/tracker/concepts/bulkchange/bulk-update-issues
'''

EXAMPLES = r'''
- name: Close the resolved issues fixed in 2.7.0
  ytracker.tracker.tracker_bulk_change:
    query: 'Queue: REL "Fix Version": "2.7.0" Status: resolved'
    status: closed
    resolution: fixed

- name: Every open issue of the api component goes to alice, tagged
  ytracker.tracker.tracker_bulk_change:
    filter:
      queue: OPS
      components: api
      status: open
    assignee: alice
    tags: [reorg-2026]

- name: Mark the issues found after the incident as affecting 2.6.1, notifying their users
  ytracker.tracker.tracker_bulk_change:
    keys: [INC-301, INC-302, INC-305]
    affected_versions: ['2.6.1']
    notify: true
  register: marked

- name: Show what changed
  ansible.builtin.debug:
    msg: "{{ marked.changes | map(attribute='key') | list }}"
'''

RETURN = r'''
matched:
  description: How many issues the search found.
  returned: always
  type: int
  sample: 200
changes:
  description:
    - The issues that changed (in check mode, that would change), each with the fields the task names and the
      status, before and after, as the diff shows them. Only those that differ are listed.
    - After a run that waited, as they are read again; with O(wait=false), as planned.
  returned: always
  type: list
  elements: dict
  sample:
    - key: REL-12
      before: {status: resolved}
      after: {status: closed}
    - key: REL-14
      before: {priority: normal, status: resolved}
      after: {priority: critical, status: closed}
left_alone:
  description: With O(skip_unreachable=true), the issues left alone because no transition leads to O(status).
  returned: always
  type: list
  elements: dict
  sample:
    - key: REL-20
      status: open
operations:
  description:
    - The bulk operations sent, each as last read. C(kind) is V(update) or V(transition), C(issues) the keys it
      changes; C(status) is Tracker's, V(COMPLETE) or V(FAILED) once over, V(CREATED) with O(wait=false).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 593cd211ef7e8a332414f2a7
      kind: transition
      transition: close
      issues: [REL-12, REL-14]
      status: COMPLETE
      statusText: Bulk change completed.
diff:
  description:
    - A summary line, then for each issue that changes one line per field that changes, before and after.
  returned: in diff mode
  type: dict
  sample:
    before: "200 issues found, 2 to change\nREL-12 status: resolved\nREL-14 status: resolved\n"
    after: "200 issues found, 2 to change\nREL-12 status: closed\nREL-14 status: closed\n"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._bulk_task import BulkTask
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import carry_out
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_fields import FIELD_SPEC, WantedIssue
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_search import SEARCH_SPEC, SEARCHES, search_body
from ansible_collections.ytracker.tracker.plugins.module_utils._options import tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task, tracker_client

TASK_OPTIONS = ('skip_unreachable', 'notify', 'wait', 'wait_timeout')
ARGUMENT_SPEC = dict(
    skip_unreachable=dict(type='bool', default=False),
    notify=dict(type='bool'),
    wait=dict(type='bool', default=True),
    wait_timeout=dict(type='int', default=300),
    **dict(SEARCH_SPEC, **FIELD_SPEC)
)
MODULE_OPTIONS = dict(
    mutually_exclusive=[SEARCHES],
    required_one_of=[SEARCHES],
    supports_check_mode=True,
)


def wanted_issues(params):
    """What every issue must have; ValueError, one line, for anything unusable."""
    # The search's queue is not where an issue is created: the WantedIssue names no issue of its own.
    wanted = WantedIssue(dict(params, key=None, unique=None, queue=None))
    if not wanted.fields and wanted.status is None:
        raise ValueError('name at least one field or a status that the issues must have')
    if params['wait_timeout'] < 0:
        raise ValueError('wait_timeout must be 0 or more')
    return wanted


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        wanted = wanted_issues(params)
        search = search_body(params)
    except ValueError as error:
        module.fail_json(msg=str(error))
    options = dict((name, params[name]) for name in TASK_OPTIONS)
    carry_out(module, BulkTask(tracker_client(module), wanted, search, options, module.check_mode))


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
