# -*- coding: utf-8 -*-

# Copyright (c) 2026, ytracker.tracker contributors
# BSD 2-Clause License (see LICENSES/BSD-2-Clause.txt or https://opensource.org/licenses/BSD-2-Clause)
# SPDX-License-Identifier: BSD-2-Clause

"""The one flow every resource module runs: find, plan, check mode, apply, settle, report.

A module describes its resource in a Resource: how the current objects are read, the pure plan
from wanted and current state, how one object is created, updated and deleted, and how one is
described in a diff. ResourceTask carries that out alike for every resource:

* one read of what exists, and one plan of what to create, update and delete, each object once;
* check mode reads and predicts, and never writes;
* a create whose answer was lost (or, where the resource says so, refused as a conflict) is
  looked for by reading again, and sent again only when it is not there: never blindly
  (create_once, with one retry budget);
* runs that created the same object at the same moment each find every copy in the read after
  their creates; each keeps the lowest id and deletes the others (settle_created), or, where the
  API cannot delete the object, keeps to the lowest id and leaves the others (delete_twins);
* an update refused because the object changed meanwhile (409, 412: a stale version) is read
  again and planned again (converge);
* a failure half way still reports what was written; the result and the diff have one shape.

A module that needs more (an issue's transitions) uses create_once and converge itself rather
than copying them. This file is private to the collection (leading underscore): it may change
without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ytracker.tracker.plugins.module_utils._common import diff, id_order
from ansible_collections.ytracker.tracker.plugins.module_utils._runner import exit_task, fail_task, tracker_client
from ansible_collections.ytracker.tracker.plugins.module_utils._tracker import OutcomeUnknown, TrackerError

# An object changed between the read and the write (a stale version): 409 on the current reference pages, 412 on older ones.
CONFLICTS = (409, 412)


class Resource(object):
    """What differs between resources; a module gives its own subclass."""

    # How messages name one object: 'link', 'comment'.
    noun = 'object'
    # Where it lives, for messages: 'the issue'.
    place = 'Tracker'
    # Whether two runs at once can each create the object (nothing in Tracker makes it unique):
    # then the read after creating settles twins.
    settle_twins = True
    # Whether the twins that read finds are deleted (each run keeps the lowest id). False where the
    # API cannot delete the object: the twins stay, the task keeps to the lowest id, and the
    # ResourceTask lists them in ``twins`` for the resource's result to report.
    delete_twins = True

    def read(self, client):
        """The current objects, every page of them."""
        raise NotImplementedError

    def plan(self, wanted, current):
        """The Plan: a pure function of the wanted and the current objects."""
        raise NotImplementedError

    def index(self, current):
        """``current`` indexed: an object whose matches(wanted) gives the objects ``wanted`` describes."""
        raise NotImplementedError

    def create(self, client, wanted):
        """Create one object; the object as the API answers it (None when the answer holds none).

        OutcomeUnknown (from the client) when the answer was lost: the flow reads to know.
        """
        raise NotImplementedError

    def update(self, client, current, wanted):
        """Update one object; the object as the API answers it, or None."""
        raise NotImplementedError

    def delete(self, client, current):
        """Delete one object; False when it was gone already."""
        raise NotImplementedError

    def check_creatable(self, client, to_create):
        """In check mode: TrackerError when a real run could not create ``to_create``, as far as a read tells."""

    def check_updatable(self, client, to_update):
        """In check mode: TrackerError when a real run could not make the ``(current, wanted)`` updates, as far as a
        read tells."""

    def shown(self, current, plan):
        """The current objects the diff shows: all of them, unless the resource says otherwise."""
        return current

    def describe(self, current):
        """One line (or more) of the diff for a current object."""
        raise NotImplementedError

    def describe_wanted(self, wanted):
        """The same for a wanted object, as it will be once created or updated."""
        raise NotImplementedError

    def diff_lines(self, lines):
        """The lines in diff order: sorted, as set-like lists are; a resource may keep the API's order."""
        return sorted(lines)

    def result(self, task):
        """The module's result keys besides changed and diff, from the ResourceTask."""
        raise NotImplementedError

    def failure(self, task):
        """What a failed task's result says was done before the failure, besides changed."""
        return dict(removed=task.removed)


