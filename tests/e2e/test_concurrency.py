# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Many hosts asking for the same link at the same moment leave exactly one."""

HOSTS = 16


def test_many_hosts_at_once_leave_exactly_one_link(playbook, emulator, tmp_path, execution):
    inventory = tmp_path / 'hosts.ini'
    hosts = ''.join('host-%02d ansible_connection=local\n' % number for number in range(HOSTS))
    inventory.write_text('[deploy]\n' + hosts)
    link = {'issue': 'TEST-1', 'origin': 'ru.yandex.teamcity', 'key': 'release-7'}
    task = {'ytracker.tracker.tracker_remote_link': link}

    run = playbook(task, play={'hosts': 'deploy'}, options=['-i', str(inventory), '--forks', str(HOSTS)],
                   execution=execution)

    assert run.rc == 0, run.output
    links = emulator.links()
    assert [link['object']['key'] for link in links] == ['release-7']
    # Every host reports the link that stays.
    assert run.result['link']['id'] == links[0]['id']
    posts = [entry for entry in emulator.request_log() if entry['method'] == 'POST']
    deletes = [entry for entry in emulator.request_log() if entry['method'] == 'DELETE']
    assert 1 <= len(posts) <= HOSTS and len(deletes) >= len(posts) - 1


def test_many_hosts_closing_one_issue_run_one_transition(playbook, emulator, tmp_path, execution):
    """A release play run on twelve hosts without run_once: each host finds the issue resolved, or
    closed by another host a moment before; one transition is executed and no host fails."""
    inventory = tmp_path / 'hosts.ini'
    inventory.write_text('[deploy]\n' + ''.join('host-%02d ansible_connection=local\n' % number for number in range(12)))
    emulator.call('POST', '/_emulator/issues/TEST-1', {'fields': {'status': 'resolved'}})
    task = {'ytracker.tracker.tracker_issue': {'key': 'TEST-1', 'status': 'closed'}}

    run = playbook(task, play={'hosts': 'deploy'}, options=['-i', str(inventory), '--forks', '12'],
                   execution=execution)

    assert run.rc == 0, run.output
    assert emulator.api('GET', '/issues/TEST-1')['status']['key'] == 'closed'
    executed = [entry for entry in emulator.request_log()
                if entry['method'] == 'POST' and entry['path'].endswith('/_execute') and entry['status'] == 200]
    # One host ran the transition; the others found the issue closed already, or were refused and read it.
    assert len(executed) == 1, emulator.request_log()
    recap = [line for line in run.output.splitlines() if line.startswith('host-')]
    assert len(recap) == 12 and all('failed=0' in line for line in recap), recap
