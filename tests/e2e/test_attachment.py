# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_attachment and tracker_attachment_info through ansible-playbook, against the emulator."""

import hashlib
import os
import stat
import urllib.parse
import urllib.request

import pytest

from conftest import AUTH

MODULE = 'ytracker.tracker.tracker_attachment'
INFO = 'ytracker.tracker.tracker_attachment_info'
ATTACHMENTS = '/v3/issues/TEST-1/attachments'
HOSTS = 12


def attachment_task(src, **args):
    task = dict({'issue': 'TEST-1', 'src': str(src)}, **args)
    return {MODULE: dict((name, value) for name, value in task.items() if value is not None)}


def info_task(**args):
    return {INFO: dict({'issue': 'TEST-1'}, **args)}


def attachments(emulator, issue='TEST-1'):
    return emulator.api('GET', '/issues/%s/attachments' % issue)


def content(emulator, attachment, issue='TEST-1'):
    """The bytes of an attachment, as the API's download answers them."""
    path = '/v3/issues/%s/attachments/%s/%s' % (issue, attachment['id'], urllib.parse.quote(attachment['name'], safe=''))
    with urllib.request.urlopen(urllib.request.Request(emulator.url + path, headers=AUTH), timeout=30) as response:
        return response.read()


def seed(emulator, name, text, issue='TEST-1'):
    return emulator.call('POST', '/_emulator/attachments',
                         {'issue': issue, 'attachments': [{'name': name, 'text': text}]})['ids'][0]


def file_of(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode('utf-8'))
    return path


def test_upload_rerun_replace_then_remove(playbook, emulator, tmp_path, execution):
    log = file_of(tmp_path, 'build.log', 'build 42 passed\n')

    created = playbook(attachment_task(log), execution=execution)
    assert created.rc == 0, created.output
    assert created.result['changed'] is True
    first = created.result['attachment']
    assert first['name'] == 'build.log' and first['size'] == 16
    # The answer names this run's own upload: no download to know it.
    assert emulator.requests() == ['GET ' + ATTACHMENTS, 'POST %s/' % ATTACHMENTS, 'GET ' + ATTACHMENTS]
    assert [entry['query'] for entry in emulator.request_log() if entry['method'] == 'POST'] == ['filename=build.log']

    emulator.forget()
    again = playbook(attachment_task(log), execution=execution)
    assert again.result['changed'] is False and again.result['attachment']['id'] == first['id']
    # Same size: the content is downloaded and compared.
    assert emulator.requests() == ['GET ' + ATTACHMENTS, 'GET %s/%s/build.log' % (ATTACHMENTS, first['id'])]

    emulator.forget()
    log.write_text('build 43 passed, longer\n')
    longer = playbook(attachment_task(log), execution=execution)
    assert longer.result['changed'] is True, longer.output
    second = longer.result['attachment']
    assert [item['id'] for item in longer.result['removed']] == [first['id']]
    # Another size: no download; the new file goes up before the old one is deleted.
    assert emulator.requests() == ['GET ' + ATTACHMENTS, 'POST %s/' % ATTACHMENTS, 'GET ' + ATTACHMENTS,
                                   'DELETE %s/%s/' % (ATTACHMENTS, first['id'])]
    assert [(item['id'], content(emulator, item)) for item in attachments(emulator)] == [
        (second['id'], b'build 43 passed, longer\n')]

    emulator.forget()
    removed = playbook(attachment_task(log, state='absent'), execution=execution)
    assert removed.result['changed'] is True and removed.result['attachment'] is None
    assert emulator.requests() == ['GET ' + ATTACHMENTS, 'DELETE %s/%s/' % (ATTACHMENTS, second['id'])]
    assert attachments(emulator) == []

    emulator.forget()
    gone = playbook(attachment_task(log, state='absent'), execution=execution)
    assert gone.result['changed'] is False and gone.result['removed'] == []
    assert emulator.requests() == ['GET ' + ATTACHMENTS]


