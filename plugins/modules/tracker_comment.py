#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_comment
short_description: Make sure a Yandex Tracker issue has, or no longer has, a comment
version_added: 1.0.0
description:
  - Posts a comment to a Yandex Tracker issue once, edits it in place when its text should change, and leaves it
    alone when it is right, however often the task runs. Or deletes it.
  - The task finds its comment by O(marker), a string the comment's text contains, so a report that changes from
    run to run (V(web 1.4 is live on 12 hosts)) stays one comment. Without O(marker), the whole text identifies the
    comment.
  - Reads every comment of the issue, every page of them, before it writes. With nothing to change, a task sends
    one request per page of comments (one for up to 50 comments).
  - A post whose answer is lost (server error, timeout, dropped connection) is resolved by reading the comments,
    never by posting again blindly. After posting, it reads the comments once more. Where other runs posted the same
    comment at the same moment, every run keeps the one with the lowest id and deletes the others.
  - Tracker lets only its author edit a comment. When the comment O(marker) finds was written by another user and
    its text has to change, the task fails and names the comment; it never posts a second one beside it.
  - See R(Comments,ansible_collections.ytracker.tracker.docsite.comments).
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
      - Reads the comments and tells what would change. It cannot tell in advance that Tracker would refuse to edit
        or delete a comment of another user.
options:
  text:
    description:
      - The comment's text, in Tracker's markup (Yandex Flavored Markdown). A YAML block scalar (C(|)) keeps its
        line breaks.
      - Required, and not empty, with O(state=present).
      - When O(marker) is set and O(text) does not contain it, the module adds O(marker) at the end, after a blank
        line, as a paragraph of its own. Tracker shows it as it is written, as the last line of the comment, since the
        reference documents no markup that hides text.
      - Texts are compared with every line ending as a line feed, without blank lines before them and without
        whitespace after them. The indentation of the first line counts, since it makes a code block.
      - With O(state=absent) and O(marker), not used.
    type: str
  marker:
    description:
      - A string that identifies the comment. The comment of the issue whose text contains it is the task's comment.
      - It counts only as a whole, not as a piece of a longer word or marker, so V(report:web) does not find the
        comment of V(report:web-rollout).
      - Choose one that no other text would contain, for example V(report:web-rollout). One line.
      - Without O(marker), the comment whose text is O(text) is the task's comment, and a task never edits one.
    type: str
  state:
    description:
      - V(present) posts the comment when the issue has none that the task identifies, edits the one it has when its
        text differs from O(text) (the one with the lowest id when O(marker) finds several), and otherwise changes
        nothing.
      - V(absent) deletes every comment that the task identifies, by O(marker), else by O(text).
    type: str
    choices: [present, absent]
    default: present
  summonees:
    description:
      - Logins or IDs of users to summon in a new comment, as the reference's C(summonees) for adding a comment.
      - Only when the comment is posted; an edit summons nobody, and the reference documents no summonees for one.
    type: list
    elements: str
  add_to_followers:
    description:
      - Whether Tracker adds the token's user to the issue's followers when the comment is posted (the reference's
        C(isAddToFollowers), which Tracker turns on unless told otherwise).
      - Off by default, so that a pipeline's report does not subscribe its robot to every issue it reports to.
    type: bool
    default: false
seealso:
  - name: Tracker API, adding a comment
    description: The fields of a new comment.
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/add-comment
  - name: Tracker API, getting issue comments
    description: How comments are listed and paged.
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/get-comments
'''

EXAMPLES = r'''
- name: Report the rollout in the release issue, one comment however often the pipeline runs
  ytracker.tracker.tracker_comment:
    issue: REL-42
    marker: "report:web-rollout"
    text: |
      web {{ version }} is live on {{ ansible_play_hosts | length }} hosts.
      Logs: https://ci.example.com/builds/{{ build_id }}
  run_once: true

- name: Say it once, and page the release manager when the comment is posted
  ytracker.tracker.tracker_comment:
    issue: REL-42
    text: The release branch is frozen.
    summonees:
      - release-manager

- name: Remove the report
  ytracker.tracker.tracker_comment:
    issue: REL-42
    marker: "report:web-rollout"
    state: absent
'''

RETURN = r'''
comment:
  description:
    - With O(state=present), the comment posted, edited or found, as the API answers it.
    - V(null) with O(state=absent), and in check mode when the comment would be posted.
  returned: always
  type: dict
  sample:
    self: https://api.tracker.yandex.net/v3/issues/REL-42/comments/626
    id: 626
    longId: 5fa15a24ac894475dd14ff07
    text: "web 1.4 is live on 12 hosts.\n\nreport:web-rollout"
    createdBy: {id: "1100000", display: Release Robot}
    createdAt: "2026-07-19T06:18:09.327+0000"
    updatedAt: "2026-07-19T06:18:09.327+0000"
    version: 1
removed:
  description: The comments deleted, or that check mode would delete, as the API returned them.
  returned: always
  type: list
  elements: dict
  sample: []
diff:
  description:
    - The comment's text before and after the task.
    - With O(state=absent), before is the text of each comment to delete, one after another.
  returned: in diff mode
  type: dict
  sample:
    before: "web 1.3 is live on 12 hosts.\n\nreport:web-rollout\n"
    after: "web 1.4 is live on 12 hosts.\n\nreport:web-rollout\n"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._comment_task import IssueComments
from ansible_collections.ytracker.tracker.plugins.module_utils._comments import wanted_comment
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import run_resource_task
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue, tracker_module


ARGUMENT_SPEC = dict(
    issue=dict(type='str', required=True),
    text=dict(type='str'),
    marker=dict(type='str'),
    state=dict(type='str', default='present', choices=['present', 'absent']),
    summonees=dict(type='list', elements='str'),
    add_to_followers=dict(type='bool', default=False),
)
MODULE_OPTIONS = dict(
    supports_check_mode=True,
)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        params['issue'] = check_issue(params['issue'])
        if any(not (name or '').strip() for name in params['summonees'] or []):
            raise ValueError('summonees must not hold an empty login or ID')
        wanted = wanted_comment(params['text'], params['marker'], params['state'])
    except ValueError as error:
        module.fail_json(msg=str(error))
    run_resource_task(module, IssueComments(params), wanted)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
