# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    """The queue a task's versions or components belong to (_queue_items.check_queue reads it)."""

    DOCUMENTATION = r'''
options:
  queue:
    description:
      - Key of the queue, for example V(REL), or its id. Surrounding whitespace is dropped and the key upper-cased, as
        Tracker's queue keys are (the API compares them case-sensitively); anything but a key is refused before any
        request.
    type: str
    required: true
'''
