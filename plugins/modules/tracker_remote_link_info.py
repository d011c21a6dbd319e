#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_remote_link_info
short_description: List the external links of a Yandex Tracker issue
version_added: 1.0.0
description:
  - Lists the external links of a Yandex Tracker issue, every page of them, optionally only those of one
    application or one object.
  - Never changes anything.
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.info_module
  - ytracker.tracker.connection
  - ytracker.tracker.issue
options:
  origin:
    description:
      - Only the links to objects of this application, for example V(ru.yandex.bitbucket).
      - The application is recognised wherever Tracker names it, in C(object.application) or in C(object.self).
    type: str
  key:
    description:
      - Only the links to the object with this key.
    type: str
seealso:
  - module: ytracker.tracker.tracker_remote_link
'''

EXAMPLES = r'''
- name: Read every external link of the issue
  ytracker.tracker.tracker_remote_link_info:
    issue: REL-42
  register: release_links

- name: Find the pull requests linked to the issue
  ytracker.tracker.tracker_remote_link_info:
    issue: REL-42
    origin: ru.yandex.bitbucket
  register: pull_requests

- name: Show their keys
  ansible.builtin.debug:
    msg: "{{ pull_requests.links | map(attribute='object') | map(attribute='key') | list }}"
'''

RETURN = r'''
links:
  description: The issue's external links, as the API returns them, in the API's order.
  returned: success
  type: list
  elements: dict
  sample:
    - id: 51455195
      self: https://api.tracker.yandex.net/v3/issues/REL-42/remotelinks/51455195
      type: {id: relates, inward: Linked, outward: Linked}
      direction: outward
      object:
        id: "1357001000"
        key: PR-1001
        application: {id: ru.yandex.bitbucket, type: app, name: Bitbucket}
      createdAt: "2026-07-19T06:18:09.327+0000"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._links import link_key, link_origins
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_read, run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue, tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import issue_hints, links_path


ARGUMENT_SPEC = dict(
    issue=dict(type='str', required=True),
    origin=dict(type='str'),
    key=dict(type='str', no_log=False),
)
MODULE_OPTIONS = dict(supports_check_mode=True)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        params['issue'] = check_issue(params['issue'])
    except ValueError as error:
        module.fail_json(msg=str(error))

    def read(client):
        links = client.get_all(links_path(params['issue'], 'remotelinks'), hints=issue_hints(params['issue']))
        return dict(links=[link for link in links
                           if (params['origin'] is None or params['origin'] in link_origins(link))
                           and (params['key'] is None or link_key(link) == params['key'])])

    run_read(module, read)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
