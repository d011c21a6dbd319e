# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The emulator's issue attachments answer as the reference's attachment pages say, whatever the collection does."""

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import AUTH

ATTACHMENTS = '/v3/issues/TEST-1/attachments'


def multipart(parts, boundary='XyZ'):
    """A multipart/form-data body of (disposition parameters, content) parts; its Content-Type and bytes."""
    body = b''
    for disposition, content in parts:
        body += ('--%s\r\nContent-Disposition: form-data; %s\r\n\r\n' % (boundary, disposition)).encode('utf-8')
        body += content + b'\r\n'
    body += ('--%s--\r\n' % boundary).encode('ascii')
    return 'multipart/form-data; boundary=%s' % boundary, body


def send(emulator, method, path, body=None, content_type=None):
    """(status, body bytes) of one API request with the emulator's credentials."""
    headers = dict(AUTH)
    if content_type:
        headers['Content-Type'] = content_type
    request = urllib.request.Request(emulator.url + path, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def upload(emulator, parts, query='', version='v3'):
    content_type, body = multipart(parts)
    status, answer = send(emulator, 'POST', '/%s/issues/TEST-1/attachments/%s' % (version, query), body, content_type)
    return status, json.loads(answer) if answer else None


def test_an_upload_has_the_documented_shape_on_v2_and_v3(emulator):
    for version in ('v2', 'v3'):
        status, answer = upload(emulator, [('name="file"; filename="build.txt"', b'log\r\nline')], version=version)

        assert status == 201
        assert isinstance(answer['id'], str) and answer['name'] == 'build.txt' and answer['size'] == 9
        assert answer['mimetype'] == 'text/plain' and answer['createdBy']['id'] == '1100000'
        assert answer['self'].endswith('/%s/attachments/%s' % (version, answer['id']))
        assert answer['content'].endswith('/%s/issues/TEST-1/attachments/%s/build.txt' % (version, answer['id']))
        assert send(emulator, 'GET', urllib.parse.urlsplit(answer['content']).path) == (200, b'log\r\nline')


def test_the_filename_parameter_names_the_file_and_filename_star_goes_before_filename(emulator):
    name = u'отчёт.txt'
    star = "name=\"file\"; filename=\"_____.txt\"; filename*=UTF-8''%s" % urllib.parse.quote(name)

    assert upload(emulator, [(star, b'a')])[1]['name'] == name
    assert upload(emulator, [('name="file"; filename="a.txt"', b'a')], '?filename=renamed.txt')[1]['name'] == 'renamed.txt'


def test_the_file_is_the_part_named_file_else_the_only_part_with_a_filename(emulator):
    text = ('name="comment"', b'not the file')

    assert upload(emulator, [text, ('name="upload"; filename="one.txt"', b'1')])[1]['name'] == 'one.txt'
    assert upload(emulator, [('name="a"; filename="a.txt"', b'1'), ('name="file"; filename="b.txt"', b'2')])[1][
        'name'] == 'b.txt'
    assert upload(emulator, [('name="a"; filename="a.txt"', b'1'), ('name="b"; filename="b.txt"', b'2')])[0] == 400
    assert upload(emulator, [text])[0] == 400


def test_a_body_that_is_not_multipart_is_refused(emulator):
    assert send(emulator, 'POST', ATTACHMENTS + '/', b'{}', 'application/json')[0] == 400
    assert send(emulator, 'POST', ATTACHMENTS + '/', b'--XyZ\r\nbroken', 'multipart/form-data; boundary=XyZ')[0] == 400


def test_the_list_holds_the_files_of_the_issue_and_of_its_comments(emulator):
    emulator.call('POST', '/_emulator/attachments', {'issue': 'TEST-1', 'attachments': [
        {'name': 'issue.txt', 'text': 'i'}, {'name': 'comment.txt', 'base64': 'AAE=', 'comment': 626}]})
    emulator.call('POST', '/_emulator/attachments', {'issue': 'TEST-2', 'attachments': [{'name': 'x', 'text': 'x'}]})

    listed = emulator.api('GET', '/issues/TEST-1/attachments')

    assert [(item['name'], item['size']) for item in listed] == [('issue.txt', 1), ('comment.txt', 2)]
    assert send(emulator, 'GET', '%s/%s/comment.txt' % (ATTACHMENTS, listed[1]['id'])) == (200, b'\x00\x01')


def test_a_download_needs_the_stored_name_and_a_delete_answers_204(emulator):
    attachment = upload(emulator, [('name="file"; filename="a.txt"', b'a')])[1]
    path = '%s/%s' % (ATTACHMENTS, attachment['id'])

    assert send(emulator, 'GET', path + '/b.txt')[0] == 404
    assert send(emulator, 'GET', '/v3/issues/TEST-2/attachments/%s/a.txt' % attachment['id'])[0] == 404
    assert send(emulator, 'DELETE', path + '/') == (204, b'')
    assert send(emulator, 'DELETE', path + '/')[0] == 404
    assert emulator.api('GET', '/issues/TEST-1/attachments') == []


@pytest.mark.parametrize('fault, status', [('create_then_500', 500), ('error', 500)])
def test_the_create_faults_play_on_the_upload(emulator, fault, status):
    emulator.arm({'kind': fault, 'method': 'POST', 'path': '/attachments'})

    assert upload(emulator, [('name="file"; filename="a.txt"', b'a')])[0] == status
    # create_then_500 made the file before failing; error did nothing.
    assert len(emulator.api('GET', '/issues/TEST-1/attachments')) == (1 if fault == 'create_then_500' else 0)


def test_a_reset_forgets_the_files(emulator):
    upload(emulator, [('name="file"; filename="a.txt"', b'a')])

    emulator.call('POST', '/_emulator/reset')

    assert emulator.api('GET', '/issues/TEST-1/attachments') == []
