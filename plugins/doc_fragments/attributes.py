# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    """The attributes of the collection's modules.

    A module extends ansible.builtin.action_common_attributes (the attributes' descriptions), this
    fragment (what every module shares) and one of its variants: MODULE for a module that changes
    things, INFO_MODULE for one that only reads. A module adds its own ``details`` under an attribute
    where it has more to say.
    """

    # Every module of the collection: where it runs, its action group, and how its action plugin runs it.
    DOCUMENTATION = r'''
options: {}
attributes:
  platform:
    platforms: all
  action_group:
    description: Use C(group/ytracker.tracker.tracker) in C(module_defaults) to set the connection options once for every module of the collection.
    support: full
    membership:
      - ytracker.tracker.tracker
notes:
  - On the controller through the C(local) connection, the module runs inside Ansible's own process, which saves
    starting a module process for every task and loop item. With another connection, C(become), C(async), the
    C(environment) keyword, or no C(requests) for the Python that runs Ansible, it runs as a module process as usual.
  - Inside Ansible's process, the module uses the controller's Python, not C(ansible_python_interpreter). To run it as a
    module process, set the variable C(ytracker_tracker_in_process) to V(false), or the environment variable
    E(YTRACKER_TRACKER_IN_PROCESS) of the controller to V(0); the variable, when set, wins.
'''

    # A module that changes things: it tells in check mode what it would change, and shows it in diff mode.
    MODULE = r'''
options: {}
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
'''

    # A module that only reads.
    INFO_MODULE = r'''
options: {}
attributes:
  check_mode:
    support: full
    details: The module only reads.
  diff_mode:
    support: N/A
    details: The module changes nothing.
'''
