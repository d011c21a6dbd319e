# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ytracker.tracker.tracker_comment through ansible-playbook, against the emulator."""

import pytest

MODULE = 'ytracker.tracker.tracker_comment'
COMMENTS = '/v3/issues/TEST-1/comments'
MARKER = 'report:web-rollout'
REPORT = 'web 1.4 is live on 12 hosts'
MARKED = REPORT + '\n\n' + MARKER
ANOTHER_USER = {'id': '1100099', 'display': 'Another User'}
HOSTS = 12


def comment_task(**args):
    task = dict({'issue': 'TEST-1', 'marker': MARKER, 'text': REPORT}, **args)
    return {MODULE: dict((name, value) for name, value in task.items() if value is not None)}


def comments(emulator, issue='TEST-1'):
    return emulator.api('GET', '/issues/%s/comments?perPage=1000' % issue)


def texts(emulator):
    return [comment['text'] for comment in comments(emulator)]


def seed(emulator, *items):
    """Add comments (texts, or dicts with text and createdBy) without a request each; their ids."""
    items = [{'text': item} if isinstance(item, str) else item for item in items]
    return emulator.call('POST', '/_emulator/comments', {'issue': 'TEST-1', 'comments': items})['ids']


def test_create_rerun_edit_in_place_then_remove(playbook, emulator, execution):
    created = playbook(comment_task(), execution=execution)
    assert created.rc == 0, created.output
    assert created.result['changed'] is True
    assert created.result['comment']['text'] == MARKED
    assert emulator.requests() == ['GET ' + COMMENTS, 'POST ' + COMMENTS, 'GET ' + COMMENTS]
    # A report does not subscribe the token's user to the issue unless asked.
    assert [entry['query'] for entry in emulator.request_log() if entry['method'] == 'POST'] == [
        'isAddToFollowers=false']
    comment_id = created.result['comment']['id']

    emulator.forget()
    again = playbook(comment_task(), execution=execution)
    assert again.result['changed'] is False
    assert again.result['comment']['id'] == comment_id
    assert emulator.requests() == ['GET ' + COMMENTS]

    emulator.forget()
    edited = playbook(comment_task(text='web 1.5 is live on 12 hosts'), execution=execution)
    assert edited.result['changed'] is True, edited.output
    assert edited.result['comment']['id'] == comment_id and edited.result['comment']['version'] == 2
    assert emulator.requests() == ['GET ' + COMMENTS, 'PATCH %s/%d' % (COMMENTS, comment_id)]
    assert texts(emulator) == ['web 1.5 is live on 12 hosts\n\n' + MARKER]

    emulator.forget()
    removed = playbook(comment_task(state='absent', text=None), execution=execution)
    assert removed.result['changed'] is True and removed.result['comment'] is None
    assert [comment['id'] for comment in removed.result['removed']] == [comment_id]
    assert emulator.requests() == ['GET ' + COMMENTS, 'DELETE %s/%d' % (COMMENTS, comment_id)]
    assert comments(emulator) == []

    emulator.forget()
    gone = playbook(comment_task(state='absent', text=None), execution=execution)
    assert gone.result['changed'] is False and gone.result['removed'] == []
    assert emulator.requests() == ['GET ' + COMMENTS]


def test_without_a_marker_the_text_is_the_identity(playbook, emulator):
    seed(emulator, 'Build 41 passed.')
    emulator.forget()

    run = playbook(comment_task(marker=None, text='Build 42 passed.'),
                   comment_task(marker=None, text='Build 42 passed.'),
                   comment_task(marker=None, text='Build 41 passed.', state='absent'))

    posted, again, removed = run.results
    assert posted['changed'] is True and posted['comment']['text'] == 'Build 42 passed.', run.output
    assert again['changed'] is False and again['comment']['id'] == posted['comment']['id']
    assert removed['changed'] is True and removed['removed'][0]['text'] == 'Build 41 passed.'
    assert texts(emulator) == ['Build 42 passed.']


