# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fixtures of the unit tests: a mocked HTTP transport and a recorded time.sleep."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest.mock import patch

import pytest
import responses
from responses.registries import OrderedRegistry

from ansible_collections.ytracker.tracker.plugins.module_utils import _tracker


@pytest.fixture
def api():
    """The HTTP transport, mocked: requests must come exactly in the order registered, and all of them."""
    with responses.RequestsMock(registry=OrderedRegistry, assert_all_requests_are_fired=True) as mock:
        yield mock


@pytest.fixture
def no_api():
    """A transport that answers nothing: any request sent fails the test."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock
    assert [call.request.url for call in mock.calls] == []


@pytest.fixture(autouse=True)
def sleeps():
    """time.sleep, recorded rather than waited: no test waits out a backoff, even a failing one."""
    with patch.object(_tracker.time, 'sleep') as sleep:
        yield sleep


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """No TRACKER_* setting of the machine running the tests leaks into them."""
    for name in ('TRACKER_API_URL', 'TRACKER_OAUTH_TOKEN', 'TRACKER_IAM_TOKEN', 'TRACKER_ORG_ID',
                 'TRACKER_CLOUD_ORG_ID'):
        monkeypatch.delenv(name, raising=False)
