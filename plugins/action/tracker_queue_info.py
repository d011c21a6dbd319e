# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Runs ytracker.tracker.tracker_queue_info in Ansible's own process on the controller; see _controller."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.modules import tracker_queue_info
from ansible_collections.ytracker.tracker.plugins.plugin_utils._controller import TrackerAction


class ActionModule(TrackerAction):
    MODULE = tracker_queue_info
