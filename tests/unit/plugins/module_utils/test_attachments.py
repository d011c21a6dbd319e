# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The attachments' pure plan, the multipart body read from disk, and an upload's memory."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import http.server
import os
import threading
import tracemalloc
from urllib.parse import quote

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils import _options, _tracker
from ansible_collections.ytracker.tracker.plugins.module_utils._attachment_download import (
    check_checksum,
    check_mode_option,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._attachments import (
    WantedAttachment,
    check_name,
    plan_attachment,
    to_compare,
)
from ansible_collections.ytracker.tracker.plugins.module_utils._files import (
    CHUNK,
    MultipartFile,
    content_disposition,
    same_content,
    write_temporary,
)

WANTED = WantedAttachment('build.log', '/tmp/build.log', 12)


def attachment(attachment_id, name='build.log', size=12):
    return {'id': str(attachment_id), 'name': name, 'size': size}


def ids(items):
    return [item['id'] for item in items]


# The plan

def test_nothing_of_the_name_uploads_the_file():
    plan = plan_attachment(WANTED, [attachment(1, 'other.log')], 'present', True, {})

    assert plan.to_create == [WANTED] and plan.to_delete == [] and plan.kept == []


def test_only_the_same_size_is_compared_and_a_missing_size_is_compared_too():
    current = [attachment(1, size=13), attachment(2), attachment(3, size=None), attachment(4, 'x.log')]

    assert ids(to_compare(current, WANTED)) == ['2', '3']


def test_the_first_identical_one_is_kept_and_every_other_of_the_name_deleted():
    current = [attachment(9), attachment(3, size=40), attachment(5), attachment(7, 'other.log')]

    plan = plan_attachment(WANTED, current, 'present', True, {'9': True, '5': True})

    assert ids(plan.kept) == ['5'] and plan.to_create == []
    assert ids(plan.to_delete) == ['9', '3']


def test_none_identical_uploads_then_deletes_every_one_of_the_name():
    current = [attachment(1), attachment(2, size=40)]

    plan = plan_attachment(WANTED, current, 'present', True, {'1': False})

    assert plan.to_create == [WANTED] and ids(plan.to_delete) == ['1', '2'] and plan.kept == []


def test_replace_false_keeps_whatever_has_the_name():
    plan = plan_attachment(WANTED, [attachment(1, size=40)], 'present', False, {})

    assert plan.to_create == [] and plan.to_delete == [] and ids(plan.kept) == ['1']


def test_absent_deletes_every_one_of_the_name_whatever_it_holds():
    current = [attachment(1), attachment(2, 'other.log'), attachment(3, size=1)]

    plan = plan_attachment(WantedAttachment('build.log', None, None), current, 'absent', True, {'1': True})

    assert ids(plan.to_delete) == ['1', '3'] and plan.to_create == []


@pytest.mark.parametrize('name', ['', ' ', 'logs/build.log', '.', '..', 'a\nb', 'tab\there'])
def test_a_name_that_is_no_file_name_is_refused(name):
    with pytest.raises(ValueError):
        check_name(name)


@pytest.mark.parametrize('name', [u'отчёт №1.txt', 'build (1).log', 'back\\slash', '.hidden'])
def test_any_other_file_name_is_taken(name):
    assert check_name(name) == name


# The options of a download

@pytest.mark.parametrize('given, mode', [('0644', 0o644), ('644', 0o644), ('0o600', 0o600), (420, 0o644),
                                         ('1777', 0o1777), (None, None)])
def test_octal_modes_are_read(given, mode):
    assert check_mode_option(given) == mode


@pytest.mark.parametrize('given', ['u+rw', 'rw-r--r--', '0999', '', True, 0o17777])
def test_other_modes_are_refused(given):
    with pytest.raises(ValueError):
        check_mode_option(given)


def test_checksums_are_read_and_checked_for_their_length():
    digest = hashlib.sha256(b'x').hexdigest()

    assert check_checksum('SHA256:' + digest.upper()) == ('sha256', digest)
    for bad in ('sha256', 'sha256:' + digest[:-1], 'nosuch:' + digest, 'sha256:xyz'):
        with pytest.raises(ValueError):
            check_checksum(bad)


# The multipart body

def test_the_body_is_the_file_between_its_part_header_and_the_closing_boundary(tmp_path):
    path = tmp_path / 'r.txt'
    path.write_bytes(b'line one\r\n--not-the-boundary\r\n')
    body = MultipartFile(str(path), 'r.txt', boundary='BOUNDARY')

    reader = body.open()
    data = b''.join(iter(lambda: reader.read(7), b''))

    assert data == (b'--BOUNDARY\r\nContent-Disposition: form-data; name="file"; filename="r.txt"\r\n'
                    b'Content-Type: application/octet-stream\r\n\r\n'
                    b'line one\r\n--not-the-boundary\r\n'
                    b'\r\n--BOUNDARY--\r\n')
    assert len(reader) == body.length == len(data)
    assert body.headers() == {'Content-Type': 'multipart/form-data; boundary=BOUNDARY',
                              'Content-Length': str(len(data))}


def test_each_open_reads_the_whole_body_again_for_a_retry(tmp_path):
    path = tmp_path / 'r.txt'
    path.write_bytes(b'abc')
    body = MultipartFile(str(path), 'r.txt')

    first, second = b''.join(body.open()), b''.join(body.open())

    assert first == second and b'abc' in first


def test_a_non_ascii_name_goes_as_utf_8_with_a_plain_fallback():
    name = u'отчёт "1".txt'

    assert content_disposition('file', name) == (
        'form-data; name="file"; filename="_____ _1_.txt"; filename*=UTF-8\'\'%s' % quote(name, safe=''))
    assert content_disposition('file', 'plain.txt') == 'form-data; name="file"; filename="plain.txt"'


def test_no_read_returns_more_than_a_chunk_whatever_is_asked(tmp_path):
    path = tmp_path / 'big.bin'
    with open(str(path), 'wb') as handle:
        handle.truncate(3 * CHUNK + 5)
    reader = MultipartFile(str(path), 'big.bin').open()

    sizes = [len(piece) for piece in iter(lambda: reader.read(-1), b'')]

    assert max(sizes) == CHUNK and sum(sizes) == len(reader)


# Comparing and writing

def test_same_content_stops_at_the_first_difference(tmp_path):
    path = tmp_path / 'f'
    path.write_bytes(b'aaaabbbb')
    asked = []

    def chunks(*pieces):
        for piece in pieces:
            asked.append(piece)
            yield piece

    assert same_content(chunks(b'aaaa', b'bbbb'), str(path)) is True
    del asked[:]
    assert same_content(chunks(b'aaaX', b'bbbb', b'never'), str(path)) is False
    assert asked == [b'aaaX']
    assert same_content(chunks(b'aaaa'), str(path)) is False
    assert same_content(chunks(b'aaaa', b'bbbb', b'c'), str(path)) is False


def test_a_temporary_file_is_written_beside_with_its_digest_and_removed_on_failure(tmp_path):
    path, digest = write_temporary(iter([b'ab', b'c']), str(tmp_path))

    assert os.path.dirname(path) == str(tmp_path) and open(path, 'rb').read() == b'abc'
    assert digest == hashlib.sha256(b'abc').hexdigest()

    def broken():
        yield b'x'
        raise IOError('the download broke off')

    with pytest.raises(IOError):
        write_temporary(broken(), str(tmp_path))
    assert os.listdir(str(tmp_path)) == [os.path.basename(path)]


# An upload's memory

class Sink(http.server.BaseHTTPRequestHandler):
    """Reads each upload in small pieces, hashing it, and answers 201."""

    received = []

    def log_message(self, *args):
        pass

    def do_POST(self):
        length, digest = int(self.headers['Content-Length']), hashlib.sha256()
        while length:
            piece = self.rfile.read(min(length, 65536))
            digest.update(piece)
            length -= len(piece)
        self.received.append((self.headers.get('Transfer-Encoding'), int(self.headers['Content-Length']),
                              digest.hexdigest()))
        self.send_response(201)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', '12')
        self.end_headers()
        self.wfile.write(b'{"id": "41"}')


def test_a_50_mb_upload_holds_no_more_than_a_few_chunks_in_memory(tmp_path):
    path = tmp_path / 'big.bin'
    block = os.urandom(CHUNK)
    with open(str(path), 'wb') as handle:
        for number in range(50):
            handle.write(block)
    server = http.server.HTTPServer(('127.0.0.1', 0), Sink)
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    params = dict((name, spec.get('default')) for name, spec in _options.tracker_argument_spec().items())
    params.update(oauth_token='token', org_id='1', api_url='http://127.0.0.1:%d' % server.server_address[1])
    client = _tracker.TrackerClient(params)
    body = MultipartFile(str(path), 'big.bin', boundary='B')
    try:
        tracemalloc.start()
        answer = client.create('/issues/TEST-1/attachments/', None, params={'filename': 'big.bin'}, data=body)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        server.shutdown()
        thread.join()
        server.server_close()

    expected = hashlib.sha256(b''.join(body.open())).hexdigest()
    assert answer == {'id': '41'}
    # Sent with a length, not chunked, and whole.
    assert Sink.received == [(None, body.length, expected)]
    # The file is 50 MB; what Python held at its peak, the server's side included, is a few chunks.
    assert peak < 6 * CHUNK, peak
