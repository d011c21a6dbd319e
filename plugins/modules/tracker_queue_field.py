#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: tracker_queue_field
short_description: Make sure a Yandex Tracker queue has a local field, with its name, type, category and values
version_added: 1.0.0
description:
  - Creates a local field of a Yandex Tracker queue once, edits its name, category, description, values and
    settings when they differ, and leaves it alone when it is right, however often the task runs.
  - The field is found by O(key) within O(queue). With nothing to change, a task sends one request per language
    of O(name) it gives (Tracker answers a field's name in one language at a time), one when it gives none.
  - Once the field exists, M(ytracker.tracker.tracker_issue) sets it on issues by its key, in its O(ytracker.tracker.tracker_issue#module:fields).
  - See R(Provisioning a queue,ansible_collections.ytracker.tracker.docsite.provisioning).
author:
  - ytracker.tracker contributors (@ytracker)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ytracker.tracker.attributes
  - ytracker.tracker.attributes.module
  - ytracker.tracker.connection
  - ytracker.tracker.queue
attributes:
  check_mode:
    details:
      - Reads the field (and, when it is missing, the queue) and tells what would change.
options:
  key:
    description:
      - The field's key, which identifies it within O(queue) and names it in the fields of an issue, for example
        V(severity). Latin letters, digits and V(_), starting with a letter; anything else is refused before any
        request. A key cannot be changed.
    type: str
    required: true
  name:
    description:
      - The field's name, in English (V(en)) and Russian (V(ru)). Needed to create the field; each language given is
        compared with the name Tracker answers in it, the others are left as they are.
    type: dict
    suboptions:
      en:
        description: The name in English.
        type: str
      ru:
        description: The name in Russian.
        type: str
  category:
    description:
      - The id of the field's category (C(GET /v3/fields/categories) lists them). Needed to create the field.
    type: str
  type:
    description:
      - The type of the field's values. Needed to create the field; on an existing field, a type other than the
        field's fails the task, as Tracker cannot change the type of a field.
      - Tracker's answer shows a field's type only as its C(schema.type), which the reference gives as C(string) for
        any field of one value. Where it says C(string), the task cannot tell a type apart and leaves the field as it
        is; only a schema type of its own (C(date), C(integer), ...) that differs fails the task.
      - V(select) is a one-line text field that offers the values of O(options); V(integer) may offer some too.
    type: str
    choices: [string, text, integer, float, date, datetime, user, uri, select]
  options:
    description:
      - The values the field offers, for O(type=select) (required then) and O(type=integer). Values the field lacks
        are added after its own; the others are kept unless O(purge_options=true). Left as they are when not given.
    type: list
    elements: str
  purge_options:
    description:
      - With V(true), the field offers exactly O(options), in their order.
    type: bool
    default: false
  description:
    description:
      - The field's description. Left as it is when not given; an empty string clears it.
    type: str
  readonly:
    description:
      - V(true) makes the field's value read-only for users. Left as it is when not given.
    type: bool
  visible:
    description:
      - V(true) always shows the field in the issue's page. Tracker's answers do not show it, so it is set when the
        field is created, and compared afterwards only where an answer shows it.
    type: bool
  hidden:
    description:
      - V(true) hides the field even when it has a value. Set when the field is created, as O(visible) is.
    type: bool
  order:
    description:
      - The field's number in the list of the organisation's fields. Left as it is when not given.
    type: int
  state:
    description:
      - V(present) makes sure the field exists as the task describes it.
      - V(absent) is refused before any request, because local fields cannot be deleted through the API; remove them
        in Tracker itself.
    type: str
    choices: [present, absent]
    default: present
notes:
  - Creating and editing a local field take a token of an administrator of the queue.
seealso:
  - module: ytracker.tracker.tracker_queue
  - module: ytracker.tracker.tracker_issue
  - name: Tracker API, creating a local field
    description: The fields and types of a new local field.
    link: https://yandex.cloud/en/docs/tracker/concepts/queues/create-local-field
  - name: Tracker API, editing a local field
    description: What an edit of a local field can change.
    link: https://yandex.cloud/en/docs/tracker/concepts/queues/edit-local-field
'''

EXAMPLES = r'''
- name: The severity of an incident, one of four values
  ytracker.tracker.tracker_queue_field:
    queue: PAY
    key: severity
    name:
      en: Severity
      ru: Серьёзность
    category: "000000000000000000000002"
    type: select
    options: [S1, S2, S3, S4]

- name: The customer an issue is about
  ytracker.tracker.tracker_queue_field:
    queue: PAY
    key: customer
    name:
      en: Customer
    category: "000000000000000000000002"
    type: string
    description: The customer's account id

- name: Then an issue takes it by its key
  ytracker.tracker.tracker_issue:
    queue: PAY
    unique: pay-incident-1842
    summary: Refunds time out
    fields:
      severity: S2
      customer: acme-42
'''

RETURN = r'''
field:
  description:
    - The field after the task, as the API answers it; its name in the last language read.
    - V(null) in check mode when the field would be created.
  returned: always
  type: dict
  sample:
    type: local
    self: https://api.tracker.yandex.net/v3/queues/PAY/localFields/severity
    id: 6054ae3a2b6b2c7f80bb9a93--severity
    key: severity
    name: Severity
    version: 1
    schema: {type: string, required: false}
    readonly: false
    options: false
    suggest: false
    optionsProvider: {type: FixedListOptionsProvider, needValidation: true, values: [S1, S2, S3, S4]}
    queryProvider: {type: StringOptionalQueryProvider}
    order: 100
    category: {self: "https://api.tracker.yandex.net/v3/fields/categories/000000000000000000000002",
               id: "000000000000000000000002", display: Custom}
    queue: {self: "https://api.tracker.yandex.net/v3/queues/PAY", id: "12", key: PAY, display: Payments}
diff:
  description:
    - The field before and after the task, a line per setting (C(name) colon value).
  returned: in diff mode
  type: dict
  sample:
    before: ""
    after: "key: severity\nname.en: Severity\ntype: select\ncategory: 000000000000000000000002\noptions: S1, S2, S3, S4\n"
'''

from ansible_collections.ytracker.tracker.plugins.module_utils._flow import run_resource_task
from ansible_collections.ytracker.tracker.plugins.module_utils._options import tracker_module
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_field_task import QueueField
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_fields import TYPES, wanted_field
from ansible_collections.ytracker.tracker.plugins.module_utils._queue_items import check_queue
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import run_task


ARGUMENT_SPEC = dict(
    queue=dict(type='str', required=True),
    key=dict(type='str', required=True, no_log=False),
    name=dict(type='dict', options=dict(en=dict(type='str'), ru=dict(type='str'))),
    category=dict(type='str'),
    type=dict(type='str', choices=sorted(TYPES)),
    options=dict(type='list', elements='str'),
    purge_options=dict(type='bool', default=False),
    description=dict(type='str'),
    readonly=dict(type='bool'),
    visible=dict(type='bool'),
    hidden=dict(type='bool'),
    order=dict(type='int'),
    state=dict(type='str', default='present', choices=['present', 'absent']),
)
MODULE_OPTIONS = dict(
    supports_check_mode=True,
)


def run_module(module):
    """The task, given an AnsibleModule or, on the controller, its stand-in."""
    params = module.params
    try:
        wanted = wanted_field(params)
        params['queue'] = check_queue(params['queue'])
    except ValueError as error:
        module.fail_json(msg=str(error))
    run_resource_task(module, QueueField(params, wanted), wanted)


def main():
    run_task(tracker_module(ARGUMENT_SPEC, **MODULE_OPTIONS), run_module)


if __name__ == '__main__':
    main()
