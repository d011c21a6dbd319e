#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_remote_link
short_description: Make sure a Yandex Tracker issue has, or has not, external links
version_added: 1.0.0
description:
  - Makes sure that a Yandex Tracker issue has, or no longer has, external links to objects of other
    applications, such as a CI build, a pull request or a deployment.
  - Reads the issue's links first and writes only what is missing or extra, so a task creates a link
    exactly once however often it runs. With nothing to change, a task sends one request.
  - After creating links it reads the issue's links once more. Where other runs made the same link at the same
    moment, every run keeps the one with the lowest id and deletes the others, so any number of hosts running
    the task at once leave exactly one link.
  - A link matches when its application, its key and its relationship (ignoring case) are the wanted ones.
    Its application is recognised wherever Tracker names it, in C(object.application) or in C(object.self).
    See R(How links are matched,ansible_collections.ytracker.tracker.docsite.links).
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.module
  - ytracker.tracker.connection
  - ytracker.tracker.issue
options:
  origin:
    description:
      - ID of the external application that owns the object, for example V(ru.yandex.bitbucket).
      - Required with O(key); mutually exclusive with O(links).
    type: str
  key:
    description:
      - Key of the object in the external application, for example a build number or a pull request ID.
      - Required with O(origin); mutually exclusive with O(links).
    type: str
  relationship:
    description:
      - Type of the link, compared ignoring case and extra spaces; Tracker answers in lower case.
      - The reference documents V(relates) for external links. The names it documents for links between
        issues are taken too, and matched by the type and direction Tracker answers for them.
      - Any other name fails before any request, listing the names.
      - Also the relationship of every item of O(links) that does not give its own.
    type: str
    default: relates
  links:
    description:
      - Several links of the same issue, handled in one task with one read of the issue's links.
      - Mutually exclusive with O(origin) and O(key).
    type: list
    elements: dict
    suboptions:
      origin:
        description: ID of the external application.
        type: str
        required: true
      key:
        description: Key of the object in the external application.
        type: str
        required: true
      relationship:
        description:
          - Type of this link, one of the names O(relationship) takes.
          - When not set, the link has the type that O(relationship) names.
        type: str
  backlink:
    description:
      - When creating a link, also ask Tracker to have the external application create a link back.
      - It has an effect outside Tracker, so it is off unless asked for.
    type: bool
    default: false
  state:
    description:
      - V(present) creates each link that is missing; links already there, duplicates included, are left alone.
      - V(absent) deletes every matching link, including duplicates left by other tools. Tracker can also ask
        the external application to remove its side of a deleted link.
    type: str
    choices: [present, absent]
    default: present
  purge:
    description:
      - With O(state=present), also delete the issue's other links of the applications named in the task.
      - Links of other applications are never touched.
      - As with O(state=absent), Tracker can also ask the external application to remove its side of a deleted link.
    type: bool
    default: false
seealso:
  - name: Tracker API, external links
    description: How Tracker stores links to objects of other applications.
    link: https://yandex.ru/support/tracker/en/concepts/issues/add-external-links
'''

EXAMPLES = r'''
- name: Link the release issue to its CI build
  ytracker.tracker.tracker_remote_link:
    issue: REL-42
    origin: ru.yandex.teamcity
    key: "build-{{ build_number }}"
    oauth_token: "{{ tracker_token }}"
    org_id: "{{ tracker_org_id }}"

- name: Link several objects in one task, connection settings from TRACKER_* variables
  ytracker.tracker.tracker_remote_link:
    issue: REL-42
    links:
      - origin: ru.yandex.bitbucket
        key: PR-1001
      - origin: ru.yandex.teamcity
        key: build-77

- name: Keep exactly these pull request links, deleting other links of that application
  ytracker.tracker.tracker_remote_link:
    issue: REL-42
    links:
      - origin: ru.yandex.bitbucket
        key: PR-1001
    purge: true

- name: Remove the link
  ytracker.tracker.tracker_remote_link:
    issue: REL-42
    origin: ru.yandex.teamcity
    key: build-77
    state: absent
'''

RETURN = r'''
link:
  description:
    - The link, as the API returns it, when O(origin) and O(key) are given.
    - With O(state=present), the link created or found; V(null) in check mode when it would be created.
    - With O(state=absent), the link removed, or V(null) when there was none.
  returned: when O(origin) and O(key) are given
  type: dict
  sample:
    id: 51455195
    self: https://api.tracker.yandex.net/v3/issues/REL-42/remotelinks/51455195
    type: {id: relates, inward: Linked, outward: Linked}
    direction: outward
    object:
      id: "1357001000"
      key: build-77
      application: {id: ru.yandex.teamcity, type: app, name: TeamCity}
    createdAt: "2026-07-19T06:18:09.327+0000"
