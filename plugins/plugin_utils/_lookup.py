# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the lookups of the collection share: options, the client, and how a failure is said.

A lookup subclasses TrackerLookup and gives read(client, terms): the list the lookup returns. The
options come from the lookup's keywords, the play's variables and the environment
(_connection.tracker_client); bad input (ValueError) and every TrackerError become one
AnsibleLookupError line, before any request for bad input, with the tokens masked; a lookup that
had to repeat requests says so in one warning, as a module's task does. This file is private to
the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleLookupError
from ansible.plugins.lookup import LookupBase
from ansible.utils.display import Display

from ansible_collections.ytracker.tracker.plugins.module_utils._options import module_secrets, redact
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError
from ansible_collections.ytracker.tracker.plugins.plugin_utils._connection import plugin_options, tracker_client

display = Display()


class TrackerLookup(LookupBase):
    """A lookup that reads from Tracker; NAME is its FQCN, for messages."""

    NAME = None

    def read(self, client, terms):
        """The lookup's list, read with ``client``; ValueError for bad input before any request."""
        raise NotImplementedError

    def check(self, terms):
        """ValueError when the terms or the options cannot make a read; nothing is sent before."""

    def run(self, terms, variables=None, **kwargs):
        self.set_options(var_options=variables, direct=kwargs)
        client = None
        try:
            self.check(terms)
            client = tracker_client(self)
            return self.read(client, terms)
        except (TrackerError, ValueError) as error:
            raise AnsibleLookupError(redact(error, self._secrets(client)))
        finally:
            if client is not None and client.waits_summary():
                display.warning('%s: %s' % (self.NAME, client.waits_summary()))

    def _secrets(self, client):
        """The forms of the tokens, to mask in a message: the client's, or those of the options given."""
        if client is not None:
            return client.secrets
        try:
            return module_secrets(plugin_options(self))
        except TrackerError:
            return []

    def warn(self, message):
        display.warning('%s: %s' % (self.NAME, message))
