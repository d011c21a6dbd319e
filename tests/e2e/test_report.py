# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The callback ytracker.tracker.report in real playbook runs, against the emulator.

A callback runs in Ansible's own process only: there is no module process to compare with.
"""

import socket

from conftest import OAUTH_TOKEN

ENABLED = {'ANSIBLE_CALLBACKS_ENABLED': 'e2e_results,ytracker.tracker.report'}
HOSTS = ['web%d' % number for number in range(1, 7)]
MARKER = 'ansible-run-report:deploy.yml'
# A failure message that holds a secret, from the environment so that the playbook does not.
PASSWORD_REFUSED = "password {{ lookup('ansible.builtin.env', 'E2E_SECRET') }} refused"


def comments(emulator, issue='TEST-1'):
    return emulator.api('GET', '/issues/%s/comments?perPage=1000' % issue)


def task(name, **module):
    return dict({'name': name}, **module)


def play(name, *tasks, **keywords):
    return dict({'name': name, 'hosts': 'all', 'gather_facts': False, 'tasks': list(tasks)}, **keywords)


def report(playbook, *plays, options=(), env=None, issue='TEST-1'):
    """A run of ``plays`` over HOSTS, reported to ``issue``; the playbook is deploy.yml every time."""
    extra = ['-e', 'tracker_report_issue=%s' % issue] if issue else []
    return playbook(more_plays=list(plays), file_name='deploy.yml', env=dict(ENABLED, **(env or {})),
                    options=['-i', ','.join(HOSTS) + ','] + extra + list(options))


def say(text, **keywords):
    return task('Say %s' % text, **dict({'ansible.builtin.debug': {'msg': text}}, **keywords))


def test_a_rerun_edits_its_report_in_place(playbook, emulator):
    first = report(playbook, play('Deploy', say('hello')), options=['-f', '10'])
    emulator.forget()
    second = report(playbook, play('Deploy', say('hello'), strategy='free'), play('Check', say('again'), serial=2))

    assert first.rc == 0 and second.rc == 0, second.output
    sent = emulator.requests()
    found = comments(emulator)
    assert len(found) == 1 and found[0]['version'] == 2
    text = found[0]['text']
    assert text.startswith('**Ansible run of deploy.yml: ok**') and text.endswith('\n\n' + MARKER)
    assert 'Check mode: no.' in text
    for host in HOSTS:
        assert '| %s | 2 | 0 | 0 | 0 | 0 |' % host in text
    # Once per run, whatever the number of plays: one read and one edit.
    assert sent == ['GET /v3/issues/TEST-1/comments', 'PATCH /v3/issues/TEST-1/comments/%d' % found[0]['id']]
    assert '[WARNING]' not in second.output


def test_a_failing_play_is_reported_with_its_failures_and_no_log_censored(playbook, emulator):
    run = report(playbook, play(
        'Deploy',
        task('Break', **{'ansible.builtin.fail': {'msg': 'the disk of {{ inventory_hostname }} is full'},
                         'when': "inventory_hostname == 'web1'"}),
        task('Set the password', no_log=True, **{'ansible.builtin.fail': {'msg': PASSWORD_REFUSED},
                                                 'when': "inventory_hostname == 'web2'"}),
        say('done')), options=['--check'], env={'E2E_SECRET': 's3cret-value'})

    assert run.rc == 2, run.output
    text = comments(emulator)[0]['text']
    assert text.startswith('**Ansible run of deploy.yml: failed**')
    assert 'Check mode: yes.' in text
    assert '- web1: Break: the disk of web1 is full' in text
    assert '- web2: Set the password: the output has been hidden due to no_log' in text
    assert '| web1 | 0 | 0 | 1 | 0 | 0 |' in text and '| web3 | 1 | 0 | 0 | 0 | 2 |' in text
    # Only the report: ansible-core 2.21 itself prints the message of a failed ansible.builtin.fail under no_log.
    assert 's3cret-value' not in text


def test_append_adds_a_report_per_run(playbook, emulator):
    for dummy in range(2):
        run = report(playbook, play('Deploy', say('hello')), env={'TRACKER_REPORT_MODE': 'append'})
        assert run.rc == 0, run.output

    texts = [comment['text'] for comment in comments(emulator)]
    assert len(texts) == 2
    assert all(text.splitlines()[-1].startswith('ansible-run-report-') for text in texts)
    assert texts[0].splitlines()[-1] != texts[1].splitlines()[-1]


def test_tracker_down_is_one_warning_and_the_exit_code_is_the_play_s(playbook, emulator):
    closed = socket.socket()
    closed.bind(('127.0.0.1', 0))
    down = {'TRACKER_API_URL': 'http://127.0.0.1:%d' % closed.getsockname()[1]}
    try:
        ok = report(playbook, play('Deploy', say('hello')), env=down)
        failed = report(playbook, play('Deploy', task('Break', **{'ansible.builtin.fail': {'msg': 'no'}})), env=down)
    finally:
        closed.close()

    assert ok.rc == 0 and failed.rc == 2
    for run in (ok, failed):
        # ansible-core up to 2.18 wraps warnings at 80 columns.
        assert ' '.join(run.output.split()).count('[WARNING]: ytracker.tracker.report: could not report to TEST-1: GET'
                                                  ' /v3/issues/TEST-1/comments: cannot connect to 127.0.0.1') == 1
    assert emulator.request_log() == []


def test_a_missing_issue_or_a_wrong_token_is_a_warning_never_the_token(playbook, emulator):
    missing = report(playbook, play('Deploy', say('hello')), issue='NOPE-1', options=['-vvvv'])
    wrong = report(playbook, play('Deploy', say('hello')), env={'TRACKER_OAUTH_TOKEN': 'y0-wrong-' + OAUTH_TOKEN},
                   options=['-vvvv'])

    assert missing.rc == 0 and wrong.rc == 0
    assert ('[WARNING]: ytracker.tracker.report: could not report to NOPE-1: GET /v3/issues/NOPE-1/comments: HTTP 404'
            in ' '.join(missing.output.split()))
    assert ('[WARNING]: ytracker.tracker.report: could not report to TEST-1: GET /v3/issues/TEST-1/comments: HTTP 401'
            in ' '.join(wrong.output.split()))
    for run in (missing, wrong):
        assert OAUTH_TOKEN not in run.output


def test_no_issue_no_request(playbook, emulator):
    run = report(playbook, play('Deploy', say('hello')), issue=None)

    assert run.rc == 0 and '[WARNING]' not in run.output
    assert emulator.request_log() == []


def test_the_issue_and_the_connection_from_ansible_cfg(playbook, emulator, tmp_path):
    config = tmp_path / 'ansible.cfg'
    config.write_text('[callback_ytracker.tracker.report]\nissue = TEST-2\napi_url = %s\noauth_token = %s\n'
                      'org_id = emulator-org\n' % (emulator.url, OAUTH_TOKEN))

    run = report(playbook, play('Deploy', say('hello')), issue=None, env={'ANSIBLE_CONFIG': str(config)})

    assert run.rc == 0, run.output
    assert comments(emulator, 'TEST-2')[0]['text'].endswith(MARKER)
