# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A TrackerClient for a plugin of the collection (a lookup, a callback...), from the plugin's own options.

A module gets its connection options from its arguments, with the argument spec's environment
fallbacks and defaults. A plugin documents the same options by extending the doc fragments
``ytracker.tracker.connection`` and ``ytracker.tracker.connection.plugins``, and Ansible finds
them (the plugin's arguments, the play's variables, the TRACKER_* environment variables) for
``plugin.get_option()``. tracker_client() makes of them what a module would have made:

- an empty value counts as not set, as an empty TRACKER_* variable does for a module
  (_options.env_fallback): Ansible hands an empty environment variable over as it is;
- what is not set comes from the environment variables, else the default, through the very
  argument spec of the modules (_options.tracker_argument_spec), whose types, choices and
  exclusive options are checked with AnsibleModule's messages;
- TrackerClient checks what is left (check_connection_options) and masks the tokens in its
  messages; the secrets are its ``secrets``, for _options.redact() of any other text a plugin shows.

Every failure is a TrackerError, whose message never holds a token: a lookup raises it again as
an AnsibleLookupError, a callback warns with it.

This file is private to the collection (leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.ytracker.tracker.plugins.module_utils import _options
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerClient, TrackerError
from ansible_collections.ytracker.tracker.plugins.plugin_utils._controller import module_args

# The doc fragments a plugin extends to have the connection options.
FRAGMENTS = ('ytracker.tracker.connection', 'ytracker.tracker.connection.plugins')


def plugin_options(plugin):
    """The connection options that ``plugin`` was given, as plain JSON types; the unset and empty ones left out."""
    given = {}
    for name in _options.tracker_argument_spec():
        try:
            value = plugin.get_option(name)
        except KeyError:
            raise TrackerError('the plugin has no option %s: its documentation must extend %s'
                               % (name, ' and '.join(FRAGMENTS)))
        if value is not None:
            given[name] = value
    # Vaulted and trusted or unsafe values become plain ones, as a module gets its arguments.
    given = module_args(given)
    return dict((name, value) for name, value in given.items() if value != '')


def connection_params(plugin):
    """The connection options of ``plugin`` as a module's params hold them; TrackerError when a type,
    a choice or the exclusive options are wrong."""
    given = plugin_options(plugin)
    validation = ArgumentSpecValidator(_options.tracker_argument_spec(), **_options.tracker_module_checks()).validate(given)
    if validation.error_messages:
        secrets = _options.module_secrets(dict((name, value) for name, value in given.items()
                                               if name in _options.SECRET_OPTIONS and isinstance(value, str)))
        raise TrackerError(_options.redact(validation.errors.msg, secrets))
    return validation.validated_parameters


def tracker_client(plugin):
    """A TrackerClient from the connection options of ``plugin``; TrackerError when they are unusable,
    before any request."""
    return TrackerClient(connection_params(plugin))