def test_same_size_other_content_is_replaced_upload_first(playbook, emulator, tmp_path, execution):
    old = seed(emulator, 'report.txt', 'result: FAIL\n')
    seed(emulator, 'other.txt', 'result: PASS\n')
    emulator.forget()
    report = file_of(tmp_path, 'report.txt', 'result: PASS\n')

    run = playbook(attachment_task(report), execution=execution)

    assert run.result['changed'] is True, run.output
    new = run.result['attachment']['id']
    assert emulator.requests() == ['GET ' + ATTACHMENTS, 'GET %s/%s/report.txt' % (ATTACHMENTS, old),
                                   'POST %s/' % ATTACHMENTS, 'GET ' + ATTACHMENTS, 'DELETE %s/%s/' % (ATTACHMENTS, old)]
    left = dict((item['name'], content(emulator, item)) for item in attachments(emulator))
    assert left == {'report.txt': b'result: PASS\n', 'other.txt': b'result: PASS\n'}
    assert new != old


def test_replace_false_keeps_what_is_there_without_downloading(playbook, emulator, tmp_path, execution):
    old = seed(emulator, 'notes.md', 'old notes\n')
    emulator.forget()
    notes = file_of(tmp_path, 'notes.md', 'new notes\n')

    run = playbook(attachment_task(notes, replace=False), attachment_task(notes, name='fresh.md', replace=False),
                   execution=execution)

    kept, uploaded = run.results
    assert kept['changed'] is False and kept['attachment']['id'] == old, run.output
    assert uploaded['changed'] is True and uploaded['attachment']['name'] == 'fresh.md'
    assert emulator.requests() == ['GET ' + ATTACHMENTS] * 2 + ['POST %s/' % ATTACHMENTS, 'GET ' + ATTACHMENTS]
    assert content(emulator, attachments(emulator)[0]) == b'old notes\n'


def test_duplicates_of_the_name_end_as_one(playbook, emulator, tmp_path, execution):
    report = file_of(tmp_path, 'r.txt', 'same\n')
    kept = seed(emulator, 'r.txt', 'same\n')
    twin = seed(emulator, 'r.txt', 'same\n')
    stale = seed(emulator, 'r.txt', 'stale\n')

    run = playbook(attachment_task(report), execution=execution)

    assert run.result['changed'] is True and run.result['attachment']['id'] == kept, run.output
    assert sorted(item['id'] for item in run.result['removed']) == sorted([twin, stale])
    assert [item['id'] for item in attachments(emulator)] == [kept]


def test_a_non_ascii_name_is_uploaded_found_and_downloaded(playbook, emulator, tmp_path, execution):
    name = u'отчёт сборки №1.txt'
    report = file_of(tmp_path, name, u'всё хорошо\n')
    dest = tmp_path / 'out'
    dest.mkdir()

    run = playbook(attachment_task(report), attachment_task(report), info_task(name=name, dest=str(dest)),
                   execution=execution)

    created, again, fetched = run.results
    assert created['changed'] is True and created['attachment']['name'] == name, run.output
    assert again['changed'] is False
    assert [item['name'] for item in attachments(emulator)] == [name]
    assert fetched['changed'] is True and fetched['dest'] == str(dest / name)
    assert (dest / name).read_text() == u'всё хорошо\n'


@pytest.mark.parametrize('fault', ['create_then_500', 'create_then_drop'])
def test_an_upload_whose_answer_is_lost_is_settled_by_reading(playbook, emulator, tmp_path, fault, execution):
    emulator.arm({'kind': fault, 'method': 'POST', 'path': '/attachments'})
    log = file_of(tmp_path, 'build.log', 'lost and found\n')

    run = playbook(attachment_task(log), execution=execution)

    assert run.result['changed'] is True, run.output
    sent = emulator.requests()
    left = attachments(emulator)
    assert len(left) == 1 and run.result['attachment']['id'] == left[0]['id']
    # Not uploaded again: the read after the lost answer found it, by its content.
    assert sent == ['GET ' + ATTACHMENTS, 'POST %s/' % ATTACHMENTS, 'GET ' + ATTACHMENTS,
                    'GET %s/%s/build.log' % (ATTACHMENTS, left[0]['id'])]


