# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):

    # The connection options that every module of the collection takes.
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
      - V(false) turns verification off even when O(ca_path) is set, as in M(ansible.builtin.uri).
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
attributes:
  action_group:
    description: Use C(group/ytracker.tracker.tracker) in C(module_defaults) to set the connection options once for every module of the collection.
    support: full
    membership:
      - ytracker.tracker.tracker
notes:
  - On the controller through the C(local) connection, the module runs inside Ansible's own process, which saves
    starting a module process for every task and loop item. With another connection, C(become), C(async), the
    C(environment) keyword, or no C(requests) for the Python that runs Ansible, it runs as a module process as usual.
  - Inside Ansible's process, the module uses the controller's Python, not C(ansible_python_interpreter). To run it as a
    module process, set the variable C(ytracker_tracker_in_process) to V(false), or the environment variable
    E(YTRACKER_TRACKER_IN_PROCESS) of the controller to V(0); the variable, when set, wins.
  - The standard proxy environment variables (E(HTTPS_PROXY), E(HTTP_PROXY), E(NO_PROXY)) are honoured.
  - Tokens are never shown in output, results or messages.
requirements:
  - requests
'''
