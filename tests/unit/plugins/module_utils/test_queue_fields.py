# -*- coding: utf-8 -*-
# Copyright (c) 2026, ytracker.tracker contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The pure plan of a queue's local field, compared as the API answers one."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ytracker.tracker.plugins.module_utils._queue_fields import (
    create_body,
    describe,
    describe_wanted,
    edits,
    missing_for_create,
    plan_field,
    wanted_field,
)

CATEGORY = '000000000000000000000002'


def params(**overrides):
    return dict(dict(queue='OPS', key='severity', name=None, category=None, type=None, options=None,
                     purge_options=False, description=None, readonly=None, visible=None, hidden=None, order=None,
                     state='present'), **overrides)


def field(**overrides):
    found = {'type': 'local', 'id': '0000000000000000000000fa--severity', 'key': 'severity', 'name': 'Severity',
             'version': 1, 'schema': {'type': 'string', 'required': False}, 'readonly': False, 'order': 100,
             'optionsProvider': {'type': 'FixedListOptionsProvider', 'needValidation': True, 'values': ['S1', 'S2']},
             'category': {'id': CATEGORY, 'display': 'Custom'}}
    found.update(overrides)
    return found


def test_a_new_field_is_created_with_the_body_of_create_local_field():
    wanted = wanted_field(params(name={'en': ' Severity ', 'ru': None}, category=CATEGORY, type='select',
                                 options=['S1', 'S2', 'S1'], visible=True))
    assert missing_for_create(wanted) == []
    assert plan_field(wanted, [], {}).to_create == [wanted]
    assert create_body(wanted) == {
        # Both languages, as create-local-field.md requires them: the one given for the other.
        'id': 'severity', 'name': {'en': 'Severity', 'ru': 'Severity'}, 'category': CATEGORY,
        'type': 'ru.yandex.startrek.core.fields.StringFieldType', 'visible': True,
        'optionsProvider': {'type': 'FixedListOptionsProvider', 'values': ['S1', 'S2']}}
    assert describe_wanted(wanted) == ('key: severity\nname.en: Severity\ntype: select\ncategory: %s\n'
                                       'visible: true\noptions: S1, S2' % CATEGORY)
    assert missing_for_create(wanted_field(params(description='d'))) == ['name', 'category', 'type']


@pytest.mark.parametrize('overrides, message', [
    (dict(key='se verity'), "key must be a field key of Latin letters, digits and _ like severity, got 'se verity'"),
    (dict(state='absent'), 'state=absent: Tracker offers no way to delete a local field through its API;'
                           ' remove it in Tracker itself'),
    (dict(type='select'), 'type=select needs options: the values the field offers'),
    (dict(type='date', options=['a']), 'options are for fields of type select or integer, not date'),
    (dict(type='integer', options=['1', 'two']), "options of an integer field must be whole numbers, got 'two'"),
    (dict(purge_options=True), 'purge_options needs options: the values to keep'),
    (dict(name={'en': 'two\nlines', 'ru': None}), 'name.en must be one line, not empty'),
    (dict(order=-1), 'order must be 0 or more'),
])
def test_bad_input_is_refused_in_one_line(overrides, message):
    with pytest.raises(ValueError) as info:
        wanted_field(params(**overrides))
    assert str(info.value) == message


def test_a_field_as_answered_is_right_and_options_not_listed_are_kept():
    wanted = wanted_field(params(name={'en': 'Severity', 'ru': None}, type='select', options=['S2'], order=100))
    assert edits(field(), wanted, {'en': 'Severity'}) == {}
    assert plan_field(wanted, [field()], {'en': 'Severity'}).kept == [field()]


def test_what_differs_is_edited_options_added_or_purged():
    wanted = wanted_field(params(name={'en': 'Severity', 'ru': 'Sev'}, options=['S3', 'S1'], readonly=True,
                                 visible=True, description='How bad'))
    names = {'en': 'Severity', 'ru': 'Severity'}
    assert edits(field(), wanted, names) == {
        'name': {'en': 'Severity', 'ru': 'Sev'}, 'readonly': True, 'description': 'How bad',
        'optionsProvider': {'type': 'FixedListOptionsProvider', 'values': ['S1', 'S2', 'S3']}}
    purged = wanted._replace(purge=True)
    assert edits(field(), purged, names)['optionsProvider']['values'] == ['S3', 'S1']
    (current, after), = plan_field(wanted, [field()], names).to_update
    assert describe(current, wanted, names) == ('key: severity\nname.en: Severity\nname.ru: Severity\ntype: string\n'
                                                'category: %s\nreadonly: false\norder: 100\noptions: S1, S2' % CATEGORY)
    assert describe_wanted(after) == ('key: severity\nname.en: Severity\nname.ru: Sev\ntype: string\n'
                                      'category: %s\ndescription: How bad\nreadonly: true\norder: 100\n'
                                      'options: S1, S2, S3' % CATEGORY)


def test_a_type_is_never_changed():
    dated = dict(field(), schema={'type': 'date', 'required': False})
    with pytest.raises(ValueError) as info:
        plan_field(wanted_field(params(type='integer')), [dated], {})
    assert str(info.value) == ("local field severity holds values of type date (its schema.type), and a field's"
                               " type cannot be changed: type=integer would need a new field with another key")
    assert plan_field(wanted_field(params(type='date')), [dated], {}).kept


def test_a_schema_of_string_tells_no_type_apart():
    # The reference's schema.type is "string" for a field of one value, whatever its type.
    for kind in ('string', 'date', 'integer', 'user'):
        assert plan_field(wanted_field(params(type=kind)), [field()], {}).kept


def test_a_field_of_many_values_is_typed_by_its_items():
    many = dict(field(), schema={'type': 'array', 'items': 'date', 'required': False})
    assert plan_field(wanted_field(params(type='date')), [many], {}).kept
    with pytest.raises(ValueError):
        plan_field(wanted_field(params(type='integer')), [many], {})
