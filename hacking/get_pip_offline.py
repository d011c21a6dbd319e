# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for the get-pip.py that ansible-test downloads to bootstrap its virtual environments.

ansible-test runs this file with pip's install arguments. Here pip comes from the
interpreter's own ensurepip, then installs what was asked for from the package index.
"""

import subprocess
import sys

# get-pip.py options that pip install itself does not take.
BOOTSTRAP_ONLY = {'--no-setuptools', '--no-wheel'}


def main():
    subprocess.check_call([sys.executable, '-m', 'ensurepip', '--upgrade', '--default-pip'])
    arguments = [argument for argument in sys.argv[1:] if argument not in BOOTSTRAP_ONLY]
    subprocess.check_call([sys.executable, '-m', 'pip', 'install', '--quiet'] + arguments)


if __name__ == '__main__':
    main()
