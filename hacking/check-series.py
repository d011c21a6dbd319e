# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""make check-series: the Makefile's series agree with IN_PROCESS_SERIES of plugins/plugin_utils/_controller.py.

Usage: check-series.py --core 2.16 ... 2.21 --e2e 2.16 2.21

Tasks run in Ansible's process only on the series the parity tests (tests/e2e/test_parity.py) prove
that path on: they run on each series of E2E_SERIES, the oldest and the newest, and units and sanity
on every series of CORE_SERIES between them. So IN_PROCESS_SERIES must be exactly the series of
CORE_SERIES from the oldest to the newest of E2E_SERIES.
"""

import argparse
import ast
import os
import sys

CONTROLLER = os.path.join(os.path.dirname(__file__), '..', 'plugins', 'plugin_utils', '_controller.py')


def series_key(series):
    return tuple(int(part) for part in series.split('.'))


def in_process_series(path=CONTROLLER):
    with open(path) as handle:
        tree = ast.parse(handle.read(), path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(target, 'id', None) == 'IN_PROCESS_SERIES'
                                                for target in node.targets):
            return list(ast.literal_eval(node.value))
    sys.exit('%s: no IN_PROCESS_SERIES' % path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--core', nargs='+', required=True)
    parser.add_argument('--e2e', nargs='+', required=True)
    args = parser.parse_args()
    problems = []
    outside = [series for series in args.e2e if series not in args.core]
    if outside:
        problems.append('E2E_SERIES %s not in CORE_SERIES' % ' '.join(outside))
    oldest, newest = min(args.e2e, key=series_key), max(args.e2e, key=series_key)
    expected = sorted((series for series in args.core
                       if series_key(oldest) <= series_key(series) <= series_key(newest)), key=series_key)
    actual = in_process_series()
    if actual != expected:
        problems.append('IN_PROCESS_SERIES of plugins/plugin_utils/_controller.py is (%s), but the parity tests run on '
                        '%s to %s (E2E_SERIES) of CORE_SERIES %s: it should be (%s). A series gets the in-process '
                        'run once the end-to-end tests pass on it.'
                        % (', '.join(actual), oldest, newest, ' '.join(args.core), ', '.join(expected)))
    for problem in problems:
        print('check-series: ' + problem, file=sys.stderr)
    if not problems:
        print('check-series: in process on %s; parity tests on %s' % (' '.join(actual), ' '.join(args.e2e)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