links:
  description:
    - The links of O(links) on the issue after the task, as the API returns them.
    - Links that check mode would create are not in it.
  returned: when O(links) is given
  type: list
  elements: dict
  sample: []
removed:
  description: The links deleted, or that check mode would delete, as the API returned them.
  returned: always
  type: list
  elements: dict
  sample: []
diff:
  description:
    - The issue's links before and after the task, one a line as V(origin:key (relationship)), sorted.
    - The origin is named as the task names it whenever the link carries that name.
  returned: in diff mode
  type: dict
  sample:
    before: "ru.yandex.bitbucket:PR-1000 (relates)\n"
    after: "ru.yandex.bitbucket:PR-1000 (relates)\nru.yandex.teamcity:build-77 (relates)\n"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._flow import run_resource_task
from ansible_collections.ytracker.tracker.plugins.module_utils._link_task import LinkResource
from ansible_collections.ytracker.tracker.plugins.module_utils._links import (
    LinkIndex,
    checked_relationship,
    describe_link,
    describe_wanted,
    plan_changes,
    wanted_link,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._options import check_issue, tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._resources import applications
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import TrackerError


ARGUMENT_SPEC = dict(
    issue=dict(type='str', required=True),
    origin=dict(type='str'),
    key=dict(type='str', no_log=False),
    relationship=dict(type='str', default='relates'),
    links=dict(type='list', elements='dict', options=dict(
        origin=dict(type='str', required=True),
        key=dict(type='str', required=True, no_log=False),
        relationship=dict(type='str'),
    )),
    backlink=dict(type='bool', default=False),
    state=dict(type='str', default='present', choices=['present', 'absent']),
    purge=dict(type='bool', default=False),
)
MODULE_OPTIONS = dict(
    mutually_exclusive=[('links', 'origin'), ('links', 'key')],
    required_one_of=[('links', 'origin')],
    required_together=[('origin', 'key')],
    supports_check_mode=True,
)


def wanted_links(params):
    """The links the task asks for, or the reason they are not usable."""
    items = params['links'] if params['links'] is not None else [params]
    if not items:
        raise ValueError('links must name at least one link')
    wanted = []
    for number, item in enumerate(items, start=1):
        where = 'links[%d].' % number if params['links'] is not None else ''
        relationship = item['relationship'] if item['relationship'] is not None else params['relationship']
        relationship = checked_relationship(relationship, where)
        for name, value in (('origin', item['origin']), ('key', item['key'])):
            if not (value or '').strip():
                raise ValueError('%s%s must not be empty' % (where, name))
        wanted.append(wanted_link(item['origin'], item['key'], relationship))
    return wanted


class RemoteLinks(LinkResource):
    """External links: to objects of other applications."""

    kind = 'remotelinks'

    def __init__(self, params, wanted_links):
        super(RemoteLinks, self).__init__(params)
        self.backlink = params['backlink']
        # The diff names a link's application as the task does, when the link carries that name.
        self.origins = set(wanted.origin for wanted in wanted_links)

    def plan(self, wanted, current):
        return plan_changes(wanted, current, self.state, self.purge)

    def index(self, current):
        return LinkIndex(current)

    def create_body(self, wanted):
        return {'relationship': wanted.relationship.upper(), 'key': wanted.key, 'origin': wanted.origin}

    def create_params(self):
        return {'backlink': 'true'} if self.backlink else None

    def create_hints(self, wanted):
        return {400: 'check that origin %r is the id of an application that Tracker knows' % wanted.origin}

    def check_creatable(self, client, to_create):
        # A real run's POST is refused (400) for an origin that is no application of the organisation.
        try:
            known = applications(client)
        except TrackerError as error:
            if error.status in (403, 404):  # this token may not list applications: no prediction then
                return
            raise
        for wanted in to_create:
            if wanted.origin not in known:
                raise TrackerError('origin %r is not one of the applications Tracker knows (%s): a real run'
                                   ' could not create the link to %s'
                                   % (wanted.origin, ', '.join(sorted(known)), wanted.key))

    def describe(self, current):
        return describe_link(current, self.origins)

    def describe_wanted(self, wanted):
        return describe_wanted(wanted)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    try:
        module.params['issue'] = check_issue(module.params['issue'])
        wanted = wanted_links(module.params)
    except ValueError as error:
        module.fail_json(msg=str(error))
    run_resource_task(module, RemoteLinks(module.params, wanted), wanted)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
