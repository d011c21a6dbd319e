# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""What every module of ytracker.tracker takes and checks before it talks to Tracker.

The connection options and their environment variables, the checks that refuse unusable ones
before any request, the secrets among them and how every form of a secret is masked, and the
issue a task names. No HTTP here: that is _tracker.py. This file is private to the collection
(leading underscore): it may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import re
from urllib.parse import urlsplit

from ansible.module_utils.basic import AnsibleModule
from ansible.module_utils.errors import AnsibleFallbackNotFound


DEFAULT_API_URL = 'https://api.tracker.yandex.net'

# An issue key (QUEUE-123) or an issue id: either goes into URLs and bodies as is.
ISSUE_KEY = re.compile(r'^[A-Za-z][A-Za-z0-9_]*-[0-9]+$')
ISSUE_ID = re.compile(r'^[A-Za-z0-9]+$')
# A queue key (OPS) or a queue id.
QUEUE = re.compile(r'^[A-Za-z0-9_]+$')
# An api_url that names the API version already: requests would go to /v3/v3/...
API_VERSION_AT_END = re.compile(r'(/v[0-9]+)/*$')
# What an HTTP header value may hold here: visible Latin-1 characters, no whitespace or controls.
HEADER_VALUE = re.compile('^[\x21-\x7e\xa1-\xff]+$')
HEADER_OPTIONS = ('oauth_token', 'iam_token', 'org_id', 'cloud_org_id')
SECRET_OPTIONS = ('oauth_token', 'iam_token')
MASK = '********'


def env_fallback(*names):
    """The first of the environment variables ``names`` that is set and not empty.

    An empty one counts as not set: a shell profile's ``TRACKER_IAM_TOKEN=``, or a platform that
    injects every variable of a credential whether or not it was filled in, must not stand for a
    token that was given empty.
    """
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    raise AnsibleFallbackNotFound


def tracker_argument_spec():
    """The connection options that every module of the collection takes."""
    return dict(
        api_url=dict(type='str', default=DEFAULT_API_URL, fallback=(env_fallback, ['TRACKER_API_URL'])),
        api_version=dict(type='str', default='v3', choices=['v2', 'v3']),
        oauth_token=dict(type='str', no_log=True, fallback=(env_fallback, ['TRACKER_OAUTH_TOKEN'])),
        iam_token=dict(type='str', no_log=True, fallback=(env_fallback, ['TRACKER_IAM_TOKEN'])),
        org_id=dict(type='str', fallback=(env_fallback, ['TRACKER_ORG_ID'])),
        cloud_org_id=dict(type='str', fallback=(env_fallback, ['TRACKER_CLOUD_ORG_ID'])),
        validate_certs=dict(type='bool', default=True),
        ca_path=dict(type='path'),
        timeout=dict(type='float', default=30),
        retries=dict(type='int', default=5),
    )


TRACKER_ONE_OF_EACH = [('oauth_token', 'iam_token'), ('org_id', 'cloud_org_id')]
# Where each connection option may come from instead of the task.
ENVIRONMENT = dict((name, spec['fallback'][1][0]) for name, spec in tracker_argument_spec().items()
                   if 'fallback' in spec)


def tracker_module_checks(mutually_exclusive=None, **options):
    """A module's argument checks and options, with those of the connection options added.

    That a token and an organization are given is checked by check_connection_options, whose
    message names the environment variables too.
    """
    options.update(mutually_exclusive=TRACKER_ONE_OF_EACH + (mutually_exclusive or []))
    return options


def tracker_module_spec(argument_spec):
    """A module's argument spec with the connection options added."""
    spec = tracker_argument_spec()
    spec.update(argument_spec)
    return spec


def tracker_module(argument_spec, **options):
    """An AnsibleModule whose arguments are ``argument_spec`` plus the connection options."""
    return AnsibleModule(argument_spec=tracker_module_spec(argument_spec), **tracker_module_checks(**options))


