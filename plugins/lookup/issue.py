# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
name: issue
short_description: Read Yandex Tracker issues by key
version_added: 1.0.0
description:
  - Reads each issue the terms name (C(GET /v3/issues/<key>)), one request per issue, on the controller, and returns
    them as the API answers them, in the order of the terms.
  - Costs no module process, so it fits a C(when) condition or a C(loop).
  - An issue that does not exist, or that the token cannot see (HTTP 404), fails the lookup in one line, as the
    modules fail; O(on_missing) returns V(null) for it instead. Any other failure (a wrong token, Tracker
    unreachable) always fails the lookup. Ansible's own C(errors) keyword of C(lookup) and C(query)
    (V(strict), V(warn), V(ignore)) applies to every failure of the whole lookup, not to one issue.
  - Retries, TLS and messages are those of the modules of the collection. Tokens never appear in a message.
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ytracker.tracker.connection
  - ytracker.tracker.connection.plugins
options:
  _terms:
    description:
      - Keys (V(QUEUE-123), in any case) or IDs of issues.
    type: list
    elements: str
    required: true
  on_missing:
    description:
      - What to do with an issue that does not exist or that the token cannot see (HTTP 404).
      - V(error) fails the lookup, V(warn) gives V(null) in its place and a warning, V(ignore) gives V(null)
        in its place and says nothing.
    type: str
    choices: [error, warn, ignore]
    default: error
notes:
  - With one key, C(lookup) answers the issue itself; C(query) (or C(wantlist=true)) always answers a list, one item
    per key.
seealso:
  - plugin: ytracker.tracker.issues
    plugin_type: lookup
  - module: ytracker.tracker.tracker_issue_info
'''

EXAMPLES = r'''
- name: Deploy only once the release issue is approved
  ansible.builtin.debug:
    msg: REL-42 is approved
  when: lookup('ytracker.tracker.issue', 'REL-42').status.key == 'approved'

- name: The summaries of several issues, in the order asked
  ansible.builtin.debug:
    msg: "{{ item.key }}: {{ item.summary }}"
  loop: "{{ query('ytracker.tracker.issue', 'REL-42', 'OPS-3') }}"

- name: An issue that may not exist yet is null rather than a failure
  ansible.builtin.set_fact:
    hotfix: "{{ lookup('ytracker.tracker.issue', 'REL-43', on_missing='ignore') }}"

- name: With the connection given to the lookup, from vaulted variables
  ansible.builtin.debug:
    msg: "{{ lookup('ytracker.tracker.issue', 'REL-42', oauth_token=vault_tracker_token, org_id='1234567').summary }}"
'''

RETURN = r'''
_list:
  description:
    - One issue per term, as the API answers it; V(null) for an issue O(on_missing) let pass.
  type: list
  elements: dict
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import read_issue
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError
from ansible_collections.ytracker.tracker.plugins.plugin_utils._lookup import TrackerLookup


class LookupModule(TrackerLookup):

    NAME = 'ytracker.tracker.issue'

    def check(self, terms):
        if not terms:
            raise ValueError('name at least one issue, like QUEUE-123')
        self.keys = [check_issue(term, 'each term') for term in terms]

    def read(self, client, terms):
        return [self.read_one(client, key) for key in self.keys]

    def read_one(self, client, key):
        """The issue, or None when it is missing and on_missing lets it pass."""
        try:
            return read_issue(client, key)
        except TrackerError as error:
            on_missing = self.get_option('on_missing')
            if error.status != 404 or on_missing == 'error':
                raise
            if on_missing == 'warn':
                self.warn(str(error))
            return None
