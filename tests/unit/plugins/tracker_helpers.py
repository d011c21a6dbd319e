# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the unit tests share: API link objects and module runs."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import json
from unittest.mock import patch

import pytest

from ansible.module_utils import basic
try:
    from ansible.module_utils import _internal as module_internal
except ImportError:  # ansible-core before 2.18
    module_internal = None
from ansible.module_utils.common import warnings
from ansible.module_utils.common.text.converters import to_bytes

API = 'https://api.tracker.yandex.net/v3'
LINKS = API + '/issues/TEST-1/remotelinks'
TOKEN = 'y0_SECRET-oauth-token-1234567890'
CONNECTION = dict(oauth_token=TOKEN, org_id='7654321')


def api_link(link_id, origin='ci.example', key='build-1', relationship='relates', direction='outward',
             application_id=None):
    """A link object shaped as the API returns it.

    The application is named by ``origin`` throughout, unless ``application_id`` is given: then,
    as in the reference's example, application.id and application.self carry that id, and the
    origin shows only in object.self.
    """
    application_id = application_id or origin
    return {
        'self': '%s/%s' % (LINKS, link_id),
        'id': link_id,
        'type': {'self': API + '/linktypes/' + relationship, 'id': relationship,
                 'inward': 'Linked', 'outward': 'Linked'},
        'direction': direction,
        'object': {
            'self': '%s/applications/%s/objects/%s' % (API, origin, link_id),
            'id': str(link_id),
            'key': key,
            'application': {'self': API + '/applications/' + application_id, 'id': application_id, 'type': 'app',
                            'name': 'Application %s' % origin},
        },
        'createdAt': '2026-07-19T06:18:09.327+0000',
        'updatedAt': '2026-07-19T06:18:09.327+0000',
    }


class ModuleExit(BaseException):
    def __init__(self, result, failed):
        super(ModuleExit, self).__init__(result)
        self.result = result
        self.failed = failed


@contextlib.contextmanager
def module_args(args):
    """Hand ``args`` to the next AnsibleModule, the way this ansible-core expects."""
    try:
        from ansible.module_utils.testing import patch_module_args
    except ImportError:  # ansible-core before 2.19
        serialized = to_bytes(json.dumps({'ANSIBLE_MODULE_ARGS': args}))
        with patch.object(basic, '_ANSIBLE_ARGS', serialized):
            yield
    else:
        with patch_module_args(args):
            yield


def run_module(main, check_mode=False, diff=False, **args):
    """Run a module's main(); its result dict and whether it failed."""
    # None stands for an option left out, as omit does in a playbook.
    args = dict((name, value) for name, value in args.items() if value is not None)
    args['_ansible_check_mode'] = check_mode
    args['_ansible_diff'] = diff

    def ended(result):
        # What AnsibleModule adds to the result from module.warn(), which this test bypasses.
        given = list(warnings.get_warning_messages())
        if given:
            result['warnings'] = given
        return result

    def exit_json(module, **result):
        raise ModuleExit(ended(result), failed=False)

    def fail_json(module, **result):
        raise ModuleExit(ended(result), failed=True)

    with contextlib.ExitStack() as stack:
        # A module process starts with no warnings: so does each run here.
        stack.enter_context(patch.object(warnings, '_global_warnings', type(warnings._global_warnings)()))
        if hasattr(module_internal, 'is_controller'):
            # Nor is it the controller, which it is to ansible-core 2.19 and later once any of the
            # controller's code is imported, as the controller's tests do in the same pytest process:
            # module.warn() would then go to Display rather than into the result.
            stack.enter_context(patch.object(module_internal, 'is_controller', False))
        stack.enter_context(module_args(args))
        stack.enter_context(patch.object(basic.AnsibleModule, 'exit_json', exit_json))
        stack.enter_context(patch.object(basic.AnsibleModule, 'fail_json', fail_json))
        with pytest.raises(ModuleExit) as info:
            main()
    return info.value.result, info.value.failed


def link_diff(module, current, plan, origins=()):
    """The diff a link module's task shows for ``plan`` on ``current``, through the module's own Resource."""
    from ansible_collections.ytracker.tracker.plugins.module_utils._flow import plan_diff
    from ansible_collections.ytracker.tracker.plugins.module_utils._links import wanted_link
    params = dict(issue='TEST-1', state='present', purge=False, links=None, backlink=False)
    if module.__name__.endswith('tracker_remote_link'):
        resource = module.RemoteLinks(params, [wanted_link(origin, 'key') for origin in origins])
    else:
        resource = module.IssueLinks(params)
    return plan_diff(resource, current, current, plan)


def module_runner(main, **defaults):
    """run(check_mode=False, diff=False, **args): run_module of ``main`` with ``defaults``, changed or added to by ``args``."""
    def run(check_mode=False, diff=False, **args):
        return run_module(main, check_mode=check_mode, diff=diff, **dict(defaults, **args))
    return run


def requests_sent(api, query=True):
    """(method, URL) of each request the mocked API got, in order; URLs without their query string unless ``query``."""
    return [(call.request.method, call.request.url if query else call.request.url.split('?')[0]) for call in api.calls]