def check_connection_options(params):
    """Reasons the connection options are unusable, before any request is sent."""
    problems = []
    if not usable_url(params['api_url']):
        problems.append('api_url must be an http:// or https:// URL with a host and no query,'
                        ' credentials or fragment, like %s' % DEFAULT_API_URL)
    elif API_VERSION_AT_END.search(params['api_url']):
        problems.append('api_url must not end in an API version (%s): drop it, like %s; api_version chooses'
                        ' the version' % (API_VERSION_AT_END.search(params['api_url']).group(1), DEFAULT_API_URL))
    for name in HEADER_OPTIONS:
        value = header_value(params, name)
        if value == '':
            problems.append('%s must not be empty' % name)
        elif value is not None and not HEADER_VALUE.match(value):
            # Never the value itself: it may be a token.
            problems.append('%s must hold only visible Latin-1 characters: no whitespace inside, no control'
                            ' or other characters an HTTP header cannot carry' % name)
    for one, other in TRACKER_ONE_OF_EACH:
        if params[one] is None and params[other] is None:
            problems.append('one of %s and %s is required (or the environment variable %s or %s)'
                            % (one, other, ENVIRONMENT[one], ENVIRONMENT[other]))
    if params['timeout'] is None or params['timeout'] <= 0:
        problems.append('timeout must be greater than 0 seconds')
    if params['retries'] is None or params['retries'] < 0:
        problems.append('retries must be 0 or more')
    return problems


def usable_url(api_url):
    """Whether api_url is an http(s) URL with a host and nothing that requests would choke on."""
    try:
        url = urlsplit(api_url or '')
        port_ok = url.port is None or url.port > 0
    except ValueError:  # a malformed host or port: say so here, not deep inside requests
        return False
    return bool(url.scheme in ('http', 'https') and url.hostname and port_ok
                and not (url.query or url.fragment or url.username))


def header_value(params, name):
    """An option that goes into a header, without the whitespace around it (a token read from a file
    ends in a newline); None when not set."""
    value = params[name]
    return None if value is None else value.strip()


def secret_forms(value):
    """Every form in which text may carry a secret: as given, stripped, and escaped as JSON,
    repr() and bytes do. Longest first, so a shorter form never leaves a piece of a longer one."""
    forms = set()
    for text in (value, value.strip()):
        if text:
            forms.update([
                text,
                json.dumps(text)[1:-1],
                repr(text)[1:-1],
                text.encode('unicode_escape').decode('ascii'),
                repr(text.encode('utf-8'))[2:-1],
            ])
    return sorted((form for form in forms if form), key=len, reverse=True)


def module_secrets(params):
    """The forms of every secret among a module's connection options."""
    secrets = []
    for name in SECRET_OPTIONS:
        if params.get(name):
            secrets.extend(secret_forms(params[name]))
    return secrets


def mask(text, secrets):
    """``text`` with every one of ``secrets`` (see module_secrets) masked."""
    text = str(text)
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


def redact(text, secrets):
    """``text`` on one line, with every form of every secret masked."""
    # Masked, folded, masked again: a secret may hold whitespace of its own.
    return mask(re.sub(r'\s+', ' ', mask(text, secrets)).strip(), secrets)


def check_issue(issue, name='issue'):
    """The issue as every module sends it; ValueError, naming the option ``name``, when it names no issue.

    The one rule for an issue a task names, in every module and option: without surrounding
    whitespace (as tokens lose theirs), an issue key (QUEUE-123) in upper case, as Tracker shows
    keys, so that ``rel-1`` is REL-1; or an issue id. Nothing else: it goes into URLs.
    """
    value = (issue or '').strip()
    if not value:
        raise ValueError('%s must not be empty: give an issue key like QUEUE-123 or an issue id' % name)
    if ISSUE_KEY.match(value):
        return value.upper()
    if ISSUE_ID.match(value):
        return value
    raise ValueError('%s must be an issue key like QUEUE-123 or an issue id, got %r' % (name, issue))