class ResourceTask(object):
    """One run of the flow; what it found and did stays readable when it fails half way."""

    def __init__(self, client, resource, wanted, check_mode):
        self.client = client
        self.resource = resource
        self.wanted = wanted
        self.check_mode = check_mode
        self.first = None      # the objects as first read: the diff's "before"
        self.current = None    # as last read
        self.plan = None
        self.created = []      # the object kept for each one created
        self.updated = []      # the answer to each update
        self.removed = []      # the objects this run deleted (or, in check mode, would delete)
        self.twins = []        # twins found after creating and kept (Resource.delete_twins False)
        self.written = False   # a write was sent that may have taken effect

    @property
    def changed(self):
        if self.check_mode:
            return bool(self.plan is not None and (self.plan.to_create or self.plan.to_update) or self.removed)
        # What was done, over every attempt: a plan made again after a conflict keeps what an earlier one did.
        return bool(self.created or self.updated or self.removed)

    def result(self):
        return dict(self.resource.result(self), changed=self.changed)

    def failure(self):
        """What the result of a failed task says was done before the failure."""
        return dict(self.resource.failure(self), changed=self.written or bool(self.removed))

    def run(self):
        self.first = self.current = self.resource.read(self.client)
        if self.check_mode:
            self.plan = self.resource.plan(self.wanted, self.current)
            if self.plan.to_create:
                self.resource.check_creatable(self.client, self.plan.to_create)
            if self.plan.to_update:
                self.resource.check_updatable(self.client, self.plan.to_update)
            self.removed = list(self.plan.to_delete)
            return
        converge(self.client, self.apply_once, self.read_again)

    def read_again(self):
        self.current = self.resource.read(self.client)

    def apply_once(self):
        """Plan against what was read and carry it out; an update's conflict comes back to converge."""
        resource, client = self.resource, self.client
        self.plan = resource.plan(self.wanted, self.current)
        for current, wanted in self.plan.to_update:
            self.updated.append(resource.update(client, current, wanted))
            self.written = True
        if self.plan.to_create:
            self.created = self.create_all(self.plan.to_create)
        for current in self.plan.to_delete:
            # One that another run deleted meanwhile was not removed by this one.
            if resource.delete(client, current):
                self.removed.append(current)
        return True

    def finish_found(self, kept, answers):
        """The objects kept for the creates, each made what the task wants.

        One this run did not get as its create's answer (the answer was lost, or another run made
        the object first) may lack what the create would have set after it (a version's status): it
        is planned against the task again, and updated where it differs.
        """
        own = set(str(answer.get('id')) for answer in answers if isinstance(answer, dict))
        found = [item for item in kept if item is not None and str(item.get('id')) not in own]
        if not found:
            return kept
        finished = {}
        for current, wanted in self.resource.plan(self.wanted, found).to_update:
            finished[id(current)] = self.resource.update(self.client, current, wanted)
            self.written = True
        return [finished.get(id(item), item) for item in kept]

    def create_all(self, to_create):
        """Create ``to_create`` once each; the object kept for each, twins deleted."""
        resource = self.resource

        def create(wanted):
            try:
                answer = resource.create(self.client, wanted)
            except OutcomeUnknown as lost:
                # It may have been made; not when Tracker refused it as taken (409) by another run.
                self.written = self.written or lost.status != 409
                raise
            self.written = True
            return answer

        def find():
            return resource.index(resource.read(self.client)).matches

        answers, found, dummy = create_once(self.client, to_create, create, find,
                                            missing='the %s is not on %s' % (resource.noun, resource.place),
                                            always_read=resource.settle_twins)
        if found is None:
            return answers
        kept, twins = settle_created(to_create, answers, found)
        if not resource.delete_twins:
            self.twins.extend(twins)
            return self.finish_found(kept, answers)
        for twin in twins:
            resource.delete(self.client, twin)
        return self.finish_found(kept, answers)

    def diff(self):
        return plan_diff(self.resource, self.first, self.current, self.plan)


def plan_diff(resource, first, current, plan):
    """The diff of a task: the objects as first read, and as they are once ``plan`` is carried out on
    ``current`` (the last read)."""
    before = [resource.describe(item) for item in resource.shown(first, plan)]
    return diff(resource.diff_lines(before), resource.diff_lines(lines_after(resource, current, plan)))


def lines_after(resource, current, plan):
    """The diff's lines once ``plan`` is carried out on ``current``."""
    replaced = dict((id(item), wanted) for item, wanted in plan.to_update)
    deleted = set(id(item) for item in plan.to_delete)
    lines = []
    for item in resource.shown(current, plan):
        if id(item) in replaced:
            lines.append(resource.describe_wanted(replaced[id(item)]))
        elif id(item) not in deleted:
            lines.append(resource.describe(item))
    return lines + [resource.describe_wanted(wanted) for wanted in plan.to_create]


