# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Write the intersphinx inventories the docsite of ``antsibull-docs sphinx-init`` falls back to.

Its conf.py maps ``python``, ``python3``, ``jinja2`` and ``ansible_devel`` to the published
documentation, and to ``../<name>.inv`` beside conf.py when the published inventory cannot be
fetched. The build must not depend on the network, so those files hold what the pages of this
collection refer to: the labels of the Ansible documentation that antsibull-docs writes into
module and plugin pages, and nothing of the others. A page that refers to anything else fails the build
(Sphinx runs with warnings as errors) until it is added here.

Usage: docs-inventories.py DOCSITE_DIR
"""

import os
import sys
import zlib

# label: (page and anchor under https://docs.ansible.com/projects/ansible/devel/, title)
ANSIBLE_LABELS = {
    'action_plugins': ('plugins/action.html#action-plugins', 'Action plugins'),
    'callback_plugins': ('plugins/callback.html#callback-plugins', 'Callback plugins'),
    'ansible_configuration_settings': ('reference_appendices/config.html#ansible-configuration-settings',
                                       'Ansible Configuration Settings'),
    'common_return_values': ('reference_appendices/common_return_values.html#common-return-values',
                             'Return Values'),
    # The see-also of tracker_attachment_info.
    'ansible_collections.ansible.builtin.get_url_module': (
        'collections/ansible/builtin/get_url_module.html#ansible-collections-ansible-builtin-get-url-module',
        'ansible.builtin.get_url module'),
}

INVENTORIES = {
    'ansible_devel.inv': ('Ansible', 'devel', ANSIBLE_LABELS),
    'python2.inv': ('Python', '2', {}),
    'python3.inv': ('Python', '3', {}),
    'jinja2.inv': ('Jinja', '3', {}),
}


def inventory(project, version, labels):
    """A Sphinx inventory, version 2, of ``labels``."""
    header = ('# Sphinx inventory version 2\n'
              '# Project: %s\n'
              '# Version: %s\n'
              '# The remainder of this file is compressed using zlib.\n' % (project, version))
    body = ''.join('%s std:label -1 %s %s\n' % (label, uri, title) for label, (uri, title) in sorted(labels.items()))
    return header.encode('utf-8') + zlib.compress(body.encode('utf-8'))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    for name, (project, version, labels) in INVENTORIES.items():
        with open(os.path.join(sys.argv[1], name), 'wb') as handle:
            handle.write(inventory(project, version, labels))


if __name__ == '__main__':
    main()
