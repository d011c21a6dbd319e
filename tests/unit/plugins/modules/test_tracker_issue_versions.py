# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""tracker_issue's fix_versions, affected_versions and components: the exact requests sent and the result."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from responses import matchers

from ansible_collections.ytracker.tracker.plugins.modules.tracker_issue import main
from ansible_collections.ytracker.tracker.tests.unit.plugins.tracker_helpers import (
    API,
    CONNECTION,
    TOKEN,
    module_runner,
    requests_sent,
)

ISSUE_URL = API + '/issues/REL-1'
SEARCH = API + '/issues/_search'
CREATE = API + '/issues/'
VERSIONS = API + '/queues/REL/versions'
COMPONENTS = API + '/components'
run = module_runner(main, **CONNECTION)


QUEUE_IDS = {'DEMO': '1', 'REL': '3', 'OPS': '5'}


def queue(key):
    return {'self': '%s/queues/%s' % (API, key), 'id': QUEUE_IDS[key], 'key': key, 'display': key}


def item(kind, item_id, name, queue_key='REL'):
    """A version or component as its own list answers it: the id a number."""
    return {'self': '%s/%s/%d' % (API, kind, item_id), 'id': item_id, 'version': 1, 'name': name,
            'queue': queue(queue_key)}


def shown(kind, item_id, name):
    """A version or component as an issue answers it: the id a string."""
    return {'self': '%s/%s/%d' % (API, kind, item_id), 'id': str(item_id), 'display': name}


def issue(version=1, **fields):
    found = {'self': ISSUE_URL, 'id': '5f0c3a000000000000000001', 'key': 'REL-1', 'version': version,
             'summary': 'Release 1.2', 'unique': 'release-1.2', 'queue': queue('REL')}
    found.update(fields)
    return found


QUEUE_VERSIONS = [item('versions', 49650, '1.1'), item('versions', 49651, '1.2')]
ALL_COMPONENTS = [item('components', 111175, 'backend', 'DEMO'), item('components', 111179, 'backend'),
                  item('components', 111180, 'frontend')]


def test_a_version_the_issue_shows_by_name_costs_the_issue_read_alone(api):
    api.get(ISSUE_URL, json=issue(fixVersions=[shown('versions', 49651, '1.2')],
                                  components=[shown('components', 111179, 'backend')]))

    result, failed = run(key='REL-1', fix_versions=['1.2'], components=['backend'], diff=True)

    assert not failed and result['changed'] is False
    assert result['diff'] == {'before': 'fix_versions: 1.2\ncomponents: backend\n',
                              'after': 'fix_versions: 1.2\ncomponents: backend\n'}
    assert requests_sent(api) == [('GET', ISSUE_URL)]


def test_a_version_the_issue_holds_under_another_name_costs_one_read_of_the_versions(api):
    # The issue shows 1.2 by its id only: the queue's list says that is the one named 1.2.
    api.get(ISSUE_URL, json=issue(fixVersions=[shown('versions', 49651, 'Release 1.2')]))
    api.get(VERSIONS, json=QUEUE_VERSIONS)

    result, failed = run(key='REL-1', fix_versions=['1.2'])

    assert not failed and result['changed'] is False
    assert requests_sent(api, query=False) == [('GET', ISSUE_URL), ('GET', VERSIONS)]


def test_an_entry_that_is_an_id_the_issue_shows_and_another_version_s_name_means_that_version(api):
    # The issue is in 1.1 (id 49650); the queue also has a version named "49650": the name comes first.
    named = item('versions', 49652, '49650')
    api.get(ISSUE_URL, json=issue(version=3, fixVersions=[shown('versions', 49650, '1.1')]))
    api.get(VERSIONS, json=QUEUE_VERSIONS + [named])
    api.patch(ISSUE_URL, json=issue(version=4, fixVersions=[shown('versions', 49650, '1.1'),
                                                            shown('versions', 49652, '49650')]),
              match=[matchers.json_params_matcher({'fixVersions': {'add': [49652]}})])

    result, failed = run(key='REL-1', fix_versions=['49650'])

    assert not failed and result['changed'] is True, result


def test_an_id_the_issue_shows_is_read_and_found_as_that_version(api):
    api.get(ISSUE_URL, json=issue(fixVersions=[shown('versions', 49651, '1.2')]))
    api.get(VERSIONS, json=QUEUE_VERSIONS)

    result, failed = run(key='REL-1', fix_versions=['49651'])

    assert not failed and result['changed'] is False
    assert requests_sent(api, query=False) == [('GET', ISSUE_URL), ('GET', VERSIONS)]


