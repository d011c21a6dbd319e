# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A module of the tests: it uses what the contract of ControllerModule allows, as a task asks.

It does not support check mode, so that check mode's skip is compared on both paths; it sends no
request.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import tracker_module

ARGUMENT_SPEC = dict(
    warn=dict(type='str'),
    deprecate=dict(type='str'),
)
MODULE_OPTIONS = dict(supports_check_mode=False)


def run_module(module):
    if module.params['warn']:
        module.warn(module.params['warn'])
    if module.params['deprecate']:
        module.deprecate(module.params['deprecate'], version='2.0.0', collection_name='ytracker.tracker')
    module.exit_json(changed=False, diff_mode=module._diff)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
