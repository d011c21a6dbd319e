#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_attachment
short_description: Make sure a Yandex Tracker issue has, or no longer has, an attached file
version_added: 1.0.0
description:
  - Attaches a file (a build log, a test report, a rollout summary) to a Yandex Tracker issue, so that after the task
    the issue has exactly one attachment of that name, with exactly the file's content, however often the task runs.
    Or removes every attachment of that name.
  - The content is compared exactly, not by name alone. The API answers each attachment's size; one of another size
    holds another content, and no download is needed to know it. Where the sizes agree, the attachment is
    downloaded and compared with the file as it streams, and the download stops at the first difference. So a
    task whose file is already attached costs one download of it per run, and per other attachment of that name
    and size; for a file of hundreds of megabytes, that is the time of downloading it each run.
  - A file of another content replaces the attachment; the new file is uploaded first and the old one deleted after
    it, so the issue is never without the file. O(replace=false) keeps any attachment of that name as it is.
  - The file is uploaded as C(multipart/form-data), read from disk as it is sent, never held in memory whole. The
    API takes files up to 1024 MB.
  - An upload whose answer is lost (server error, timeout, dropped connection) is settled by reading the attachments,
    never by uploading again blindly. After uploading, the task reads the attachments once more. Where other runs
    uploaded the same file at the same moment, every run keeps the one with the lowest id and deletes the others.
  - The list the API answers holds the files of the issue and those attached to its comments alike, and tells
    them apart by nothing reliable. Every attachment of that name counts, a comment's too; give a file attached by
    this module a name that no comment's file has.
  - See R(Attachments,ansible_collections.ytracker.tracker.docsite.attachments).
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
      - Reads the attachments, and downloads those of the same name and size to compare them, and tells what would
        change. Nothing is uploaded or deleted.
options:
  src:
    description:
      - The file to attach, a path on the host where the module runs. That is the controller for a task delegated to
        it or run with the C(local) connection, as is usual for this collection; the managed host otherwise.
      - Required with O(state=present). It must be a regular file that the module can read.
      - With O(state=absent), only its file name is used, for O(name); the file need not exist.
    type: path
  name:
    description:
      - The attachment's file name in Tracker. Defaults to the file name of O(src).
      - A file name, not a path, so without a slash; any other characters, non-ASCII ones too. Names compare exactly,
        case included.
      - With O(state=absent), one of O(name) and O(src) is required.
    type: str
  state:
    description:
      - V(present) uploads O(src) when the issue has no attachment of O(name) with its content, deletes every other
        attachment of O(name) (after the upload), and otherwise changes nothing.
      - V(absent) deletes every attachment of O(name).
    type: str
    choices: [present, absent]
    default: present
  replace:
    description:
      - With V(false), an attachment of O(name) that the issue has already is kept, whatever its content, and nothing
        is downloaded to compare it; the file is uploaded only when the issue has none of that name.
    type: bool
    default: true
seealso:
  - module: ytracker.tracker.tracker_attachment_info
  - name: Tracker API, attaching a file
    description: The upload of a file to an issue.
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/post-attachment
  - name: Tracker API, getting a list of attached files
    description: The list holds the files of the issue and of its comments.
    link: https://yandex.cloud/en/docs/tracker/concepts/issues/get-attachments-list
'''

EXAMPLES = r'''
- name: Attach the build log to the release issue, once however often the pipeline runs
  ytracker.tracker.tracker_attachment:
    issue: REL-42
    src: "{{ playbook_dir }}/build/build.log"
  run_once: true

- name: Attach the test report under a name of its own
  ytracker.tracker.tracker_attachment:
    issue: REL-42
    src: /tmp/junit.xml
    name: "tests-{{ version }}.xml"

- name: Attach the rollout summary only if the issue has none yet
  ytracker.tracker.tracker_attachment:
    issue: REL-42
    src: /tmp/rollout.md
    replace: false

- name: Remove the build log
  ytracker.tracker.tracker_attachment:
    issue: REL-42
    name: build.log
    state: absent
'''

RETURN = r'''
attachment:
  description:
    - With O(state=present), the attachment uploaded or found, as the API answers it.
    - V(null) with O(state=absent), and in check mode when the file would be uploaded.
  returned: always
  type: dict
  sample:
    self: https://api.tracker.yandex.net/v3/attachments/4159
    id: "4159"
    name: build.log
    content: https://api.tracker.yandex.net/v3/issues/REL-42/attachments/4159/build.log
    createdBy: {id: "1100000", display: Release Robot}
    createdAt: "2026-07-19T06:18:09.327+0000"
    mimetype: text/plain
    size: 12741
removed:
  description: The attachments deleted, or that check mode would delete, as the API listed them.
  returned: always
  type: list
  elements: dict
  sample: []
diff:
  description:
    - The attachments of O(name) before and after the task, one line each, with their size and id; the file to
      upload with its size and path.
  returned: in diff mode
  type: dict
  sample:
    before: "build.log, 12003 bytes, attachment 4158\n"
    after: "build.log, 12741 bytes, from /home/ci/build/build.log\n"
'''

import os

from ansible_collections.ytracker.tracker.plugins.module_utils._attachment_task import IssueAttachments
from ansible_collections.ytracker.tracker.plugins.module_utils._attachments import WantedAttachment, check_name
from ansible_collections.ytracker.tracker.plugins.module_utils._flow import run_resource_task
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue, tracker_module


ARGUMENT_SPEC = dict(
    issue=dict(type='str', required=True),
    src=dict(type='path'),
    name=dict(type='str'),
    state=dict(type='str', default='present', choices=['present', 'absent']),
    replace=dict(type='bool', default=True),
)
MODULE_OPTIONS = dict(
    supports_check_mode=True,
    # With state=absent, name alone says which attachments go.
    required_if=[('state', 'present', ['src']), ('state', 'absent', ['src', 'name'], True)],
)


def readable_file(src):
    """The size of the file ``src``; ValueError, naming it, when it is no regular file this process can read."""
    if not os.path.exists(src):
        raise ValueError('src %s does not exist' % src)
    if not os.path.isfile(src):
        raise ValueError('src %s is not a regular file' % src)
    try:
        with open(src, 'rb'):
            pass
    except (IOError, OSError) as error:
        raise ValueError('src %s cannot be read: %s' % (src, error.strerror or error))
    return os.path.getsize(src)


def wanted_attachment(params):
    """The WantedAttachment of a task's options; ValueError when they name none."""
    if params['state'] == 'present' and not params['src']:
        raise ValueError('src is required with state=present: it is the file to attach')
    name = params['name'] if params['name'] is not None else os.path.basename(params['src'] or '')
    check_name(name, 'name' if params['name'] is not None else 'the file name of src')
    if params['state'] == 'absent':
        return WantedAttachment(name, None, None)
    return WantedAttachment(name, params['src'], readable_file(params['src']))


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        params['issue'] = check_issue(params['issue'])
        wanted = wanted_attachment(params)
    except ValueError as error:
        module.fail_json(msg=str(error))
    run_resource_task(module, IssueAttachments(params, wanted), wanted)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
