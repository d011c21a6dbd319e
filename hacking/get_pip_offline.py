# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for the get-pip.py that ansible-test downloads to bootstrap its virtual environments.

ansible-test runs this file in a new virtual environment without pip, with the pins of pip (and,
for older series, setuptools and wheel) to install. The wheels of those pins are kept beside this
file: the first time, they come from the package index through the interpreter's own ensurepip;
every later time, pip runs straight from its kept wheel and installs them without asking the
index, which spares each of the many virtual environments of a sanity run a second pip install
and an index look-up.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

# get-pip.py options that pip install itself does not take.
BOOTSTRAP_ONLY = {'--no-setuptools', '--no-wheel'}
WHEELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'get_pip_wheels')


def kept_wheel(pin):
    """The kept wheel of a pin such as ``pip==25.2``, or None."""
    name, version = pin.split('==', 1)
    wanted = re.sub(r'[-_.]+', '_', name).lower() + '-' + version + '-'
    for path in glob.glob(os.path.join(WHEELS, '*.whl')):
        if os.path.basename(path).lower().startswith(wanted):
            return path
    return None


def fetch(pins, options):
    """Install the pins the slow way, through ensurepip and the index, and keep their wheels."""
    subprocess.check_call([sys.executable, '-m', 'ensurepip', '--upgrade', '--default-pip'])
    if not os.path.isdir(WHEELS):
        os.makedirs(WHEELS, exist_ok=True)
    download = tempfile.mkdtemp(dir=WHEELS)
    try:
        subprocess.check_call([sys.executable, '-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary', ':all:',
                               '--dest', download] + options + pins)
        for name in os.listdir(download):
            os.replace(os.path.join(download, name), os.path.join(WHEELS, name))  # atomic for a parallel run
    finally:
        shutil.rmtree(download, ignore_errors=True)
    subprocess.check_call([sys.executable, '-m', 'pip', 'install', '--quiet', '--no-index', '--find-links', WHEELS]
                          + options + pins)


def main():
    arguments = [argument for argument in sys.argv[1:] if argument not in BOOTSTRAP_ONLY]
    options = [argument for argument in arguments if argument.startswith('-')]
    pins = [argument for argument in arguments if not argument.startswith('-')]
    pip = [pin for pin in pins if pin.split('==', 1)[0].lower() == 'pip']
    if not pip or not all('==' in pin for pin in pins) or not all(kept_wheel(pin) for pin in pins):
        if pip and all('==' in pin for pin in pins):
            fetch(pins, options)
        else:  # not the pins ansible-test asks for: install what was asked for from the index
            subprocess.check_call([sys.executable, '-m', 'ensurepip', '--upgrade', '--default-pip'])
            subprocess.check_call([sys.executable, '-m', 'pip', 'install', '--quiet'] + arguments)
        return
    # pip runs from its wheel (a zip that Python imports from), as get-pip.py runs its own copy.
    subprocess.check_call([sys.executable, os.path.join(kept_wheel(pip[0]), 'pip'), 'install', '--quiet', '--no-compile', '--no-index',
                           '--find-links', WHEELS] + options + pins)


if __name__ == '__main__':
    main()