def test_the_marked_comment_on_the_fifth_page_is_found_and_edited(playbook, start_emulator, execution):
    emulator = start_emulator('--page-size', '2')
    seed(emulator, *['Build %d passed.' % number for number in range(1, 9)])
    marked = seed(emulator, 'web 1.3 is live\n\n' + MARKER, 'Build 9 passed.')[0]
    emulator.forget()

    run = playbook(comment_task(api_url=emulator.url, text='web 1.3 is live'),
                   comment_task(api_url=emulator.url), execution=execution)

    unchanged, edited = run.results
    assert unchanged['changed'] is False and unchanged['comment']['id'] == marked, run.output
    assert edited['changed'] is True and edited['comment']['id'] == marked
    reads = ['GET ' + COMMENTS] * 5
    assert emulator.requests() == reads + reads + ['PATCH %s/%d' % (COMMENTS, marked)]
    assert [entry['query'] for entry in emulator.request_log()][:5] == [
        '', 'perPage=2&id=627', 'perPage=2&id=629', 'perPage=2&id=631', 'perPage=2&id=633']
    assert len(comments(emulator)) == 10


@pytest.mark.parametrize('fault', ['create_then_500', 'create_then_drop'])
def test_a_post_whose_answer_is_lost_is_resolved_by_reading(playbook, emulator, fault, execution):
    emulator.arm({'kind': fault, 'method': 'POST', 'path': '/comments'})

    run = playbook(comment_task(), execution=execution)

    assert run.result['changed'] is True, run.output
    assert run.result['comment']['text'] == MARKED
    assert emulator.requests() == ['GET ' + COMMENTS, 'POST ' + COMMENTS, 'GET ' + COMMENTS]
    assert texts(emulator) == [MARKED]


def test_many_hosts_at_once_leave_exactly_one_comment(playbook, emulator, tmp_path, execution):
    inventory = tmp_path / 'hosts.ini'
    inventory.write_text('[web]\n' + ''.join('web-%02d ansible_connection=local\n' % number
                                             for number in range(HOSTS)))

    run = playbook(comment_task(), play={'hosts': 'web'}, options=['-i', str(inventory), '--forks', str(HOSTS)],
                   execution=execution)

    assert run.rc == 0, run.output
    left = comments(emulator)
    assert [comment['text'] for comment in left] == [MARKED]
    # Every host reports the comment that stays, the one with the lowest id.
    assert run.result['comment']['id'] == left[0]['id']
    posts = [entry for entry in emulator.request_log() if entry['method'] == 'POST']
    deletes = [entry for entry in emulator.request_log() if entry['method'] == 'DELETE']
    assert 1 <= len(posts) <= HOSTS and len(deletes) >= len(posts) - 1


def test_another_users_marked_comment_fails_in_one_line_and_nothing_is_posted(playbook, emulator, execution):
    theirs = seed(emulator, {'text': 'web 1.3 is live\n\n' + MARKER, 'createdBy': ANOTHER_USER})[0]
    long_id = comments(emulator)[0]['longId']
    emulator.forget()

    run = playbook(comment_task(), comment_task(state='absent'), execution=execution)

    edit, delete = run.results
    assert edit['failed'] is True and edit['changed'] is False
    assert edit['msg'] == (
        "cannot edit comment %d (longId %s), written by Another User: Tracker answered 403, as it does for a"
        " comment of another user; give this task another marker than 'report:web-rollout', so that it posts a"
        " comment of its own" % (theirs, long_id))
    assert delete['failed'] is True and 'cannot delete comment %d' % theirs in delete['msg']
    assert [entry.split(' ')[0] for entry in emulator.requests()] == ['GET', 'PATCH', 'GET', 'DELETE']
    assert texts(emulator) == ['web 1.3 is live\n\n' + MARKER]


def test_check_mode_reads_only_and_predicts_each_change(playbook, emulator, execution):
    seed(emulator, 'web 1.3 is live\n\n' + MARKER)
    emulator.forget()

    run = playbook(comment_task(), comment_task(marker='report:other'), comment_task(state='absent'),
                   options=['--check'], execution=execution)

    edit, create, remove = run.results
    assert edit['changed'] is True and edit['comment']['text'] == 'web 1.3 is live\n\n' + MARKER, run.output
    assert create['changed'] is True and create['comment'] is None
    assert remove['changed'] is True and len(remove['removed']) == 1
    assert emulator.requests() == ['GET ' + COMMENTS] * 3
    assert texts(emulator) == ['web 1.3 is live\n\n' + MARKER]


def test_diff_shows_the_comment_text_before_and_after(playbook, emulator, execution):
    seed(emulator, 'web 1.3 is live on 12 hosts\n\n' + MARKER)

    run = playbook(comment_task(), options=['--diff'], execution=execution)

    assert run.result['diff'] == {'before': 'web 1.3 is live on 12 hosts\n\n%s\n' % MARKER, 'after': MARKED + '\n'}
    assert '\n-web 1.3 is live on 12 hosts\n+web 1.4 is live on 12 hosts\n' in run.output
    assert 'WARNING' not in run.output