def test_a_missing_version_is_one_patch_adding_its_id(api):
    api.get(ISSUE_URL, json=issue(version=3, fixVersions=[shown('versions', 49650, '1.1')]))
    api.get(VERSIONS, json=QUEUE_VERSIONS)
    api.patch(ISSUE_URL, json=issue(version=4, fixVersions=[shown('versions', 49650, '1.1'),
                                                            shown('versions', 49651, '1.2')]),
              match=[matchers.query_param_matcher({'version': '3'}),
                     matchers.json_params_matcher({'fixVersions': {'add': [49651]}})])

    result, failed = run(key='REL-1', fix_versions=['1.1', '1.2'], diff=True)

    assert not failed, result
    assert result['changed'] is True
    assert result['diff'] == {'before': 'fix_versions: 1.1\n', 'after': 'fix_versions: 1.1, 1.2\n'}
    assert requests_sent(api, query=False) == [('GET', ISSUE_URL), ('GET', VERSIONS), ('PATCH', ISSUE_URL)]


def test_every_page_of_the_versions_is_read(api):
    api.get(ISSUE_URL, json=issue())
    api.get(VERSIONS, json=[QUEUE_VERSIONS[0]], headers={'X-Total-Pages': '2', 'X-Total-Count': '2'})
    api.get(VERSIONS, json=[QUEUE_VERSIONS[1]], headers={'X-Total-Pages': '2', 'X-Total-Count': '2'})
    api.patch(ISSUE_URL, json=issue(version=2), match=[matchers.json_params_matcher({'fixVersions': {'add': [49651]}})])

    result, failed = run(key='REL-1', fix_versions=['1.2'])

    assert not failed, result
    assert result['changed'] is True
    assert requests_sent(api, query=False) == [('GET', ISSUE_URL), ('GET', VERSIONS), ('GET', VERSIONS),
                                               ('PATCH', ISSUE_URL)]


def test_components_are_those_of_the_issues_queue_and_purge_sets_them(api):
    api.get(ISSUE_URL, json=issue(components=[shown('components', 111180, 'frontend')]))
    api.get(COMPONENTS, json=ALL_COMPONENTS)
    api.patch(ISSUE_URL, json=issue(version=2), match=[matchers.json_params_matcher({'components': {'set': [111179]}})])

    result, failed = run(key='REL-1', components=['backend'], purge_components=True)

    assert not failed, result
    assert result['changed'] is True
    assert requests_sent(api, query=False) == [('GET', ISSUE_URL), ('GET', COMPONENTS), ('PATCH', ISSUE_URL)]


def test_an_empty_list_with_purge_clears_without_reading_any_list(api):
    api.get(ISSUE_URL, json=issue(affectedVersions=[shown('versions', 49650, '1.1')]))
    api.patch(ISSUE_URL, json=issue(version=2), match=[matchers.json_params_matcher({'affectedVersions': []})])

    result, failed = run(key='REL-1', affected_versions=[], purge_affected_versions=True)

    assert not failed, result
    assert result['changed'] is True
    assert requests_sent(api, query=False) == [('GET', ISSUE_URL), ('PATCH', ISSUE_URL)]


def test_names_are_looked_up_in_the_queue_the_issue_is_in(api):
    # Found by key, with no queue option: the answer says OPS.
    found = issue(key='OPS-7', queue=queue('OPS'))
    api.get(API + '/issues/OPS-7', json=found)
    api.get(API + '/queues/OPS/versions', json=[item('versions', 7, '1.2', 'OPS')])
    api.patch(API + '/issues/OPS-7', json=found, match=[matchers.json_params_matcher({'fixVersions': {'add': [7]}})])

    result, failed = run(key='OPS-7', fix_versions=['1.2'])

    assert not failed, result
    assert result['changed'] is True


def test_an_unknown_name_fails_before_any_write_naming_what_the_queue_has(api):
    api.get(ISSUE_URL, json=issue())
    api.get(VERSIONS, json=QUEUE_VERSIONS)

    result, failed = run(key='REL-1', summary='Release 1.3', fix_versions=['1.2', '9.9'])

    assert failed and result['changed'] is False
    assert result['msg'] == "fix_versions: queue REL has no version '9.9'; it has: 1.1, 1.2"
    assert requests_sent(api, query=False) == [('GET', ISSUE_URL), ('GET', VERSIONS)]


def test_an_unknown_component_of_a_new_issue_creates_nothing(api):
    api.post(SEARCH, json=[])
    api.get(COMPONENTS, json=ALL_COMPONENTS)

    result, failed = run(unique='release-1.2', queue='REL', summary='Release 1.2', components=['docs'])

    assert failed and result['created'] is False
    assert result['msg'] == "components: queue REL has no component 'docs'; it has: backend, frontend"
    assert requests_sent(api, query=False) == [('POST', SEARCH), ('GET', COMPONENTS)]


