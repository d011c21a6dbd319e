# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""Pure logic about a queue's local field: what a task wants of it, and what has to change.

This file is private to the collection (leading underscore): it may change without notice. It
does no I/O: every function is a plain function of its arguments and is tested as such.

A local field is identified within its queue by its key (the ``id`` of the create body, the
``key`` of the answers; the answers' ``id`` is ``<queue id>--<key>``). Its type is set when it is
created and cannot be changed (edit-local-field.md has no ``type``): the answers show it only as
``schema.type``, which is what a task's type is compared with. Its name is answered in one
language, Russian unless the request asks for English (common-format.md, ``Accept-Language``):
``names`` holds the name as read in each language a task gives. ``visible`` and ``hidden`` are
not in the answers: they are sent when the field is created, and compared only where an answer
shows them.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
from collections import namedtuple

from ansible_collections.ytracker.tracker.plugins.module_utils._common import Plan, same_value, unique
from ansible_collections.ytracker.tracker.plugins.module_utils._issue_values import same_text, text

KEY = re.compile(r'^[A-Za-z][A-Za-z0-9_]*$')
FIELD_TYPE = 'ru.yandex.startrek.core.fields.%sFieldType'
# A task's type: (the class of create-local-field.md, the schema types an answer may show for it).
TYPES = {
    'string': ('String', ('string',)),
    'select': ('String', ('string',)),
    'text': ('Text', ('text', 'string')),
    'integer': ('Integer', ('integer', 'number')),
    'float': ('Float', ('float', 'number', 'double')),
    'date': ('Date', ('date',)),
    'datetime': ('DateTime', ('datetime', 'date-time', 'dateTime')),
    'user': ('User', ('user',)),
    'uri': ('Uri', ('uri', 'url', 'string')),
}
# The schema types that name a type of their own: every one an answer may show, but "string".
SCHEMA_TYPES = frozenset(shown for dummy, shown_types in TYPES.values() for shown in shown_types) - {'string'}
# The types whose fields may offer a fixed list of values (FixedListOptionsProvider).
WITH_OPTIONS = ('select', 'integer')
OPTIONS_PROVIDER = 'FixedListOptionsProvider'
LANGUAGES = ('en', 'ru')
# The plain fields of a task, by option and API name, as both the bodies and the answers hold them.
FIELDS = (('description', 'description'), ('readonly', 'readonly'), ('visible', 'visible'), ('hidden', 'hidden'),
          ('order', 'order'))
CREATION = ('name', 'category', 'type')

# What a task asks for: the key, the name ({language: text}, only those given; {} to leave it), the
# category id, the type (a TYPES key), the plain fields ({API name: value}, only those given), the
# options (a tuple, None to leave them) and whether the options not listed are dropped.
WantedField = namedtuple('WantedField', ['key', 'name', 'category', 'type', 'fields', 'options', 'purge'])


def one_line(value, option):
    value = (value or '').strip()
    if not value or '\n' in value or '\r' in value:
        raise ValueError('%s must be one line, not empty' % option)
    return value


def wanted_field(params):
    """The WantedField of a task's options; ValueError says what is wrong, before any request."""
    if params.get('state') == 'absent':
        raise ValueError('state=absent: Tracker offers no way to delete a local field through its API;'
                         ' remove it in Tracker itself')
    key = (params.get('key') or '').strip()
    if not KEY.match(key):
        raise ValueError('key must be a field key of Latin letters, digits and _ like severity, got %r' % key)
    name = {}
    for language in LANGUAGES:
        value = (params.get('name') or {}).get(language)
        if value is not None:
            name[language] = one_line(value, 'name.%s' % language)
    category = None
    if params.get('category') is not None:
        category = one_line(params['category'], 'category')
    kind = params.get('type')
    options = None
    if params.get('options') is not None:
        if kind is not None and kind not in WITH_OPTIONS:
            raise ValueError('options are for fields of type %s, not %s' % (' or '.join(WITH_OPTIONS), kind))
        options = []
        for value in params['options']:
            value = one_line(value, 'options')
            if kind == 'integer' and not re.match(r'^-?[0-9]+$', value):
                raise ValueError('options of an integer field must be whole numbers, got %r' % value)
            options.append(value)
        options = tuple(unique(options, same_value))
    if kind == 'select' and not options:
        raise ValueError('type=select needs options: the values the field offers')
    if params.get('purge_options') and options is None:
        raise ValueError('purge_options needs options: the values to keep')
    if params.get('order') is not None and params['order'] < 0:
        raise ValueError('order must be 0 or more')
    fields = dict((field, params[option]) for option, field in FIELDS if params.get(option) is not None)
    return WantedField(key, name, category, kind, fields, options, bool(params.get('purge_options')))


def missing_for_create(wanted):
    given = dict(name=bool(wanted.name), category=wanted.category is not None, type=wanted.type is not None)
    return [option for option in CREATION if not given[option]]


def create_body(wanted):
    """The body of POST /queues/<queue>/localFields."""
    # create-local-field.md requires the name in both languages: the one given stands for the other.
    name = dict((language, wanted.name.get(language) or list(wanted.name.values())[0]) for language in LANGUAGES)
    body = dict(wanted.fields, id=wanted.key, name=name, category=wanted.category,
                type=FIELD_TYPE % TYPES[wanted.type][0])
    if wanted.options:
        body['optionsProvider'] = {'type': OPTIONS_PROVIDER, 'values': list(wanted.options)}
    return body


# Comparing with the field as the API answers it

def schema_type(field):
    """The type of the field's values as its schema shows it: that of each value for a field of many
    (``{"type": "array", "items": "string"}``)."""
    schema = field.get('schema')
    if not isinstance(schema, dict):
        return ''
    if schema.get('type') == 'array' and schema.get('items'):
        return str(schema['items'])
    return str(schema.get('type') or '')


def type_problem(field, wanted):
    """Why ``field`` cannot be the type the task says (a type cannot be changed), or None."""
    if wanted.type is None:
        return None
    shown = schema_type(field)
    # The reference's schema.type is "string" for a field of any type that holds one value: that
    # tells nothing. Only a type of its own (as some answers show) can contradict the task's.
    if shown in SCHEMA_TYPES and shown not in TYPES[wanted.type][1]:
        return ('local field %s holds values of type %s (its schema.type), and a field\'s type cannot be changed:'
                ' type=%s would need a new field with another key' % (wanted.key, shown, wanted.type))
    return None


def current_options(field):
    provider = field.get('optionsProvider')
    if not isinstance(provider, dict):
        return []
    return [text(value) for value in provider.get('values') or []]


def options_after(field, wanted):
    """The values the field offers once the task is carried out."""
    if wanted.options is None:
        return current_options(field)
    if wanted.purge:
        return list(wanted.options)
    found = current_options(field)
    return found + [value for value in wanted.options if value not in found]


def category_id(field):
    category = field.get('category')
    if isinstance(category, dict):
        return str(category.get('id') or '')
    return '' if category is None else str(category)


def edits(field, wanted, names):
    """The body of the PATCH that gives ``field`` what ``wanted`` sets; {} when nothing differs.

    ``names``: the field's name as read in each language ({language: name}).
    """
    body = {}
    if any(not same_text(value, names.get(language)) for language, value in wanted.name.items()):
        body['name'] = dict(wanted.name)
    if wanted.category is not None and wanted.category != category_id(field):
        body['category'] = wanted.category
    for name, value in sorted(wanted.fields.items()):
        if name in ('visible', 'hidden') and name not in field:
            continue  # not in the answers: set when created
        if isinstance(value, bool):
            if (field.get(name) is True) != value:
                body[name] = value
        elif name == 'order':
            if field.get(name) is None or int(field[name]) != value:
                body[name] = value
        elif not same_text(value, field.get(name)):
            body[name] = value
    if wanted.options is not None:
        after = options_after(field, wanted)
        if after != current_options(field):
            provider = field.get('optionsProvider') if isinstance(field.get('optionsProvider'), dict) else {}
            body['optionsProvider'] = {'type': provider.get('type') or OPTIONS_PROVIDER, 'values': after}
    return body


def after(field, wanted, names):
    """The WantedField as ``field`` will be once ``wanted`` is carried out: every field it has."""
    name = dict(names)
    name.update(wanted.name)
    fields = dict((api, field[api]) for dummy, api in FIELDS if field.get(api) is not None)
    # visible and hidden, which the answers do not show, are not edited either.
    fields.update((name, value) for name, value in wanted.fields.items() if name not in ('visible', 'hidden')
                  or name in field)
    options = options_after(field, wanted)
    return WantedField(wanted.key, name, wanted.category or category_id(field), shown_type(field, wanted), fields,
                       tuple(options), wanted.purge)


def shown_type(field, wanted):
    """The field's type as the diff names it: the task's when the answer agrees, else the schema's."""
    if wanted.type is not None and type_problem(field, wanted) is None:
        return wanted.type
    return schema_type(field) or None


def plan_field(wanted, fields, names):
    """The Plan that gives the queue the local field ``wanted`` describes; ValueError for a type it cannot take."""
    if not fields:
        return Plan(to_create=[wanted], to_update=[], to_delete=[], kept=[])
    current = fields[0]
    problem = type_problem(current, wanted)
    if problem:
        raise ValueError(problem)
    if edits(current, wanted, names):
        return Plan(to_create=[], to_update=[(current, after(current, wanted, names))], to_delete=[], kept=[])
    return Plan(to_create=[], to_update=[], to_delete=[], kept=[current])


# The diff

def lines(wanted):
    found = ['key: %s' % wanted.key]
    for language in LANGUAGES:
        if wanted.name.get(language) is not None:
            found.append('name.%s: %s' % (language, wanted.name[language]))
    if wanted.type:
        found.append('type: %s' % wanted.type)
    if wanted.category:
        found.append('category: %s' % wanted.category)
    for option, field in FIELDS:
        value = wanted.fields.get(field)
        if value is not None:
            found.append('%s: %s' % (option, text(value)))
    if wanted.options:
        found.append('options: %s' % ', '.join(wanted.options))
    return '\n'.join(found)


def describe(field, wanted, names):
    """An answered field as the diff shows it."""
    fields = dict((api, field[api]) for dummy, api in FIELDS if field.get(api) is not None)
    return lines(WantedField(str(field.get('key') or wanted.key), dict(names), category_id(field) or None,
                             shown_type(field, wanted), fields, tuple(current_options(field)), False))


def describe_wanted(wanted):
    return lines(wanted)