def test_a_rate_limited_upload_is_sent_again_whole(playbook, emulator, tmp_path, execution):
    emulator.arm({'kind': 'rate_limit', 'method': 'POST', 'path': '/attachments', 'retry_after': 1})
    log = file_of(tmp_path, 'build.log', 'x' * 100000)

    run = playbook(attachment_task(log), execution=execution)

    assert run.result['changed'] is True, run.output
    assert [content(emulator, item) for item in attachments(emulator)] == [b'x' * 100000]
    assert 'Tracker requests were retried 1 times (HTTP 429 x1)' in run.output


def test_many_hosts_at_once_leave_exactly_one_attachment(playbook, emulator, tmp_path, execution):
    seed(emulator, 'rollout.md', 'the old summary\n')
    summary = file_of(tmp_path, 'rollout.md', 'web 1.4 is live on 12 hosts\n')
    inventory = tmp_path / 'hosts.ini'
    inventory.write_text('[web]\n' + ''.join('web-%02d ansible_connection=local\n' % number
                                             for number in range(HOSTS)))

    run = playbook(attachment_task(summary), play={'hosts': 'web'},
                   options=['-i', str(inventory), '--forks', str(HOSTS)], execution=execution)

    assert run.rc == 0, run.output
    left = attachments(emulator)
    assert [(item['name'], content(emulator, item)) for item in left] == [
        ('rollout.md', b'web 1.4 is live on 12 hosts\n')]
    assert set(results[0]['attachment']['id'] for results in run.by_host.values()) == {left[0]['id']}


def test_check_mode_only_reads_and_predicts(playbook, emulator, tmp_path, execution):
    seed(emulator, 'a.txt', 'aaaa\n')
    emulator.forget()
    same = file_of(tmp_path, 'a.txt', 'aaaa\n')
    other = file_of(tmp_path, 'b.txt', 'bbbb\n')

    run = playbook(attachment_task(same), attachment_task(other, name='a.txt'), attachment_task(other),
                   attachment_task(same, state='absent'), options=['--check'], execution=execution)

    kept, replaced, created, removed = run.results
    assert kept['changed'] is False, run.output
    assert replaced['changed'] is True and len(replaced['removed']) == 1
    assert created['changed'] is True and created['attachment'] is None
    assert removed['changed'] is True and removed['removed'][0]['name'] == 'a.txt'
    assert set(entry.split(' ')[0] for entry in emulator.requests()) == {'GET'}
    assert [item['name'] for item in attachments(emulator)] == ['a.txt']


def test_diff_shows_the_attachments_of_the_name(playbook, emulator, tmp_path, execution):
    old = seed(emulator, 'build.log', 'old\n')
    log = file_of(tmp_path, 'build.log', 'newer\n')

    run = playbook(attachment_task(log), options=['--diff'], execution=execution)

    assert run.result['diff'] == {'before': 'build.log, 4 bytes, attachment %s\n' % old,
                                  'after': 'build.log, 6 bytes, from %s\n' % log}, run.output


@pytest.mark.parametrize('args, message', [
    ({'src': '/nonexistent/build.log'}, 'src /nonexistent/build.log does not exist'),
    ({'src': '/tmp'}, 'src /tmp is not a regular file'),
    ({'name': 'logs/build.log'}, "name must be a file name, without a slash or control characters, got 'logs/build.log'"),
    ({'name': ''}, 'name must not be empty'),
    ({'src': None, 'name': 'build.log'}, 'state is present but all of the following are missing: src'),
    ({'src': ''}, 'src is required with state=present'),
    ({'src': None, 'state': 'absent'}, 'state is absent but any of the following are missing: src, name'),
    ({'issue': 'not an issue'}, 'issue must be an issue key'),
])
def test_bad_input_fails_before_any_request(playbook, emulator, tmp_path, args, message, execution):
    log = file_of(tmp_path, 'build.log', 'data\n')
    task = attachment_task(log)
    task[MODULE].update(args)
    task[MODULE] = dict((name, value) for name, value in task[MODULE].items() if value is not None)

    run = playbook(task, execution=execution)

    assert run.result['failed'] is True
    assert message in run.result['msg'], run.result['msg']
    assert '\n' not in run.result['msg'] and 'Traceback' not in run.output
    assert emulator.request_log() == []


