# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    """The issue a task is about, for the modules that take one (_options.check_issue reads it).

    A module that says more of it gives its own ``description`` of O(issue), which wins over this one.
    """

    DOCUMENTATION = r'''
options:
  issue:
    description:
      - Key (V(QUEUE-123)) or ID of the issue. Surrounding whitespace is dropped and a key is upper-cased
        (V(rel-42) is V(REL-42)); anything else is refused before any request.
      - The issue must exist. One that does not, or that the token cannot see, fails the task (HTTP 404).
    type: str
    required: true
'''
