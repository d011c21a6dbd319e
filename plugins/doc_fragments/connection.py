# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    """The connection options, for the modules and for plugins.

    Every module and plugin that talks to Tracker extends DOCUMENTATION. A plugin (lookup, callback,
    ...) extends the PLUGINS variant too, after it: PLUGINS adds to the same options where a plugin
    finds them besides its own arguments, and has no description of its own, so it never stands
    alone. What only modules have (the action group, how they run on the controller) is in the
    attributes fragment.
    """

    # The connection options that every module of the collection takes, and plugins too.
    DOCUMENTATION = r'''
options:
  api_url:
    description:
      - Base URL of the Tracker API, without the version.
      - Only C(http) and C(https) URLs are accepted.
      - If not set, the value of the E(TRACKER_API_URL) environment variable is used.
    type: str
    default: https://api.tracker.yandex.net
  api_version:
    description:
      - Version of the Tracker API to use. Both serve the same endpoints; V(v3) is the current one.
    type: str
    choices: [v2, v3]
    default: v3
  oauth_token:
    description:
      - "OAuth token, sent as C(Authorization: OAuth <token>)."
      - Whitespace around it is dropped; a token with whitespace inside, control characters or characters outside
        Latin-1 fails before any request, without showing it.
      - Exactly one of O(oauth_token) and O(iam_token) is required.
      - If not set, the value of the E(TRACKER_OAUTH_TOKEN) environment variable is used.
    type: str
  iam_token:
    description:
      - "Yandex Cloud IAM token, sent as C(Authorization: Bearer <token>). Use it with O(cloud_org_id)."
      - Whitespace around it is dropped, as for O(oauth_token).
      - Exactly one of O(oauth_token) and O(iam_token) is required.
      - If not set, the value of the E(TRACKER_IAM_TOKEN) environment variable is used.
    type: str
  org_id:
    description:
      - Yandex 360 for Business organization ID, sent as the C(X-Org-ID) header.
      - Exactly one of O(org_id) and O(cloud_org_id) is required.
      - If not set, the value of the E(TRACKER_ORG_ID) environment variable is used.
    type: str
  cloud_org_id:
    description:
      - Yandex Cloud Organization ID, sent as the C(X-Cloud-Org-ID) header.
      - Exactly one of O(org_id) and O(cloud_org_id) is required.
      - If not set, the value of the E(TRACKER_CLOUD_ORG_ID) environment variable is used.
    type: str
  validate_certs:
    description:
      - Whether to verify the API's TLS certificate. Turn it off only for a test server.
      - V(false) turns verification off even when O(ca_path) is set, as in C(ansible.builtin.uri).
      - Given with every request, so E(REQUESTS_CA_BUNDLE) and E(CURL_CA_BUNDLE) cannot override it.
    type: bool
    default: true
  ca_path:
    description:
      - Path to a PEM bundle of CA certificates to verify the API's certificate with, instead of the system's.
      - Used only when O(validate_certs) is V(true).
      - Takes precedence over E(REQUESTS_CA_BUNDLE) and E(CURL_CA_BUNDLE).
    type: path
  timeout:
    description:
      - Seconds to wait for each HTTP response. Must be greater than 0.
    type: float
    default: 30
  retries:
    description:
      - How many times one request is sent again after an answer that is safe to retry, so at most O(retries) + 1 attempts.
      - C(429 Too Many Requests) is retried on every method. The wait is the C(Retry-After) header when
        Tracker sends one, otherwise an exponential backoff with jitter (about 1, 2, 4, ... seconds);
        a C(Retry-After) of V(0), or a date gone by, gets the backoff too.
        No single wait exceeds 60 seconds, so one request waits at most O(retries) x 60 seconds in all.
      - Server errors (5xx), timeouts and dropped connections are retried on reads, edits and deletes.
        A create whose outcome is unknown is never sent again blindly; what the task writes is read
        first, and what is there already counts as created.
      - A connection that cannot be made at all (refused, or a host name that does not resolve) is
        tried once more after half a second, then the task fails, since nothing is listening there.
      - A task that repeated requests says so in one warning, with how many retries, why, and how long it waited.
      - Must be 0 or more.
    type: int
    default: 5
notes:
  - The standard proxy environment variables (E(HTTPS_PROXY), E(HTTP_PROXY), E(NO_PROXY)) are honoured. C(~/.netrc)
    is not read, so that the token is the only credential sent.
  - Tokens are never shown in output, results or messages.
requirements:
  - requests
'''

    # Where a plugin finds the connection options besides its own arguments (a lookup's keywords, for
    # example): the play's variables, then the environment variables the modules read. Only with
    # DOCUMENTATION above, which describes the options.
    PLUGINS = r'''
options:
  api_url:
    env:
      - name: TRACKER_API_URL
    vars:
      - name: tracker_api_url
  api_version:
    vars:
      - name: tracker_api_version
  oauth_token:
    env:
      - name: TRACKER_OAUTH_TOKEN
    vars:
      - name: tracker_oauth_token
  iam_token:
    env:
      - name: TRACKER_IAM_TOKEN
    vars:
      - name: tracker_iam_token
  org_id:
    env:
      - name: TRACKER_ORG_ID
    vars:
      - name: tracker_org_id
  cloud_org_id:
    env:
      - name: TRACKER_CLOUD_ORG_ID
    vars:
      - name: tracker_cloud_org_id
  validate_certs:
    vars:
      - name: tracker_validate_certs
  ca_path:
    vars:
      - name: tracker_ca_path
  timeout:
    vars:
      - name: tracker_timeout
  retries:
    vars:
      - name: tracker_retries
notes:
  - An option given empty, or an empty environment variable, counts as not set, so the next source or the
    default applies.
  - The variables are those of the play where the plugin runs; the callback
    P(ytracker.tracker.report#callback) reads them as each play starts,
    extra variables included.
'''