def run_resource_task(module, resource, wanted):
    """Make the module's resource what ``wanted`` says; exit or fail the module."""
    carry_out(module, ResourceTask(tracker_client(module), resource, wanted, module.check_mode))


def carry_out(module, task):
    """Run ``task`` (a ResourceTask, or a task of the same four methods) and end the module with its result.

    A failure still says what was written before it; the diff goes with the result in diff mode.
    """
    try:
        task.run()
    except TrackerError as error:
        fail_task(module, task.client, error, **task.failure())
    result = task.result()
    if module._diff:
        result['diff'] = task.diff()
    exit_task(module, task.client, **result)


class BudgetSpent(TrackerError):
    """A failure the flow met again on every attempt its budget allows: no caller tries once more.

    create_once gives up with the status of the last refusal, a 409 perhaps: converge must not take
    that for a stale update and start the creates over (retries squared)."""


def create_once(client, to_create, create, find, missing, conflicts=(), always_read=True, reason='lost answer'):
    """Create each of ``to_create`` exactly once; (answers, found, taken).

    ``create(wanted)`` sends one create and answers the object (None when the answer holds none);
    it raises OutcomeUnknown when the answer was lost, or TrackerError with a status of
    ``conflicts`` when another run made the object a moment earlier. ``find()`` reads once and
    gives a function: the objects found for a wanted one.

    A create whose outcome is unknown is looked for in one read after the creates, and sent again
    only when it is not there, within one budget of ``client.retries`` attempts; ``missing`` says
    in the message what is still missing then. With ``always_read``, that read is made even when
    every create was answered, for the caller to settle twins. ``answers`` holds each answer
    (None: found by reading), ``found`` the last read (None when none was made), ``taken`` the
    numbers whose first create was refused as a conflict: another run made them, not this one.
    """
    answers = [None] * len(to_create)
    taken = set()
    pending = list(range(len(to_create)))
    attempt = 0
    while True:
        problem = None
        for number in pending:
            try:
                answers[number] = create(to_create[number])
            except OutcomeUnknown as lost:
                problem = lost
            except TrackerError as error:
                if error.status not in conflicts:
                    raise
                problem = error
                if attempt == 0:
                    taken.add(number)
        if problem is None and not always_read:
            return answers, None, taken
        found = find()
        pending = [number for number in pending if answers[number] is None and not found(to_create[number])]
        if not pending:
            return answers, found, taken
        if attempt >= client.retries:
            # No problem: the creates were answered without the object, and reading never showed it.
            said = '%s; ' % problem if problem is not None else 'answered without the object; '
            raise BudgetSpent('%s%s after %d attempts' % (said, missing, attempt + 1),
                              status=None if problem is None else problem.status)
        # A create a resource was refused as taken (a 409 it settles by reading, as an unknown outcome)
        # is said so in the waits' summary, not counted as a lost answer.
        taken_now = isinstance(problem, OutcomeUnknown) and problem.status == 409
        client.backoff(attempt, reason='HTTP 409' if taken_now else reason)
        attempt += 1


def settle_created(to_create, answers, found):
    """After creating ``to_create`` (answered as ``answers``): the object to keep for each, and the twins to delete.

    ``found(wanted)`` gives the objects, read again, that ``wanted`` describes. Runs that ask for
    the same object at the same moment each see it missing and each make one: read again
    afterwards, they show them all, and every run keeps the one with the lowest id and deletes the
    rest, so they agree on one whatever their number.
    """
    kept, twins = [], []
    for wanted, answer in zip(to_create, answers):
        copies = sorted(found(wanted), key=id_order)
        kept.append(copies[0] if copies else answer)
        twins.extend(copies[1:])
    return kept, twins


def converge(client, apply_once, read_again, conflicts=CONFLICTS):
    """Call ``apply_once()`` until it returns True; a conflict (the object changed between the read
    and the write) reads again and plans again, at most ``client.retries`` more times.

    False when ``apply_once`` kept asking for another look; the conflict itself when the last
    attempt still met one.
    """
    attempts = client.retries + 1
    for attempt in range(attempts):
        if attempt:
            read_again()
        try:
            if apply_once():
                return True
        except TrackerError as error:
            if error.status not in conflicts or attempt + 1 >= attempts or isinstance(error, BudgetSpent):
                raise
    return False