def test_a_new_issue_is_created_with_the_ids(api):
    api.post(SEARCH, json=[])
    api.get(COMPONENTS, json=ALL_COMPONENTS)
    api.get(VERSIONS, json=QUEUE_VERSIONS)
    created = issue(fixVersions=[shown('versions', 49651, '1.2')], affectedVersions=[shown('versions', 49650, '1.1')],
                    components=[shown('components', 111179, 'backend'), shown('components', 111180, 'frontend')])
    api.post(CREATE, status=201, json=created, match=[matchers.json_params_matcher(
        {'queue': 'REL', 'unique': 'release-1.2', 'summary': 'Release 1.2', 'fixVersions': [49651],
         'affectedVersions': [49650], 'components': [111179, 111180]})])

    result, failed = run(unique='release-1.2', queue='REL', summary='Release 1.2', fix_versions=['1.2'],
                         affected_versions=['49650'], components=['backend', 'frontend'], diff=True)

    assert not failed, result
    assert result['changed'] is True and result['created'] is True
    assert result['diff'] == {'before': '', 'after': 'summary: Release 1.2\nfix_versions: 1.2\naffected_versions: 1.1\n'
                                                     'components: backend, frontend\n'}
    assert requests_sent(api, query=False) == [('POST', SEARCH), ('GET', COMPONENTS), ('GET', VERSIONS),
                                               ('POST', CREATE)]


def test_a_new_issue_names_its_queue_by_id_or_key_in_any_case(api):
    api.post(SEARCH, json=[])
    api.get(COMPONENTS, json=ALL_COMPONENTS)
    api.post(CREATE, status=201, json=issue(components=[shown('components', 111179, 'backend')]),
             match=[matchers.json_params_matcher({'queue': '3', 'unique': 'release-1.2', 'summary': 'Release 1.2',
                                                  'components': [111179]})])
    api.post(SEARCH, json=[])
    api.get(API + '/queues/REL/versions', json=QUEUE_VERSIONS)
    api.post(CREATE, status=201, json=issue(fixVersions=[shown('versions', 49651, '1.2')]))

    by_id, dummy = run(unique='release-1.2', queue='3', summary='Release 1.2', components=['backend'])
    by_key, dummy = run(unique='release-1.2', queue='rel', summary='Release 1.2', fix_versions=['1.2'])

    assert by_id['changed'] is True and by_key['changed'] is True, (by_id, by_key)


def test_check_mode_reads_and_writes_nothing(api):
    api.get(ISSUE_URL, json=issue())
    api.get(VERSIONS, json=QUEUE_VERSIONS)

    result, failed = run(check_mode=True, key='REL-1', fix_versions=['1.2'], diff=True)

    assert not failed, result
    assert result['changed'] is True
    assert result['diff'] == {'before': 'fix_versions: \n', 'after': 'fix_versions: 1.2\n'}
    assert requests_sent(api, query=False) == [('GET', ISSUE_URL), ('GET', VERSIONS)]


def test_a_conflict_plans_again_without_reading_the_versions_again(api):
    api.get(ISSUE_URL, json=issue(version=3))
    api.get(VERSIONS, json=QUEUE_VERSIONS)
    api.patch(ISSUE_URL, status=409, json={'errors': {}, 'errorMessages': ['Conflict.'], 'statusCode': 409})
    api.get(ISSUE_URL, json=issue(version=4))
    api.patch(ISSUE_URL, json=issue(version=5), match=[
        matchers.query_param_matcher({'version': '4'}), matchers.json_params_matcher({'fixVersions': {'add': [49651]}})])

    result, failed = run(key='REL-1', fix_versions=['1.2'])

    assert not failed, result
    assert result['changed'] is True
    assert [method for method, dummy in requests_sent(api)] == ['GET', 'GET', 'PATCH', 'GET', 'PATCH']


def test_purge_without_the_list_fails_before_any_request(no_api):
    result, failed = run(key='REL-1', purge_fix_versions=True)

    assert failed and result['msg'].startswith('purge_fix_versions needs fix_versions')


def test_the_token_never_shows(api):
    api.get(ISSUE_URL, json=issue())
    api.get(VERSIONS, status=403, json={'errors': {}, 'errorMessages': ['No access for %s' % TOKEN],
                                        'statusCode': 403})

    result, failed = run(key='REL-1', fix_versions=['1.2'])

    assert failed and TOKEN not in str(result)