def test_summonees_and_following_go_with_a_new_comment_when_asked(playbook, emulator):
    run = playbook(comment_task(summonees=['release-manager'], add_to_followers=True))

    assert [user['id'] for user in run.result['comment']['summonees']] == ['release-manager'], run.output
    assert [entry['query'] for entry in emulator.request_log() if entry['method'] == 'POST'] == [
        'isAddToFollowers=true']


def test_answers_shaped_as_the_reference_examples_are_read(playbook, start_emulator, execution):
    emulator = start_emulator('--comment-shape', 'example')

    run = playbook(comment_task(api_url=emulator.url), comment_task(api_url=emulator.url, text='web 1.5'),
                   comment_task(api_url=emulator.url, text='web 1.5'), execution=execution)

    created, edited, again = run.results
    assert created['changed'] is True and created['comment']['createdBy']['id'] == '1100000', run.output
    assert edited['changed'] is True and edited['comment']['id'] == str(created['comment']['id'])
    assert edited['comment']['updateBody']['id'] == '1100000'
    assert again['changed'] is False
    assert texts(emulator) == ['web 1.5\n\n' + MARKER]


def test_the_action_group_sets_the_connection_once(playbook, emulator, execution):
    group = {'group/ytracker.tracker.tracker': {
        'api_url': emulator.url, 'iam_token': 'emulator-iam-token', 'cloud_org_id': 'emulator-cloud-org'}}

    run = playbook(comment_task(), emulator_env=False, play={'module_defaults': group}, execution=execution)

    assert run.result['changed'] is True, run.output
    assert [(entry['auth_scheme'], entry['org_header']) for entry in emulator.request_log()] == [
        ('Bearer', 'X-Cloud-Org-ID')] * 3


def test_the_token_never_shows_even_at_the_highest_verbosity(playbook, emulator, execution):
    ok = playbook(comment_task(), options=['-vvvv', '--diff'], execution=execution)
    failed = playbook(comment_task(issue='NOPE-1'), options=['-vvvv'], execution=execution)

    assert ok.result['changed'] is True and failed.result['failed'] is True
    assert "HTTP 404 Not Found: Issue does not exist. (check that issue 'NOPE-1' exists" in failed.result['msg']
    for run in (ok, failed):
        assert 'emulator-oauth-token' not in run.output
        assert 'emulator-oauth-token' not in str(run.results)


@pytest.mark.parametrize('args, message', [
    ({'text': ''}, 'text must not be empty with state=present'),
    ({'text': None}, 'text must not be empty with state=present'),
    ({'text': None, 'marker': None, 'state': 'absent'}, 'state=absent needs marker or text'),
    ({'marker': ' '}, 'marker must not be empty'),
    ({'summonees': ['']}, 'summonees must not hold an empty login or ID'),
    ({'issue': ''}, 'issue must not be empty'),
])
def test_bad_input_fails_before_any_request(playbook, emulator, args, message, execution):
    run = playbook(comment_task(**args), execution=execution)

    assert run.result['failed'] is True
    assert message in run.result['msg']
    assert '\n' not in run.result['msg']
    assert 'Traceback' not in run.output
    assert emulator.request_log() == []


def comparable(result):
    """A result without what differs between two runs of one task: the times Tracker stamps."""
    if isinstance(result, dict):
        return dict((key, 'TIME' if key in ('createdAt', 'updatedAt') else comparable(value))
                    for key, value in result.items())
    if isinstance(result, list):
        return [comparable(item) for item in result]
    return result


@pytest.mark.parametrize('task, options', [
    (comment_task(), ['--diff']),
    (comment_task(text='web 1.3 is live'), []),
    (comment_task(), ['--check', '--diff']),
    (comment_task(state='absent'), []),
    (comment_task(issue='NOPE-1'), []),
    (comment_task(text=''), []),
])
def test_both_ways_give_the_same_result(playbook, emulator, task, options):
    results = {}
    for execution in ('controller', 'module'):
        emulator.call('POST', '/_emulator/reset')  # the same comments and ids for both runs
        seed(emulator, 'web 1.3 is live\n\n' + MARKER)
        run = playbook(task, options=options, execution=execution)
        results[execution] = comparable(run.result)

    assert results['controller'] == results['module']
