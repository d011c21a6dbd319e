# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The order of the unit tests: --reverse runs them last to first, to show that none leans on another."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


def pytest_addoption(parser):
    parser.addoption('--reverse', action='store_true',
                     help='run the tests in the reverse of their order in the files (make units-onepass does)')


def pytest_collection_modifyitems(config, items):
    if config.getoption('reverse'):
        items.reverse()