def test_info_lists_and_downloads_with_checksum_and_mode(playbook, emulator, tmp_path, execution):
    seed(emulator, 'notes.md', 'release notes\n')
    seed(emulator, 'build.log', 'log\n')
    digest = hashlib.sha256(b'release notes\n').hexdigest()
    dest = tmp_path / 'notes.md'
    emulator.forget()

    run = playbook(info_task(), info_task(name='notes.md'),
                   info_task(name='notes.md', dest=str(dest), checksum='sha256:' + digest, mode='0640'),
                   info_task(name='notes.md', dest=str(dest), checksum='sha256:' + digest, mode='0640'),
                   info_task(name='notes.md', dest=str(dest), mode='0600'),
                   info_task(name='notes.md', dest=str(tmp_path / 'bad.md'), checksum='sha256:' + '0' * 64),
                   execution=execution)

    every, one, fetched, again, forced, refused = run.results
    assert [item['name'] for item in every['attachments']] == ['notes.md', 'build.log'], run.output
    assert every['changed'] is False and [item['name'] for item in one['attachments']] == ['notes.md']
    assert fetched['changed'] is True and fetched['downloaded'] is True
    assert fetched['checksum'] == 'sha256:' + digest and fetched['mode'] == '0640'
    # The file there has the checksum: not downloaded again.
    assert again['changed'] is False and again['downloaded'] is False
    # Downloaded again to compare, the same content: only the mode changes.
    assert forced['changed'] is True and forced['downloaded'] is True and forced['mode'] == '0600'
    assert dest.read_bytes() == b'release notes\n' and stat.S_IMODE(os.stat(str(dest)).st_mode) == 0o600
    assert refused['failed'] is True and 'not the checksum asked for' in refused['msg']
    assert not (tmp_path / 'bad.md').exists()
    assert [name for name in os.listdir(str(tmp_path)) if name.endswith('.part')] == []
    downloads = [entry for entry in emulator.requests() if entry.startswith('GET %s/' % ATTACHMENTS)]
    assert len(downloads) == 3


def test_info_in_check_mode_writes_nothing(playbook, emulator, tmp_path, execution):
    seed(emulator, 'notes.md', 'release notes\n')
    dest = tmp_path / 'notes.md'

    run = playbook(info_task(name='notes.md', dest=str(dest)), options=['--check'], execution=execution)

    assert run.result['changed'] is True and run.result['downloaded'] is False, run.output
    assert not dest.exists()


@pytest.mark.parametrize('args, message', [
    ({'dest': '/tmp/x'}, 'dest needs name or id'),
    ({'name': 'a', 'dest': '/nonexistent/dir/a'}, 'directory /nonexistent/dir does not exist'),
    ({'name': 'a', 'dest': '/tmp/a', 'checksum': 'sha256'}, "checksum must be '<algorithm>:<hex digest>'"),
    ({'name': 'a', 'dest': '/tmp/a', 'mode': 'u+rw'}, 'mode must be an octal number'),
])
def test_info_bad_input_fails_before_any_request(playbook, emulator, args, message, execution):
    run = playbook(info_task(**args), execution=execution)

    assert run.result['failed'] is True and message in run.result['msg'], run.result
    assert emulator.request_log() == []


def test_a_large_file_goes_up_and_comes_back_whole(playbook, emulator, tmp_path, execution):
    big = tmp_path / 'big.bin'
    block = os.urandom(1024 * 1024)
    with open(str(big), 'wb') as handle:
        for number in range(50):
            handle.write(bytes([number]) + block[1:])
    digest = hashlib.sha256(big.read_bytes()).hexdigest()

    run = playbook(attachment_task(big), attachment_task(big),
                   info_task(name='big.bin', dest=str(tmp_path / 'back.bin'), checksum='sha256:' + digest),
                   execution=execution)

    created, again, back = run.results
    assert created['changed'] is True and created['attachment']['size'] == 50 * 1024 * 1024, run.output
    assert again['changed'] is False
    assert back['changed'] is True and back['checksum'] == 'sha256:' + digest
