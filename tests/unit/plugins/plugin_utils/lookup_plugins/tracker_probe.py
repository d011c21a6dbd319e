# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A minimal lookup of the unit tests: a real plugin whose connection options come from the doc fragments."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
name: tracker_probe
short_description: The user the token belongs to
description:
  - Asks Tracker who the token's user is, with the connection options of a plugin.
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ytracker.tracker.connection
  - ytracker.tracker.connection.plugins
'''

from ansible.errors import AnsibleLookupError
from ansible.plugins.lookup import LookupBase

from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError
from ansible_collections.ytracker.tracker.plugins.plugin_utils._connection import tracker_client


class LookupModule(LookupBase):

    def run(self, terms, variables=None, **kwargs):
        self.set_options(var_options=variables, direct=kwargs)
        try:
            client = tracker_client(self)
            return [client.request_json('GET', '/myself')]
        except TrackerError as error:
            raise AnsibleLookupError(str(error))
