# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_attachment against answers that other runs change between its requests."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.modules.tracker_attachment import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    API,
    CONNECTION,
    module_runner,
    requests_sent,
)

ATTACHMENTS = API + '/issues/TEST-1/attachments'
CONTENT = b'web 1.4 is live\n'


def attachment(attachment_id, size=len(CONTENT)):
    return dict(id=str(attachment_id), name='rollout.md', size=size,
                self='%s/attachments/%s' % (API, attachment_id), content='%s/%s/rollout.md' % (ATTACHMENTS, attachment_id))


def test_a_twin_deleted_by_another_run_between_the_list_and_its_download_is_gone_not_a_failure(api, tmp_path):
    src = tmp_path / 'rollout.md'
    src.write_bytes(CONTENT)
    # Two runs uploaded at once; the other run, settling, deleted 5 (its own twin, not the lowest id
    # it saw) before this one could compare it.
    api.get(ATTACHMENTS, json=[attachment(5), attachment(7)])
    api.get(ATTACHMENTS + '/5/rollout.md', status=404, json={'errorMessages': ['Attachment does not exist.']})
    api.get(ATTACHMENTS + '/7/rollout.md', body=CONTENT)

    result, failed = module_runner(main, issue='TEST-1', src=str(src), **CONNECTION)()

    assert not failed, result
    assert result['changed'] is False and result['attachment']['id'] == '7' and result['removed'] == []
    # Nothing written: 5 is neither deleted again nor counted.
    assert [method for method, dummy in requests_sent(api)] == ['GET', 'GET', 'GET']


def test_every_one_gone_before_its_download_uploads_the_file(api, tmp_path):
    src = tmp_path / 'rollout.md'
    src.write_bytes(CONTENT)
    api.get(ATTACHMENTS, json=[attachment(7)])
    api.get(ATTACHMENTS + '/7/rollout.md', status=404, json={'errorMessages': ['Attachment does not exist.']})
    api.post(ATTACHMENTS + '/', status=201, json=attachment(9))
    api.get(ATTACHMENTS, json=[attachment(9)])

    result, failed = module_runner(main, issue='TEST-1', src=str(src), **CONNECTION)()

    assert not failed, result
    assert result['changed'] is True and result['attachment']['id'] == '9'
    assert ('POST', ATTACHMENTS + '/?filename=rollout.md') in requests_sent(api)
