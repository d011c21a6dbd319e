# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Check the build context that ``ansible-builder create`` wrote for examples/execution-environment.yml.

Without a container engine, this does what the image build would do with the collection:

* the Containerfile has the expected steps, in order, from the definition's base image;
* the context's requirements.yml names the collection's tarball, and the tarball is in the context:
  ytracker.tracker at the version of galaxy.yml;
* the galaxy stage's install, replayed from the context's directory as the build runs it, installs
  the collection, and the builder stage's introspection (the context's own introspect.py) finds
  ``requests`` among the Python requirements to install.

Usage: check-ee.py CONTEXT DEFINITION GALAXY_YML (ansible-galaxy on PATH)
"""

import json
import os
import subprocess
import sys
import tarfile
import tempfile

import yaml

# The steps of the Containerfile, in this order among the others.
STEPS = [
    'FROM $EE_BASE_IMAGE AS base',
    'RUN $PKGMGR install $PYPKG -y ; if [ -z $PKGMGR_PRESERVE_CACHE ]; then $PKGMGR clean all; fi',
    'RUN /output/scripts/pip_install $PYCMD',
    'RUN $PYCMD -m pip install --no-cache-dir $ANSIBLE_INSTALL_REFS',
    'FROM base AS galaxy',
    'COPY _build /build',
    'WORKDIR /build',
    'RUN ANSIBLE_GALAXY_DISABLE_GPG_VERIFY=1 ansible-galaxy collection install $ANSIBLE_GALAXY_CLI_COLLECTION_OPTS'
    ' -r requirements.yml --collections-path "/usr/share/ansible/collections"',
    'FROM base AS builder',
    'COPY --from=galaxy /usr/share/ansible /usr/share/ansible',
    'RUN $PYCMD /output/scripts/introspect.py introspect --write-bindep=/tmp/src/bindep.txt'
    ' --write-pip=/tmp/src/requirements.txt',
    'RUN /output/scripts/assemble',
    'FROM base AS final',
    'RUN /output/scripts/check_ansible $PYCMD',
    'COPY --from=galaxy /usr/share/ansible /usr/share/ansible',
    'COPY --from=builder /output/ /output/',
    'RUN /output/scripts/install-from-bindep && rm -rf /output/wheels',
    'LABEL ansible-execution-environment=true',
    'ENTRYPOINT ["/opt/builder/bin/entrypoint", "dumb-init"]',
]


def check_containerfile(context, definition):
    problems = []
    with open(os.path.join(context, 'Containerfile')) as handle:
        lines = [line.strip() for line in handle]
    position = 0
    for step in STEPS:
        try:
            position = lines.index(step, position) + 1
        except ValueError:
            problems.append('Containerfile: missing, or out of order: %s' % step)
    base_image = definition['images']['base_image']['name']
    if 'ARG EE_BASE_IMAGE="%s"' % base_image not in lines:
        problems.append('Containerfile: the base image is not %s' % base_image)
    images = [line.split()[1] for line in lines if line.startswith('FROM ')]
    if images != ['$EE_BASE_IMAGE', 'base', 'base', 'base']:
        problems.append('Containerfile: stages from %s, expected $EE_BASE_IMAGE then base' % images)
    refs = [line for line in lines if line.startswith('ARG ANSIBLE_INSTALL_REFS=')]
    if not refs or 'ansible-core' not in refs[0] or 'ansible-runner' not in refs[0]:
        problems.append('Containerfile: ansible-core and ansible-runner are not installed: %s' % refs)
    return problems


def collection_tarballs(build, version):
    """The problems with the collections of the context's requirements.yml, and the tarballs it names."""
    with open(os.path.join(build, 'requirements.yml')) as handle:
        requirements = yaml.safe_load(handle) or {}
    tarballs = [entry['name'] for entry in requirements.get('collections') or []
                if isinstance(entry, dict) and entry.get('type') == 'file']
    if not tarballs:
        return ['requirements.yml names no collection tarball: %s' % requirements], []
    problems = []
    for name in tarballs:
        path = os.path.join(build, name)
        if not os.path.isfile(path):
            problems.append('the collection tarball %s, named in requirements.yml, is not in the context'
                            ' (galaxy.yml says version %s: does the definition name that version?)' % (name, version))
            continue
        try:
            with tarfile.open(path) as tarball:
                info = json.load(tarball.extractfile('MANIFEST.json'))['collection_info']
        except (tarfile.TarError, KeyError, ValueError) as error:
            problems.append('%s is not a collection tarball: %s' % (name, error))
            continue
        found = '%s.%s %s' % (info['namespace'], info['name'], info['version'])
        if found != 'ytracker.tracker %s' % version:
            problems.append('%s holds %s, not ytracker.tracker %s' % (name, found, version))
    return problems, tarballs


def replay(build):
    """The galaxy stage's install and the builder stage's introspection: the Python requirements found."""
    with tempfile.TemporaryDirectory() as collections:
        # As the galaxy stage runs it, from the context's directory (WORKDIR /build).
        subprocess.run(['ansible-galaxy', 'collection', 'install', '-r', 'requirements.yml',
                        '--collections-path', collections], cwd=build, check=True, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, ANSIBLE_COLLECTIONS_PATH=collections))
        installed = os.path.join(collections, 'ansible_collections', 'ytracker', 'tracker', 'MANIFEST.json')
        if not os.path.isfile(installed):
            return None
        pip = os.path.join(collections, 'requirements.txt')
        subprocess.run([sys.executable, os.path.join(build, 'scripts', 'introspect.py'), 'introspect',
                        '--write-pip', pip, collections], check=True, stdout=subprocess.DEVNULL)
        if not os.path.exists(pip):
            return []
        with open(pip) as handle:
            return [line.strip() for line in handle if line.strip()]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    context, definition_file, galaxy_file = sys.argv[1:]
    with open(definition_file) as handle:
        definition = yaml.safe_load(handle)
    with open(galaxy_file) as handle:
        version = yaml.safe_load(handle)['version']
    build = os.path.join(context, '_build')

    problems = check_containerfile(context, definition)
    tarball_problems, tarballs = collection_tarballs(build, version)
    problems += tarball_problems
    if not tarball_problems:
        try:
            requirements = replay(build)
        except subprocess.CalledProcessError as error:
            problems.append('the galaxy stage, or the introspection, fails: %s' % error)
        else:
            if requirements is None:
                problems.append('the galaxy stage does not install ytracker.tracker from %s' % tarballs)
            elif not any(line.split('#')[0].strip().startswith('requests') for line in requirements):
                problems.append('the builder stage would not install requests; it finds: %s' % requirements)
            else:
                print('build context %s: ytracker.tracker %s from %s; Python requirements: %s'
                      % (context, version, ', '.join(tarballs), '; '.join(requirements)))
    if problems:
        for problem in problems:
            print('check-ee: %s' % problem, file=sys.stderr)
        sys.exit(1)


if __name__ == '__main__':
    main()
