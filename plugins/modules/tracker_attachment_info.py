#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_attachment_info
short_description: List the attached files of a Yandex Tracker issue, and download one
version_added: 1.0.0
description:
  - Lists the files attached to a Yandex Tracker issue, optionally only those of one name or one id. The list holds
    the files of the issue and of its comments alike, as the API answers it.
  - With O(dest), also downloads one of them, as C(ansible.builtin.get_url) downloads a file, to the host where the
    module runs (the controller for a task delegated to it or run with the C(local) connection). The download is
    streamed to a temporary file in the directory of O(dest), checked against O(checksum), then renamed over
    O(dest), so O(dest) is never half written. O(dest) is replaced only when its content differs.
  - Changes nothing in Tracker. Reports a change only when the file at O(dest) changed, its content or its mode.
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.info_module
  - ytracker.tracker.connection
  - ytracker.tracker.issue
attributes:
  check_mode:
    details: With O(dest), the attachment is downloaded and compared with the file at O(dest) as it streams; no file
      is written.
options:
  name:
    description:
      - Only the attachments of this file name. Names compare exactly, case included.
      - With O(dest), the one to download; the task fails when several have the name (give O(id) then).
    type: str
  id:
    description:
      - Only the attachment of this id.
    type: str
  dest:
    description:
      - Download the attachment that O(name) or O(id) selects to this path. One of them is required then, and must
        select exactly one attachment.
      - A directory that exists, to download to a file of the attachment's name in it; or a file path, in a
        directory that exists.
      - When the file is there already, it is downloaded again and replaced only when its content differs, unless
        O(force=false) or O(checksum) says there is no need.
    type: path
  force:
    description:
      - With V(false), a file at O(dest) is left as it is, not downloaded again, as with C(ansible.builtin.get_url).
      - With V(true) (the default, unlike C(get_url)), it is downloaded again to compare it, so that O(dest) always
        ends with the attachment's content.
    type: bool
    default: true
  checksum:
    description:
      - The checksum the downloaded file must have, V(<algorithm>:<hex digest>), for example V(sha256:9f86d08...).
        Any algorithm of Python's C(hashlib), V(sha256), V(sha512), V(sha1) or V(md5) for example.
      - A download of another checksum fails the task and leaves O(dest) as it was.
      - A file at O(dest) of this checksum is not downloaded again.
    type: str
  mode:
    description:
      - The permissions of the file at O(dest), as an octal number, quoted (V('0644')). Symbolic modes are not
        supported.
      - Without it, a file that is there keeps its mode, and a new one gets the mode of the umask.
    type: raw
seealso:
  - module: ytracker.tracker.tracker_attachment
  - module: ansible.builtin.get_url
'''

EXAMPLES = r'''
- name: Read every attachment of the issue
  ytracker.tracker.tracker_attachment_info:
    issue: REL-42
  register: release_files

- name: Show their names and sizes
  ansible.builtin.debug:
    msg: "{{ release_files.attachments | items2dict(key_name='name', value_name='size') }}"

- name: Download the build log next to the playbook
  ytracker.tracker.tracker_attachment_info:
    issue: REL-42
    name: build.log
    dest: "{{ playbook_dir }}/build.log"
    mode: '0644'

- name: Download the release notes, which must be the ones signed off
  ytracker.tracker.tracker_attachment_info:
    issue: REL-42
    name: release-notes.md
    dest: /srv/www/
    checksum: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
'''

RETURN = r'''
attachments:
  description: The issue's attachments, of O(name) or O(id) only when given, as the API returns them, in its order.
  returned: success
  type: list
  elements: dict
  sample:
    - self: https://api.tracker.yandex.net/v3/attachments/4159
      id: "4159"
      name: build.log
      content: https://api.tracker.yandex.net/v3/issues/REL-42/attachments/4159/build.log
      createdBy: {id: "1100000", display: Release Robot}
      createdAt: "2026-07-19T06:18:09.327+0000"
      mimetype: text/plain
      size: 12741
dest:
  description: The file downloaded to.
  returned: with O(dest)
  type: str
  sample: /srv/www/release-notes.md
downloaded:
  description: Whether the attachment was downloaded, whether or not the file then changed.
  returned: with O(dest)
  type: bool
  sample: true
checksum:
  description:
    - The checksum of the file at O(dest) after the task, with the algorithm of O(checksum), else sha256.
    - V(null) in check mode when the file would change.
  returned: with O(dest)
  type: str
  sample: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
mode:
  description: The permissions of the file at O(dest) after the task, in octal.
  returned: with O(dest)
  type: str
  sample: '0644'
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._attachment_download import (
    Download,
    check_checksum,
    check_dest,
    check_mode_option,
    download,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._attachments import attachment_id, check_name
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import exit_task, fail_task, run_task, tracker_client
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue, tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import attachments_path, issue_hints
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError


ARGUMENT_SPEC = dict(
    issue=dict(type='str', required=True),
    name=dict(type='str'),
    id=dict(type='str'),
    dest=dict(type='path'),
    force=dict(type='bool', default=True),
    checksum=dict(type='str'),
    mode=dict(type='raw'),
)
MODULE_OPTIONS = dict(
    supports_check_mode=True,
    required_by={'checksum': 'dest', 'mode': 'dest'},
)


def wanted_download(params):
    """The Download a task asks for, or None without dest; ValueError when it could not be done."""
    if params['dest'] is None:
        return None
    if params['name'] is None and params['id'] is None:
        raise ValueError('dest needs name or id: which attachment to download')
    return Download(check_dest(params['dest']), check_mode_option(params['mode']),
                    check_checksum(params['checksum']), params['force'])


def the_one(attachments, params):
    """The one attachment to download; TrackerError when the list holds none or several."""
    if len(attachments) == 1:
        return attachments[0]
    asked = ' and '.join('%s %r' % (option, params[option]) for option in ('name', 'id') if params[option] is not None)
    if not attachments:
        raise TrackerError('issue %s has no attachment of %s' % (params['issue'], asked))
    raise TrackerError('issue %s has %d attachments of %s (ids %s): give id to choose one'
                       % (params['issue'], len(attachments), asked,
                          ', '.join(attachment_id(attachment) for attachment in attachments)))


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        params['issue'] = check_issue(params['issue'])
        if params['name'] is not None:
            check_name(params['name'])
        wanted = wanted_download(params)
    except ValueError as error:
        module.fail_json(msg=str(error))
    client = tracker_client(module)
    result = dict(changed=False)
    try:
        found = client.get_all(attachments_path(params['issue']), hints=issue_hints(params['issue']))
        result['attachments'] = [attachment for attachment in found
                                 if (params['name'] is None or attachment.get('name') == params['name'])
                                 and (params['id'] is None or attachment_id(attachment) == params['id'])]
        if wanted is not None:
            result.update(download(client, params['issue'], the_one(result['attachments'], params), wanted,
                                   module.check_mode))
    except (TrackerError, IOError, OSError) as error:
        if not isinstance(error, TrackerError):
            error = TrackerError('dest %s: %s' % (params['dest'], getattr(error, 'strerror', None) or error))
        fail_task(module, client, error)
    exit_task(module, client, **result)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
